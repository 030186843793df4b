using System;
using System.Globalization;

namespace OpenAIVideos.Commands
{
    /// <summary>An estimated price for a video, or an unknown one.</summary>
    public sealed class VideoCostEstimate
    {
        internal VideoCostEstimate(decimal? amount, decimal? pricePerSecond, double? seconds)
        {
            Amount = amount;
            PricePerSecond = pricePerSecond;
            Seconds = seconds;
        }

        /// <summary>US dollars, or null when the model, size or duration has no known price.</summary>
        public decimal? Amount { get; }

        /// <summary>US dollars per second of video, when known.</summary>
        public decimal? PricePerSecond { get; }

        /// <summary>The duration the estimate is for.</summary>
        public double? Seconds { get; }

        /// <summary><c>$0.40</c>, or <c>unknown</c>.</summary>
        public override string ToString() =>
            Amount is { } amount ? "$" + amount.ToString("0.00", CultureInfo.InvariantCulture) : "unknown";
    }

    /// <summary>
    /// Estimates what a video costs from OpenAI's published per-second prices (sora-2 $0.10/s at 720p; sora-2-pro
    /// $0.30/s at 720p, $0.50/s at 1024x1792, 1792x1024 and 1080p). Other models (gateways, self-hosted) are unknown.
    /// </summary>
    public static class VideoCostEstimator
    {
        /// <summary>The model the API uses when none is given.</summary>
        public const string DefaultModel = "sora-2";

        /// <summary>The duration the API uses when none is given.</summary>
        public const string DefaultSeconds = "4";

        /// <summary>The size the API uses when none is given.</summary>
        public const string DefaultSize = "720x1280";

        /// <summary>The estimate for a create with these values (null ones take the API's defaults).</summary>
        public static VideoCostEstimate Estimate(string? model, string? size, string? seconds)
        {
            model = string.IsNullOrWhiteSpace(model) ? DefaultModel : model!.Trim();
            size = string.IsNullOrWhiteSpace(size) ? DefaultSize : size!.Trim();
            seconds = string.IsNullOrWhiteSpace(seconds) ? DefaultSeconds : seconds!.Trim();
            var price = PricePerSecond(model!, size!);
            if (!VideoSeconds.TryParse(seconds, out var duration))
            {
                return new VideoCostEstimate(null, price, null);
            }

            return new VideoCostEstimate(price is { } perSecond ? perSecond * (decimal)duration : (decimal?)null, price, duration);
        }

        /// <summary>Dollars per second for a model and size, or null when not known.</summary>
        public static decimal? PricePerSecond(string model, string size)
        {
            var family = Family(model);
            var is720 = IsOneOf(size, "720x1280", "1280x720");
            var isLarge = IsOneOf(size, "1024x1792", "1792x1024", "1080x1920", "1920x1080");
            return family switch
            {
                "sora-2" when is720 => 0.10m,
                "sora-2-pro" when is720 => 0.30m,
                "sora-2-pro" when isLarge => 0.50m,
                _ => null,
            };
        }

        // Dated snapshots (sora-2-pro-2025-10-06) are priced like their family.
        private static string? Family(string model)
        {
            var name = model.Trim().ToLowerInvariant();
            if (name == "sora-2-pro" || name.StartsWith("sora-2-pro-", StringComparison.Ordinal))
            {
                return "sora-2-pro";
            }

            if (name == "sora-2" || (name.StartsWith("sora-2-", StringComparison.Ordinal) && name.Length > 7 && char.IsDigit(name[7])))
            {
                return "sora-2";
            }

            return null;
        }

        private static bool IsOneOf(string value, params string[] candidates) =>
            Array.Exists(candidates, c => string.Equals(c, value.Trim(), StringComparison.OrdinalIgnoreCase));
    }
}
