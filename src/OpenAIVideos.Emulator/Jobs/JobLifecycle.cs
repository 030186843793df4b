using System;

namespace OpenAIVideos.Emulator.Jobs
{
    /// <summary>
    /// Computes a job's state from the clock alone: queued for the first 10 % of the duration, then in_progress with
    /// progress rising linearly 0 to 99, then completed (assets expire an hour later). Deterministic for a given time.
    /// </summary>
    internal static class JobLifecycle
    {
        public static readonly TimeSpan AssetLifetime = TimeSpan.FromHours(1);

        public const string ModerationMessage =
            "Your request was blocked by our moderation system. (emulated by the [emulator:fail] prompt marker)";

        public static JobState Evaluate(VideoJob job, DateTimeOffset now, TimeSpan duration)
        {
            JobOutcome? outcome = job.Outcome;
            if (outcome != null && now >= outcome.At)
            {
                return outcome.Failed
                    ? new JobState(JobState.Failed, outcome.Progress, null, null, outcome.ErrorCode, outcome.ErrorMessage, outcome.At)
                    : Completed(job, outcome.At);
            }

            TimeSpan elapsed = now - job.CreatedAt;
            if (job.Markers.HalfwayEnd is string end && elapsed >= duration / 2)
            {
                return end == JobState.Failed
                    ? new JobState(JobState.Failed, ProgressAt(duration / 2, duration), null, null, "moderation_blocked", ModerationMessage, job.CreatedAt + duration / 2)
                    : new JobState(end, ProgressAt(duration / 2, duration), null, null, null, null, job.CreatedAt + duration / 2);
            }

            if (elapsed >= duration)
            {
                return Completed(job, job.CreatedAt + duration);
            }

            return elapsed < QueuedFor(duration)
                ? new JobState(JobState.Queued, 0, null, null, null, null)
                : new JobState(JobState.InProgress, ProgressAt(elapsed, duration), null, null, null, null);
        }

        /// <summary>Progress a running job shows after <paramref name="elapsed"/>; used also to freeze a failed job's progress.</summary>
        public static int ProgressAt(TimeSpan elapsed, TimeSpan duration)
        {
            TimeSpan queued = QueuedFor(duration);
            TimeSpan running = duration - queued;
            if (elapsed <= queued || running <= TimeSpan.Zero)
            {
                return 0;
            }

            return (int)Math.Min(99, Math.Floor(99 * ((elapsed - queued) / running)));
        }

        private static TimeSpan QueuedFor(TimeSpan duration) => duration / 10;

        private static JobState Completed(VideoJob job, DateTimeOffset completedAt)
        {
            DateTimeOffset expiresAt = job.ExpiredAt is { } forced && forced < completedAt + AssetLifetime
                ? forced
                : completedAt + AssetLifetime;
            return new JobState(JobState.Completed, 100, completedAt, expiresAt, null, null);
        }
    }
}
