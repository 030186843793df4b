using System;

namespace OpenAIVideos.Emulator.Jobs
{
    /// <summary>A job's state at one instant, as computed by <see cref="JobLifecycle"/>.</summary>
    internal sealed record JobState(
        string Status,
        int Progress,
        DateTimeOffset? CompletedAt,
        DateTimeOffset? ExpiresAt,
        string? ErrorCode,
        string? ErrorMessage,
        DateTimeOffset? FailedAt = null)
    {
        /// <summary>When the job finished either way; null while it runs.</summary>
        public DateTimeOffset? EndedAt => CompletedAt ?? FailedAt;

        public const string Queued = "queued";
        public const string InProgress = "in_progress";
        public const string Completed = "completed";
        public const string Failed = "failed";

        /// <summary>Ended by the provider or the user before a result (OpenRouter reports it; the emulator's <c>[emulator:cancel]</c>).</summary>
        public const string Cancelled = "cancelled";

        /// <summary>Ended because the job ran out of time (OpenRouter reports it; the emulator's <c>[emulator:expire]</c>).</summary>
        public const string Expired = "expired";

        public bool IsTerminal => Status is Completed or Failed or Cancelled or Expired;

        public bool IsContentExpired(DateTimeOffset now) => ExpiresAt.HasValue && now >= ExpiresAt.Value;
    }
}
