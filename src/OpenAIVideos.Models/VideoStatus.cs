using System;

namespace OpenAIVideos
{
    /// <summary>
    /// The status values the API and known gateways send. The set is open: a <see cref="Video"/> keeps whatever string
    /// the server sent, and these constants only name the ones this module knows. Any status that is not terminal
    /// (<c>pending</c>, <c>processing</c>, one no server has sent before) counts as running.
    /// </summary>
    public static class VideoStatus
    {
        /// <summary>Waiting to start.</summary>
        public const string Queued = "queued";

        /// <summary>Being generated.</summary>
        public const string InProgress = "in_progress";

        /// <summary>Finished; content can be downloaded until it expires.</summary>
        public const string Completed = "completed";

        /// <summary>Generation failed; the video's error says why.</summary>
        public const string Failed = "failed";

        /// <summary>OpenRouter's word for queued (openrouter.ai/docs/api/api-reference/videos).</summary>
        public const string Pending = "pending";

        /// <summary>A gateway's word for in progress (the Gemini API's, ai.google.dev/gemini-api/docs/openai).</summary>
        public const string Processing = "processing";

        /// <summary>A gateway's status for a job that was cancelled (OpenRouter's).</summary>
        public const string Cancelled = "cancelled";

        /// <summary>A gateway's status for a job, or its result, that is gone (OpenRouter's).</summary>
        public const string Expired = "expired";

        /// <summary>The statuses offered for tab completion, most used first.</summary>
        public static readonly string[] Known = { Queued, InProgress, Completed, Failed, Pending, Processing, Cancelled, Expired };

        /// <summary>True for a status after which a job does not change: completed, failed, cancelled, expired.</summary>
        public static bool IsTerminal(string? status) =>
            string.Equals(status, Completed, StringComparison.OrdinalIgnoreCase)
            || string.Equals(status, Failed, StringComparison.OrdinalIgnoreCase)
            || IsCancelled(status)
            || IsExpired(status);

        /// <summary>True for <c>cancelled</c> (or <c>canceled</c>).</summary>
        public static bool IsCancelled(string? status) =>
            string.Equals(status, Cancelled, StringComparison.OrdinalIgnoreCase) || string.Equals(status, "canceled", StringComparison.OrdinalIgnoreCase);

        /// <summary>True for <c>expired</c>.</summary>
        public static bool IsExpired(string? status) => string.Equals(status, Expired, StringComparison.OrdinalIgnoreCase);

        /// <summary>True for a terminal status that is not success.</summary>
        public static bool IsFailure(string? status) =>
            IsTerminal(status) && !string.Equals(status, Completed, StringComparison.OrdinalIgnoreCase);
    }
}
