using System;
using System.Collections.Generic;

namespace OpenAIVideos
{
    /// <summary>
    /// A video generation job as the Videos API describes it. Field names follow the API; timestamps are
    /// <see cref="DateTimeOffset"/>; fields a server adds beyond the API are kept in <see cref="AdditionalProperties"/>.
    /// </summary>
    public sealed class Video
    {
        /// <summary>Unique identifier of the job, e.g. <c>video_123</c>.</summary>
        public string Id { get; set; } = string.Empty;

        /// <summary>The object type; <c>video</c> for every server that follows the API.</summary>
        public string Object { get; set; } = "video";

        /// <summary>The model (or, on Azure, the deployment) that produced the job.</summary>
        public string? Model { get; set; }

        /// <summary>
        /// Lifecycle status in the API's own spelling (<c>queued</c>, <c>in_progress</c>, <c>completed</c>,
        /// <c>failed</c>); statuses a gateway invents pass through unchanged. See <see cref="VideoStatus"/>.
        /// </summary>
        public string Status { get; set; } = string.Empty;

        /// <summary>Approximate completion percentage, 0 to 100.</summary>
        public int Progress { get; set; }

        /// <summary>When the job was created.</summary>
        public DateTimeOffset CreatedAt { get; set; }

        /// <summary>When the job finished, if it has.</summary>
        public DateTimeOffset? CompletedAt { get; set; }

        /// <summary>When the downloadable assets expire, if set (about an hour after completion).</summary>
        public DateTimeOffset? ExpiresAt { get; set; }

        /// <summary>The prompt the video was generated from.</summary>
        public string? Prompt { get; set; }

        /// <summary>Resolution as <c>WIDTHxHEIGHT</c>, e.g. <c>720x1280</c>.</summary>
        public string? Size { get; set; }

        /// <summary>
        /// Duration in seconds as the API spells it (a string such as <c>"8"</c>); for extensions the stitched total.
        /// Some gateways send none.
        /// </summary>
        public string? Seconds { get; set; }

        /// <summary>The source video when this one is a remix.</summary>
        public string? RemixedFromVideoId { get; set; }

        /// <summary>
        /// What the server says it charged for the job, in US dollars (OpenRouter's <c>usage.cost</c>, a gateway's
        /// <c>outputs.cost</c>); null where the server does not say.
        /// </summary>
        public decimal? Cost { get; set; }

        /// <summary>
        /// Where the server says the finished video can be fetched (Gemini's <c>url</c>, OpenRouter's
        /// <c>unsigned_urls</c>, a gateway's <c>outputs.video_url</c>); empty where it serves <c>/content</c> only.
        /// </summary>
        public IReadOnlyList<string> ContentUrls { get; set; } = Array.Empty<string>();

        /// <summary>Why generation failed, when it did.</summary>
        public VideoError? Error { get; set; }

        /// <summary>
        /// Response fields this module does not model (e.g. <c>quality</c>, a gateway's <c>outputs</c>), keyed by
        /// their wire names. Values are strings, booleans, numbers (<see cref="long"/> or <see cref="double"/>),
        /// null, nested dictionaries or lists.
        /// </summary>
        public IDictionary<string, object?> AdditionalProperties { get; set; } =
            new Dictionary<string, object?>(StringComparer.Ordinal);

        /// <summary>True once the job can change no more (completed, failed, cancelled or expired).</summary>
        public bool IsTerminal => VideoStatus.IsTerminal(Status);

        /// <summary>The duration as a <see cref="TimeSpan"/>, when <see cref="Seconds"/> is a number.</summary>
        public TimeSpan? Duration => VideoSeconds.TryParse(Seconds, out var seconds) ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;

        /// <summary>The id, so that a video passed where a string is expected becomes its id.</summary>
        public override string ToString() => Id;
    }
}
