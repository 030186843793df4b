using System;
using System.Collections.Generic;

namespace OpenAIVideos
{
    /// <summary>
    /// A video model a server offers and what it accepts: as the server publishes it (OpenRouter's
    /// <c>GET /videos/models</c>) or as its documentation lists it. Empty lists mean "not known", not "none".
    /// </summary>
    public sealed class VideoModel
    {
        /// <summary>The id to pass as <c>-Model</c>, e.g. <c>google/veo-3.1</c>.</summary>
        public string Id { get; set; } = string.Empty;

        /// <summary>The display name, when the server gives one.</summary>
        public string? Name { get; set; }

        /// <summary>The server kind the model was listed for.</summary>
        public ServerKind Server { get; set; }

        /// <summary>Durations in seconds it takes, as typed for <c>-Seconds</c> (<c>"4"</c>, <c>"8"</c>).</summary>
        public IReadOnlyList<string> Seconds { get; set; } = Array.Empty<string>();

        /// <summary>Resolutions it takes (<c>720p</c>, <c>1080p</c>).</summary>
        public IReadOnlyList<string> Resolutions { get; set; } = Array.Empty<string>();

        /// <summary>Aspect ratios it takes (<c>16:9</c>).</summary>
        public IReadOnlyList<string> AspectRatios { get; set; } = Array.Empty<string>();

        /// <summary>Sizes it takes (<c>1280x720</c>).</summary>
        public IReadOnlyList<string> Sizes { get; set; } = Array.Empty<string>();

        /// <summary>Which frames it takes as images (<c>first_frame</c>, <c>last_frame</c>).</summary>
        public IReadOnlyList<string> FrameImages { get; set; } = Array.Empty<string>();

        /// <summary>Whether it can generate audio; null when not known.</summary>
        public bool? Audio { get; set; }

        /// <summary>Whether it honours a seed; null when not known.</summary>
        public bool? Seed { get; set; }

        /// <summary>
        /// Published prices in US dollars by SKU, as the server names them (OpenRouter's <c>pricing_skus</c>, e.g.
        /// <c>duration_seconds_720p</c> per second of video); empty when the server publishes none.
        /// </summary>
        public IReadOnlyDictionary<string, decimal> Prices { get; set; } = new Dictionary<string, decimal>();

        /// <summary>Where the facts come from: <c>server</c> (published by it) or <c>documentation</c>.</summary>
        public string Source { get; set; } = "server";

        /// <summary>The id.</summary>
        public override string ToString() => Id;
    }
}
