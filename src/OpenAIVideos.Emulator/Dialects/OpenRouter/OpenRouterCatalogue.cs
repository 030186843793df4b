using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace OpenAIVideos.Emulator.Dialects.OpenRouter
{
    /// <summary>
    /// The emulator's video model catalogue. <c>google/veo-3.1</c> is the example entry of OpenRouter's "Video
    /// Generation" guide (resolutions, aspect ratios, sizes, <c>pricing_skus</c> 0.50 per second and 0.75 at 1080p,
    /// <c>output_config</c> passthrough); its durations 4/6/8 and frame types are Veo's. The other two are illustrative,
    /// with the per-second prices a public survey of OpenRouter's catalogue lists (Agent-Field/agentfield issue 464):
    /// they show a model without audio or seed and one with only a first frame, not OpenRouter's live values.
    /// </summary>
    internal static class OpenRouterCatalogue
    {
        private const long Created = 1773532800; // 2026-03-15, around the video API's launch.

        public static readonly IReadOnlyList<VideoModelCapabilities> Models = new[]
        {
            new VideoModelCapabilities("google/veo-3.1", "google/veo-3.1", "Google: Veo 3.1",
                "Veo 3.1: 4, 6 or 8 second clips with native audio, first and last frame control.", Created,
                new[] { "720p", "1080p" }, new[] { "16:9", "9:16", "1:1" }, new[] { "1280x720", "1920x1080" },
                new double[] { 4, 6, 8 }, new[] { "first_frame", "last_frame" }, GenerateAudio: true, Seed: true,
                new Dictionary<string, string> { ["per-video-second"] = "0.50", ["per-video-second-1080p"] = "0.75" },
                new[] { "output_config" }),
            new VideoModelCapabilities("alibaba/wan-2.6", "alibaba/wan-2.6", "Alibaba: Wan 2.6",
                "Wan 2.6 text and image to video, silent.", Created,
                new[] { "480p", "720p", "1080p" }, new[] { "16:9", "9:16", "1:1", "4:3", "3:4" }, Array.Empty<string>(),
                new double[] { 5, 10 }, new[] { "first_frame" }, GenerateAudio: false, Seed: true,
                new Dictionary<string, string> { ["per-video-second"] = "0.04" }, Array.Empty<string>()),
            new VideoModelCapabilities("openai/sora-2-pro", "openai/sora-2-pro", "OpenAI: Sora 2 Pro",
                "Sora 2 Pro with synchronized audio.", Created,
                new[] { "720p", "1080p" }, new[] { "16:9", "9:16" }, new[] { "1280x720", "720x1280", "1792x1024", "1024x1792" },
                new double[] { 4, 8, 12 }, new[] { "first_frame" }, GenerateAudio: true, Seed: false,
                new Dictionary<string, string> { ["per-video-second"] = "0.30" }, Array.Empty<string>()),
        };

        public static VideoModelCapabilities? Find(string id) => Models.FirstOrDefault(model => model.Id == id);

        /// <summary>
        /// What a job costs: seconds times the resolution's SKU (<c>per-video-second-1080p</c>) or else the base
        /// <c>per-video-second</c>. How OpenRouter combines SKUs (audio, sizes) beyond that was not pinned down.
        /// </summary>
        public static decimal Cost(VideoModelCapabilities model, string resolution, double seconds)
        {
            string price = model.PricingSkus.TryGetValue("per-video-second-" + resolution, out string? specific)
                ? specific
                : model.PricingSkus["per-video-second"];
            // Dividing by 1.000… drops trailing zeros, so 0.50 × 8 is written as 4, not 4.00.
            return decimal.Parse(price, CultureInfo.InvariantCulture) * (decimal)seconds / 1.000000000000000000000000000000000m;
        }
    }
}
