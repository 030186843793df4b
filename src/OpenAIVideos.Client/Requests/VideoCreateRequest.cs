using System;
using System.Collections.Generic;

namespace OpenAIVideos.Client
{
    /// <summary>
    /// What a new video is made from. Only <see cref="Prompt"/> is required; the server applies its defaults
    /// (<c>sora-2</c>, <c>"4"</c> seconds, <c>720x1280</c>) to what is left null.
    /// </summary>
    public sealed class VideoCreateRequest
    {
        /// <summary>Text describing the video (1 to 32,000 characters).</summary>
        public string Prompt { get; set; } = string.Empty;

        /// <summary>Model, or on Azure the deployment name.</summary>
        public string? Model { get; set; }

        /// <summary>Duration as a string (<c>"4"</c>, <c>"8"</c>, <c>"12"</c>); sent as a string, never a number.</summary>
        public string? Seconds { get; set; }

        /// <summary>Resolution as <c>WIDTHxHEIGHT</c>.</summary>
        public string? Size { get; set; }

        /// <summary>An image the video starts from.</summary>
        public VideoInputReference? InputReference { get; set; }

        /// <summary>Ids of characters to appear (at most two).</summary>
        public IList<string> CharacterIds { get; set; } = new List<string>();

        /// <summary>
        /// Extra fields for servers that take them (vLLM-Omni's <c>num_frames</c>, <c>fps</c>, <c>seed</c>,
        /// <c>negative_prompt</c>); sent beside the API's own. Values are strings, numbers, booleans or nested objects.
        /// </summary>
        public IDictionary<string, object?> AdditionalProperties { get; set; } = new Dictionary<string, object?>(StringComparer.Ordinal);

        /// <summary>
        /// Sent as <c>Idempotency-Key</c> on every attempt; a fresh one per call when null. A batch run journals its own
        /// key before sending, so that a rerun can replay a create whose answer was lost.
        /// </summary>
        public string? IdempotencyKey { get; set; }
    }
}
