using System;
using System.Security.Cryptography;
using System.Text;

using OpenAIVideos.Emulator.Http;

namespace OpenAIVideos.Emulator.Jobs
{
    /// <summary>
    /// Who a request acts for: the SHA-256 of the API key it presented (set by the authentication step), so videos can be
    /// owned per key (LiteLLM) and counted per key (Azure) without the emulator keeping any key.
    /// </summary>
    internal static class RequestOwner
    {
        public const string Anonymous = "anonymous";

        private const string ItemKey = "emulator.owner";

        public static void Set(ApiContext context, string? presentedKey) =>
            context.Items[ItemKey] = presentedKey is null ? Anonymous : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(presentedKey))).ToLowerInvariant();

        public static string Of(ApiContext context) => context.Items[ItemKey] as string ?? Anonymous;
    }
}
