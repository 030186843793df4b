using System;
using System.Collections.Generic;

namespace OpenAIVideos.Client
{
    /// <summary>
    /// What a new video is made from. Only <see cref="Prompt"/> is required; the server applies its defaults to what
    /// is left null. Which of the rest a server takes, and in which field, is its dialect's business
    /// (<see cref="ServerProfile.CreateFields"/>).
    /// </summary>
    public sealed class VideoCreateRequest
    {
        /// <summary>Text describing the video (1 to 32,000 characters).</summary>
        public string Prompt { get; set; } = string.Empty;

        /// <summary>Model, or on Azure the deployment name.</summary>
        public string? Model { get; set; }

        /// <summary>
        /// Duration in seconds as typed (<c>"4"</c>, <c>"8"</c>); the server's dialect sends it in its own field and type
        /// (the spec's <c>seconds</c> string, Gemini's <c>duration_seconds</c> integer, OpenRouter's <c>duration</c> number).
        /// </summary>
        public string? Seconds { get; set; }

        /// <summary>Resolution as <c>WIDTHxHEIGHT</c>.</summary>
        public string? Size { get; set; }

        /// <summary>Aspect ratio, e.g. <c>16:9</c> (servers that take one).</summary>
        public string? AspectRatio { get; set; }

        /// <summary>Resolution class, e.g. <c>720p</c>, <c>1080p</c> (servers that take one).</summary>
        public string? Resolution { get; set; }

        /// <summary>What the video should not show (servers that take one).</summary>
        public string? NegativePrompt { get; set; }

        /// <summary>Seed for repeatable results (servers that take one).</summary>
        public long? Seed { get; set; }

        /// <summary>Whether to generate audio (servers that let it be chosen).</summary>
        public bool? Audio { get; set; }

        /// <summary>An image the video starts from (its first frame).</summary>
        public VideoInputReference? InputReference { get; set; }

        /// <summary>An image the video ends on (servers that take one).</summary>
        public VideoInputReference? LastFrame { get; set; }

        /// <summary>Images of a subject or style to keep (at most three; servers that take them).</summary>
        public IList<VideoInputReference> ReferenceImages { get; set; } = new List<VideoInputReference>();

        /// <summary>Ids of characters to appear (at most two).</summary>
        public IList<string> CharacterIds { get; set; } = new List<string>();

        /// <summary>
        /// Extra fields for servers that take them (vLLM-Omni's <c>num_frames</c>, <c>fps</c>); sent beside the
        /// dialect's own. Values are strings, numbers, booleans or nested objects.
        /// </summary>
        public IDictionary<string, object?> AdditionalProperties { get; set; } = new Dictionary<string, object?>(StringComparer.Ordinal);

        /// <summary>
        /// Sent as <c>Idempotency-Key</c> on every attempt; a fresh one per call when null. A batch run journals its own
        /// key before sending, so that a rerun can replay a create whose answer was lost.
        /// </summary>
        public string? IdempotencyKey { get; set; }
    }
}
