using System;
using System.Collections.Generic;

namespace OpenAIVideos.Client.Batch
{
    /// <summary>How a batch run goes.</summary>
    public sealed class BatchRunOptions
    {
        /// <summary>Jobs in flight at once (created and not yet finished); default the server profile's.</summary>
        public int? ThrottleLimit { get; set; }

        /// <summary>The folder files are saved in (created when missing).</summary>
        public string OutputFolder { get; set; } = ".";

        /// <summary>The variants saved for each completed video; default the MP4.</summary>
        public IReadOnlyList<VideoContentVariant> Variants { get; set; } = new[] { VideoContentVariant.Video };

        /// <summary>Creates items again whose job failed or whose create was refused.</summary>
        public bool RetryFailed { get; set; }

        /// <summary>How each job is waited for (poll interval, timeout per item).</summary>
        public VideoWaitOptions Wait { get; set; } = new VideoWaitOptions();

        /// <summary>
        /// How many times one item's create is sent in one run when its answer is uncertain (lost, 5xx, 429, no
        /// connection) — each time with the same idempotency key and, on a server that does not honour it, only after
        /// a listing did not find the video. Default 4.
        /// </summary>
        public int MaxCreateSends { get; set; } = 4;

        /// <summary>
        /// Whether a lost create is recovered by sending its journalled <c>Idempotency-Key</c> again (true) or by listing
        /// recent videos (false); null: as the server profile says (<see cref="ServerProfile.HonoursIdempotencyKey"/>).
        /// </summary>
        public bool? ReplayIdempotencyKey { get; set; }

        /// <summary>The pause before sending an uncertain create again, doubled each time. Default 1 s.</summary>
        public TimeSpan CreateResendDelay { get; set; } = TimeSpan.FromSeconds(1);
    }
}
