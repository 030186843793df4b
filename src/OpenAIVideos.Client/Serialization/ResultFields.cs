using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace OpenAIVideos.Client.Serialization
{
    /// <summary>
    /// Reads where a finished video is and what it cost from the fields today's servers add to the video object:
    /// Gemini's <c>url</c> (ai.google.dev/gemini-api/docs/openai, "Generate a video"), OpenRouter's
    /// <c>unsigned_urls</c> and <c>usage.cost</c> (openrouter.ai/docs/api/api-reference/videos, its SDKs'
    /// VideoGenerationResponse), Together's <c>outputs.video_url</c> and <c>outputs.cost</c> (togethercomputer/openapi).
    /// </summary>
    internal static class ResultFields
    {
        public static IReadOnlyList<string> ContentUrls(IDictionary<string, JsonElement> extra)
        {
            var urls = new List<string>();
            if (extra.TryGetValue("url", out var url))
            {
                AddUrl(urls, url);
            }

            if (extra.TryGetValue("unsigned_urls", out var unsigned) && unsigned.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in unsigned.EnumerateArray())
                {
                    AddUrl(urls, item);
                }
            }

            if (extra.TryGetValue("outputs", out var outputs) && outputs.ValueKind == JsonValueKind.Object
                && outputs.TryGetProperty("video_url", out var videoUrl))
            {
                AddUrl(urls, videoUrl);
            }

            return urls;
        }

        public static decimal? Cost(IDictionary<string, JsonElement> extra)
        {
            foreach (var holder in new[] { "usage", "outputs" })
            {
                if (extra.TryGetValue(holder, out var element) && element.ValueKind == JsonValueKind.Object
                    && element.TryGetProperty("cost", out var cost))
                {
                    if (cost.ValueKind == JsonValueKind.Number && cost.TryGetDecimal(out var amount))
                    {
                        return amount;
                    }

                    if (cost.ValueKind == JsonValueKind.String
                        && decimal.TryParse(cost.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
                    {
                        return parsed;
                    }
                }
            }

            return null;
        }

        private static void AddUrl(List<string> urls, JsonElement element)
        {
            if (element.ValueKind == JsonValueKind.String && element.GetString() is { Length: > 0 } text && !urls.Contains(text))
            {
                urls.Add(text);
            }
        }
    }
}
