namespace OpenAIVideos.Emulator.Hosting
{
    /// <summary>Endpoint metadata naming the API operation, used by fault rules and per-operation statistics.</summary>
    internal sealed record ApiOperation(string Name)
    {
        public const string Admin = "admin";
        public const string Unknown = "unknown";
    }
}
