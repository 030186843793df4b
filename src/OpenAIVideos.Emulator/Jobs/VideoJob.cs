using System;

namespace OpenAIVideos.Emulator.Jobs
{
    /// <summary>
    /// What the store remembers about one video. Status is not stored: it is computed from the clock by
    /// <see cref="JobLifecycle"/>, so no timers run. Test hooks record an <see cref="Outcome"/> that overrides the schedule.
    /// </summary>
    internal sealed class VideoJob
    {
        private readonly object _gate = new object();
        private JobOutcome? _outcome;
        private DateTimeOffset? _expiredAt;

        public VideoJob(string id, long sequence, string model, string prompt, string? size, string seconds,
            DateTimeOffset createdAt, string? remixedFromVideoId, string owner = RequestOwner.Anonymous, object? details = null)
        {
            Details = details;
            Owner = owner;
            Id = id;
            Sequence = sequence;
            Model = model;
            Prompt = prompt;
            Size = size;
            Seconds = seconds;
            CreatedAt = createdAt;
            RemixedFromVideoId = remixedFromVideoId;
            Markers = PromptMarkers.Parse(prompt);
        }

        public string Id { get; }

        /// <summary>Creation order; list pages sort by it because many videos share a created_at second.</summary>
        public long Sequence { get; }

        public string Model { get; }
        public string Prompt { get; }
        /// <summary>The requested size; null when the request named none and the dialect reports none (vLLM-Omni).</summary>
        public string? Size { get; }
        public string Seconds { get; }
        public DateTimeOffset CreatedAt { get; }
        public string? RemixedFromVideoId { get; }
        public PromptMarkers Markers { get; }

        /// <summary>What a dialect keeps beyond the common fields (OpenRouter's duration and price, Gemini's resolution); null for most.</summary>
        public object? Details { get; }

        /// <summary>Who made it: a hash of the creating key (<see cref="RequestOwner"/>), never the key itself.</summary>
        public string Owner { get; }

        public JobOutcome? Outcome
        {
            get { lock (_gate) { return _outcome; } }
        }

        public DateTimeOffset? ExpiredAt
        {
            get { lock (_gate) { return _expiredAt; } }
        }

        /// <summary>Records a forced end unless one was recorded already; the first hook wins.</summary>
        public bool TrySetOutcome(JobOutcome outcome)
        {
            lock (_gate)
            {
                if (_outcome != null)
                {
                    return false;
                }

                _outcome = outcome;
                return true;
            }
        }

        public void Expire(DateTimeOffset at)
        {
            lock (_gate)
            {
                _expiredAt ??= at;
            }
        }
    }

    /// <summary>An end forced by a test hook: completed, or failed with an error.</summary>
    internal sealed record JobOutcome(DateTimeOffset At, int Progress, string? ErrorCode, string? ErrorMessage)
    {
        public bool Failed => ErrorCode != null;
    }
}
