using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using OpenAIVideos.Emulator.Dialects;
using OpenAIVideos.Emulator.Jobs;

namespace OpenAIVideos.Emulator.Hosting
{
    /// <summary>
    /// Checks the key in the header(s) the dialect reads (<c>Authorization: Bearer</c>, <c>api-key</c>,
    /// <c>x-litellm-api-key</c>) and records who the request acts for (<see cref="RequestOwner"/>). Error messages never
    /// contain the presented key, not even masked, so a key cannot leak through logs of responses.
    /// </summary>
    internal sealed class ApiKeyAuthentication
    {
        private readonly RequestDelegate _next;
        private readonly EmulatorOptions _options;
        private readonly ServerDialect _dialect;

        public ApiKeyAuthentication(RequestDelegate next, EmulatorState state)
        {
            _next = next;
            _options = state.Options;
            _dialect = state.Dialect;
        }

        public Task InvokeAsync(HttpContext context)
        {
            string? key = _dialect.PresentedKey(context.Request);
            if (_options.RequireAuthentication && !_dialect.AllowsAnonymous(context.Request))
            {
                if (string.IsNullOrEmpty(key))
                {
                    throw _dialect.Unauthorized(keyMissing: true);
                }

                if (_options.ApiKey != null && !FixedTimeEquals(key, _options.ApiKey))
                {
                    throw _dialect.Unauthorized(keyMissing: false);
                }
            }

            RequestOwner.Set(context, key);
            return _next(context);
        }

        private static bool FixedTimeEquals(string presented, string expected) =>
            CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));
    }
}
