using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace OpenAIVideos.Client.Serialization
{
    /// <summary>
    /// Reads where a finished video is and what it cost from the fields today's servers add to the video object:
    /// Gemini's <c>url</c> (ai.google.dev/gemini-api/docs/openai, "Generate a video"), OpenRouter's <c>urls</c> (signed
    /// storage links), <c>unsigned_urls</c> (its authenticated content proxy) and <c>usage.cost</c>
    /// (openrouter.ai/docs/api/api-reference/videos, read 2026-12-06: "either the signed storage URL (urls[0]) or the
    /// authenticated content proxy endpoint (unsigned_urls[0])"; its SDKs' VideoGenerationResponse), Together's
    /// <c>outputs.video_url</c> and <c>outputs.cost</c> (togethercomputer/openapi). Storage links come first: they need
    /// no key, and the key is never sent to them (only to the server's own origin).
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

            foreach (var list in new[] { "urls", "unsigned_urls" })
            {
                if (extra.TryGetValue(list, out var items) && items.ValueKind == JsonValueKind.Array)
                {
                    foreach (var item in items.EnumerateArray())
                    {
                        AddUrl(urls, item);
                    }
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
