namespace OpenAIVideos.Emulator.Dialects.OpenAI
{
    /// <summary>api.openai.com as the spec (shared/openapi/openapi.yaml) describes it: strict fields and models.</summary>
    internal sealed class OpenAIDialect : OpenAICompatibleDialect
    {
        public override bool RejectsUnknownFields => true;

        public override bool KnownModelsOnly => true;

        public override bool HonoursIdempotencyKey => true;
    }
}
