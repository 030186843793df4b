using System.Collections.Generic;

namespace OpenAIVideos.Emulator.Dialects.OpenRouter
{
    /// <summary>
    /// One entry of <c>GET /api/v1/videos/models</c>: what a video model accepts and what it costs. Field names follow
    /// OpenRouter's "Video Generation" guide (openrouter.ai/docs/features/multimodal/video-generation, read 2026-12-06) and
    /// its video skill (skills.sh openrouterteam/skills/openrouter-video): <c>supported_durations</c> is a discrete set,
    /// <c>supported_frame_images</c> the accepted <c>frame_type</c> values, <c>generate_audio</c> and <c>seed</c>
    /// capability flags, <c>pricing_skus</c> prices as decimal strings per SKU.
    /// </summary>
    internal sealed record VideoModelCapabilities(
        string Id,
        string CanonicalSlug,
        string Name,
        string Description,
        long Created,
        IReadOnlyList<string> SupportedResolutions,
        IReadOnlyList<string> SupportedAspectRatios,
        IReadOnlyList<string> SupportedSizes,
        IReadOnlyList<double> SupportedDurations,
        IReadOnlyList<string> SupportedFrameImages,
        bool GenerateAudio,
        bool Seed,
        IReadOnlyDictionary<string, string> PricingSkus,
        IReadOnlyList<string> AllowedPassthroughParameters);
}
