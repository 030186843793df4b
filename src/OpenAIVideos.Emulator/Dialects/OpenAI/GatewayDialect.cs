namespace OpenAIVideos.Emulator.Dialects.OpenAI
{
    /// <summary>A generic lenient gateway: extra fields and unknown models pass, <c>processing</c> while running, quality set.</summary>
    internal sealed class GatewayDialect : OpenAICompatibleDialect
    {
        public override string RunningStatus => "processing";

        public override string? Quality => "standard";

        public override bool HonoursIdempotencyKey => true;
    }
}
