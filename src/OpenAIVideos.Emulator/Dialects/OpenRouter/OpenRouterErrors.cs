using System.Collections.Generic;
using OpenAIVideos.Emulator.Api;

namespace OpenAIVideos.Emulator.Dialects.OpenRouter
{
    /// <summary>
    /// OpenRouter's error body, <c>{"error": {"code": 400, "message": "…"}}</c> (the <c>ErrorResponse</c> type of its
    /// "Errors and Debugging" page, openrouter.ai/docs/api/reference/errors-and-debugging, read 2026-12-06; the HTTP status
    /// equals <c>code</c>; <c>metadata</c> is left out). The 401 texts ("No auth credentials found", "User not found.") are
    /// recalled from OpenRouter's answers, not looked up.
    /// </summary>
    internal static class OpenRouterErrors
    {
        public static ApiException Error(int code, string message) => ApiException.WithBody(code, Body(code, message), message);

        public static object Body(int code, string message) =>
            new Dictionary<string, ErrorDetail> { ["error"] = new ErrorDetail(code, message) };

        public static ApiException Unauthorized(bool keyMissing) =>
            Error(401, keyMissing ? "No auth credentials found" : "User not found.");

        public static ApiException BadRequest(string message) => Error(400, message);

        private sealed record ErrorDetail(int Code, string Message);
    }
}
