using System;
using System.Collections.Generic;
using System.Globalization;
using OpenAIVideos.Client;

namespace OpenAIVideos.Commands
{
    /// <summary>An estimated price for a video, or an unknown one.</summary>
    public sealed class VideoCostEstimate
    {
        internal VideoCostEstimate(decimal? amount, decimal? pricePerSecond, double? seconds, bool isUpperBound = false, string? basis = null)
        {
            Amount = amount;
            PricePerSecond = pricePerSecond;
            Seconds = seconds;
            IsUpperBound = isUpperBound;
            Basis = basis;
        }

        /// <summary>True when the published prices differ by options not given (audio, resolution): the amount is the highest.</summary>
        public bool IsUpperBound { get; }

        /// <summary>Where the price comes from (<c>OpenAI's sora-2 prices</c>, <c>pricing_skus duration_seconds_720p</c>), or null when unknown.</summary>
        public string? Basis { get; }

        /// <summary>US dollars, or null when the model, size or duration has no known price.</summary>
        public decimal? Amount { get; }

        /// <summary>US dollars per second of video, when known.</summary>
        public decimal? PricePerSecond { get; }

        /// <summary>The duration the estimate is for.</summary>
        public double? Seconds { get; }

        /// <summary><c>$0.40</c>, <c>up to $0.64</c>, <c>$0.08/s (duration unknown)</c>, or <c>unknown</c>.</summary>
        public override string ToString() =>
            Amount is { } amount ? (IsUpperBound ? "up to $" : "$") + amount.ToString("0.00", CultureInfo.InvariantCulture)
            : PricePerSecond is { } perSecond ? "$" + perSecond.ToString("0.00##", CultureInfo.InvariantCulture) + "/s (duration unknown)"
            : "unknown";
    }

    /// <summary>
    /// Estimates what a video costs from the connected server's published prices: OpenRouter's <c>pricing_skus</c> from
    /// <c>GET /videos/models</c>; OpenAI's per-second sora prices (sora-2 $0.10/s at 720p; sora-2-pro $0.30/s at 720p,
    /// $0.50/s at 1024x1792, 1792x1024 and 1080p) only on servers that speak Sora (<see cref="ServerProfile.UsesSoraPrices"/>).
    /// Anywhere else the price is unknown, and says so.
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

        /// <summary>The estimate for a create on the connected server, from its catalogue where it publishes prices.</summary>
        /// <param name="profile">The server's dialect.</param>
        /// <param name="models">The connection's model catalogue (<see cref="VideoModelCatalogue"/>), or null when not fetched.</param>
        /// <param name="request">The create.</param>
        public static VideoCostEstimate Estimate(ServerProfile profile, IReadOnlyList<VideoModel>? models, VideoCreateRequest request)
        {
            if (profile is null || request is null)
            {
                throw new ArgumentNullException(profile is null ? nameof(profile) : nameof(request));
            }

            if (profile.UsesSoraPrices)
            {
                return Estimate(request.Model, request.Size, request.Seconds);
            }

            var model = models is null ? null : VideoModelCatalogue.Find(models, request.Model ?? profile.DefaultModel);
            if (model is null || model.Prices.Count == 0)
            {
                return new VideoCostEstimate(null, null, null);
            }

            double? seconds = VideoSeconds.TryParse(request.Seconds, out var given) ? given : null;
            return SkuEstimate(model, seconds, request.Resolution ?? ResolutionOf(request.Size), request.Audio);
        }

        /// <summary>
        /// A price from SKUs as OpenRouter names them (its SDKs document <c>pricing_skus</c> only as a map of SKU to
        /// price; public clients show <c>duration_seconds</c>, <c>duration_seconds_720p</c>,
        /// <c>duration_seconds_with_audio</c>, and the emulator <c>per-video-second-1080p</c>): a SKU naming seconds is a
        /// price per second, narrowed by the resolution and audio given; any other SKU is a price per video. Where the
        /// options given leave several prices, the highest is shown as an upper bound.
        /// </summary>
        public static VideoCostEstimate SkuEstimate(VideoModel model, double? seconds, string? resolution, bool? audio)
        {
            if (model is null)
            {
                throw new ArgumentNullException(nameof(model));
            }

            var perSecond = new List<KeyValuePair<string, decimal>>();
            var perVideo = new List<KeyValuePair<string, decimal>>();
            foreach (var sku in model.Prices)
            {
                (Contains(sku.Key, "second") ? perSecond : perVideo).Add(sku);
            }

            var pool = perSecond.Count > 0 ? perSecond : perVideo;
            // An option not given leaves every price it could mean: the server's default is not published.
            if (resolution is not null)
            {
                pool = Narrow(pool, sku => HasToken(sku, resolution), sku => !HasAnyResolution(sku, model));
            }

            if (audio is { } withAudio)
            {
                pool = Narrow(pool, sku => Contains(Words(sku), withAudio ? "_with_audio" : "_without_audio"), sku => !Contains(sku, "audio"));
            }

            if (pool.Count == 0)
            {
                return new VideoCostEstimate(null, null, seconds);
            }

            var highest = pool[0];
            var same = true;
            foreach (var sku in pool)
            {
                same &= sku.Value == highest.Value;
                if (sku.Value > highest.Value)
                {
                    highest = sku;
                }
            }

            var basis = "pricing_skus " + highest.Key;
            if (perSecond.Count == 0)
            {
                return new VideoCostEstimate(highest.Value, null, seconds, !same, basis);
            }

            return new VideoCostEstimate(seconds is { } duration ? highest.Value * (decimal)duration : (decimal?)null, highest.Value, seconds, !same, basis);
        }

        // Keep the SKUs that match the option given; failing that, the ones that name no such option; failing that, all.
        private static List<KeyValuePair<string, decimal>> Narrow(List<KeyValuePair<string, decimal>> pool, Func<string, bool> matches, Func<string, bool> neutral)
        {
            var matching = pool.FindAll(sku => matches(sku.Key));
            if (matching.Count > 0)
            {
                return matching;
            }

            var plain = pool.FindAll(sku => neutral(sku.Key));
            return plain.Count > 0 ? plain : pool;
        }

        private static bool HasAnyResolution(string sku, VideoModel model) =>
            model.Resolutions.Count > 0
                ? new List<string>(model.Resolutions).Exists(r => HasToken(sku, r))
                : System.Text.RegularExpressions.Regex.IsMatch(Words(sku), @"_\d+(p|k)(_|$)", System.Text.RegularExpressions.RegexOptions.IgnoreCase);

        // SKU words are separated by '_' or '-': duration_seconds_720p, per-video-second-720p.
        private static string Words(string sku) => "_" + sku.Replace('-', '_') + "_";

        private static bool HasToken(string sku, string token) => Contains(Words(sku), "_" + token.Replace('-', '_') + "_");

        private static bool Contains(string text, string part) => text.IndexOf(part, StringComparison.OrdinalIgnoreCase) >= 0;

        // 1280x720 is 720p: the shorter side names the class.
        private static string? ResolutionOf(string? size)
        {
            var parts = size?.Split('x', 'X');
            return parts is { Length: 2 } && int.TryParse(parts[0], out var w) && int.TryParse(parts[1], out var h) ? Math.Min(w, h) + "p" : null;
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
