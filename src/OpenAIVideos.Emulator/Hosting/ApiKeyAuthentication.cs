using System;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using OpenAIVideos.Emulator.Api;

namespace OpenAIVideos.Emulator.Hosting
{
    /// <summary>
    /// Accepts <c>Authorization: Bearer KEY</c> or <c>api-key: KEY</c> (Azure's style). Error messages never contain
    /// the presented key, not even masked, so a key cannot leak through logs of responses.
    /// </summary>
    internal sealed class ApiKeyAuthentication
    {
        private const string KeysUrl = "https://platform.openai.com/account/api-keys";
        private readonly RequestDelegate _next;
        private readonly EmulatorOptions _options;

        public ApiKeyAuthentication(RequestDelegate next, EmulatorState state)
        {
            _next = next;
            _options = state.Options;
        }

        public Task InvokeAsync(HttpContext context)
        {
            if (_options.RequireAuthentication)
            {
                string? key = PresentedKey(context.Request);
                if (string.IsNullOrEmpty(key))
                {
                    throw Unauthorized("You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or in an api-key header. You can obtain an API key from " + KeysUrl + ".");
                }

                if (_options.ApiKey != null && !FixedTimeEquals(key, _options.ApiKey))
                {
                    throw Unauthorized("Incorrect API key provided. You can find your API key at " + KeysUrl + ".");
                }
            }

            return _next(context);
        }

        private static string? PresentedKey(HttpRequest request)
        {
            string authorization = request.Headers.Authorization.ToString();
            if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                return authorization.Substring(7).Trim();
            }

            string apiKey = request.Headers["api-key"].ToString();
            return apiKey.Length > 0 ? apiKey.Trim() : null;
        }

        private static bool FixedTimeEquals(string presented, string expected) =>
            CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));

        private static ApiException Unauthorized(string message) => new ApiException(401, message, null, "invalid_api_key");
    }
}
