using System;
using System.Text;

namespace OpenAIVideos.Emulator.Dialects.LiteLLM
{
    /// <summary>
    /// LiteLLM's managed video ids: <c>video_</c> + base64 of
    /// <c>litellm:custom_llm_provider:{provider};model_id:{model_id};video_id:{provider's id}</c>
    /// (BerriAI/litellm litellm/types/videos/utils.py @ 3bc834140398d718bb7365fdf54cb3209a6437ab, encode_video_id_with_provider;
    /// the format string is SpecialEnums.LITELLM_MANAGED_VIDEO_COMPLETE_STR in litellm/types/utils.py).
    /// </summary>
    internal static class LiteLLMVideoIds
    {
        private const string Prefix = "video_";
        private const string Marker = "litellm:custom_llm_provider:";

        public static string Encode(string providerVideoId, string provider, string? modelId) =>
            Prefix + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Marker}{provider};model_id:{modelId ?? string.Empty};video_id:{providerVideoId}"));

        /// <summary>The provider's id inside a managed id; null when <paramref name="id"/> is not one (LiteLLM then uses it as is).</summary>
        public static string? Decode(string id)
        {
            // Standard base64 may hold '/' and '+'; a client has to percent-escape them in the path.
            string unescaped = Uri.UnescapeDataString(id);
            if (!unescaped.StartsWith(Prefix, StringComparison.Ordinal))
            {
                return null;
            }

            string payload = unescaped.Substring(Prefix.Length);
            // LiteLLM re-adds padding that was lost when an id was copied (_add_base64_padding).
            payload = payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=');
            try
            {
                string text = Encoding.UTF8.GetString(Convert.FromBase64String(payload));
                int videoId = text.IndexOf(";video_id:", StringComparison.Ordinal);
                return text.StartsWith(Marker, StringComparison.Ordinal) && videoId > 0 ? text.Substring(videoId + ";video_id:".Length) : null;
            }
            catch (FormatException)
            {
                return null;
            }
        }
    }
}
