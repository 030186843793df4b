namespace OpenAIVideos.Emulator.Hosting
{
    /// <summary>Names of operations every dialect shares, beside the API's own (<c>create</c>, <c>list</c>, …).</summary>
    internal static class ApiOperation
    {
        /// <summary>The <c>/_emulator</c> routes: never faulted.</summary>
        public const string Admin = "admin";

        /// <summary>A request no route matched.</summary>
        public const string Unknown = "unknown";
    }
}
