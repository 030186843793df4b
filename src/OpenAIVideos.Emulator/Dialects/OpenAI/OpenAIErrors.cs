using OpenAIVideos.Emulator.Api;

namespace OpenAIVideos.Emulator.Dialects.OpenAI
{
    /// <summary>OpenAI's answers to missing and wrong keys. They never contain the presented key, not even masked.</summary>
    internal static class OpenAIErrors
    {
        private const string KeysUrl = "https://platform.openai.com/account/api-keys";

        public static ApiException Unauthorized(bool keyMissing) => new ApiException(401, keyMissing
            ? "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or in an api-key header. You can obtain an API key from " + KeysUrl + "."
            : "Incorrect API key provided. You can find your API key at " + KeysUrl + ".", null, "invalid_api_key");
    }
}
