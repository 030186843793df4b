using System;

using OpenAIVideos.Emulator.Http;

namespace OpenAIVideos.Emulator.Dialects
{
    /// <summary>Reads an API key from the headers servers use for it.</summary>
    internal static class ApiKeyHeaders
    {
        /// <summary>The key of <c>Authorization: Bearer KEY</c>, or null.</summary>
        public static string? Bearer(ApiRequest request)
        {
            string authorization = request.Headers["Authorization"];
            return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? NonEmpty(authorization.Substring(7)) : null;
        }

        /// <summary>The value of a key header such as <c>api-key</c> or <c>x-litellm-api-key</c>, or null.</summary>
        public static string? Named(ApiRequest request, string header) => NonEmpty(request.Headers[header].ToString());

        private static string? NonEmpty(string value)
        {
            string trimmed = value.Trim();
            return trimmed.Length > 0 ? trimmed : null;
        }
    }
}
