using System.Collections.Generic;
using OpenAIVideos.Emulator.Api;

namespace OpenAIVideos.Emulator.Dialects.Gemini
{
    /// <summary>
    /// Google's error body, <c>{"error": {"code": 400, "message": "…", "status": "INVALID_ARGUMENT"}}</c>, with the
    /// status names of the Gemini API troubleshooting page's error-code table (ai.google.dev/gemini-api/docs/troubleshooting,
    /// read 2026-12-06 through the search index's translated copies: 400 INVALID_ARGUMENT, 403 PERMISSION_DENIED,
    /// 404 NOT_FOUND, 429 RESOURCE_EXHAUSTED, …). The <c>details</c> list Google adds is left out. Not pinned down: whether
    /// the OpenAI compatibility layer wraps the body in a JSON array, as some users report for its chat route.
    /// </summary>
    internal static class GeminiErrors
    {
        public static ApiException Error(int code, string message) => ApiException.WithBody(code, Body(code, message), message);

        public static object Body(int code, string message) =>
            new Dictionary<string, GoogleError> { ["error"] = new GoogleError(code, message, StatusName(code)) };

        /// <summary>
        /// Google's answers to a request without a key (403, recalled from Google APIs) and with a key it does not know
        /// (400 INVALID_ARGUMENT "API key not valid. Please pass a valid API key.", the generateContent example that
        /// developersdigest.tech/errors/api/gemini-api quotes from Google's error docs); not looked up for this route.
        /// </summary>
        public static ApiException Unauthorized(bool keyMissing) => keyMissing
            ? Error(403, "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.")
            : Error(400, "API key not valid. Please pass a valid API key.");

        public static ApiException InvalidArgument(string message) => Error(400, message);

        private static string StatusName(int code) => code switch
        {
            400 or 413 => "INVALID_ARGUMENT",
            401 => "UNAUTHENTICATED",
            403 => "PERMISSION_DENIED",
            404 => "NOT_FOUND",
            405 or 501 => "UNIMPLEMENTED",
            409 => "ABORTED",
            416 => "OUT_OF_RANGE",
            429 => "RESOURCE_EXHAUSTED",
            503 => "UNAVAILABLE",
            504 => "DEADLINE_EXCEEDED",
            _ => code >= 500 ? "INTERNAL" : "FAILED_PRECONDITION",
        };

        private sealed record GoogleError(int Code, string Message, string Status);
    }
}
