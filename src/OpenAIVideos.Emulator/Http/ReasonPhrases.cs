using System.Collections.Generic;

namespace OpenAIVideos.Emulator.Http
{
    /// <summary>
    /// The reason phrase of a status, for the status line and for bodies that name it (vLLM's error <c>type</c>). The
    /// same phrases ASP.NET Core's <c>ReasonPhrases</c> gave before this host replaced it, so answers did not change.
    /// </summary>
    internal static class ReasonPhrases
    {
        private static readonly Dictionary<int, string> Phrases = new Dictionary<int, string>
        {
            [100] = "Continue",
            [200] = "OK",
            [201] = "Created",
            [202] = "Accepted",
            [204] = "No Content",
            [206] = "Partial Content",
            [400] = "Bad Request",
            [401] = "Unauthorized",
            [402] = "Payment Required",
            [403] = "Forbidden",
            [404] = "Not Found",
            [405] = "Method Not Allowed",
            [406] = "Not Acceptable",
            [408] = "Request Timeout",
            [409] = "Conflict",
            [410] = "Gone",
            [411] = "Length Required",
            [412] = "Precondition Failed",
            [413] = "Payload Too Large",
            [415] = "Unsupported Media Type",
            [416] = "Range Not Satisfiable",
            [422] = "Unprocessable Entity",
            [429] = "Too Many Requests",
            [500] = "Internal Server Error",
            [501] = "Not Implemented",
            [502] = "Bad Gateway",
            [503] = "Service Unavailable",
            [504] = "Gateway Timeout",
        };

        public static string GetReasonPhrase(int status) => Phrases.TryGetValue(status, out string? phrase) ? phrase : string.Empty;
    }
}
