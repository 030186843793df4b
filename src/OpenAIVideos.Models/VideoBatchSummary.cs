using System;
using System.Collections.Generic;

namespace OpenAIVideos
{
    /// <summary>The end of a batch run: how many items ended how, the seconds of video made, the estimated cost and the failures.</summary>
    public sealed class VideoBatchSummary
    {
        /// <summary>Items given.</summary>
        public int Total { get; set; }

        /// <summary>Items whose video is completed with its files on disk (skipped ones included).</summary>
        public int Completed { get; set; }

        /// <summary>Items that ended failed or invalid.</summary>
        public int Failed { get; set; }

        /// <summary>Items left unfinished because the run was stopped.</summary>
        public int Stopped { get; set; }

        /// <summary>Items skipped because an earlier run completed them.</summary>
        public int Skipped { get; set; }

        /// <summary>Creates sent in this run (a recovery's idempotent replay counts as one).</summary>
        public int CreatesSent { get; set; }

        /// <summary>Items whose lost create answer was found again (by idempotency key or by listing) instead of creating.</summary>
        public int Recovered { get; set; }

        /// <summary>Seconds of completed video across the items.</summary>
        public double SecondsOfVideo { get; set; }

        /// <summary>US dollars across the items that have a known price (skipped ones included: what the batch cost overall).</summary>
        public decimal EstimatedCost { get; set; }

        /// <summary>
        /// US dollars the server says it charged, summed over the items whose video reports it (OpenRouter's
        /// <c>usage.cost</c>); null when no item's server reported a charge.
        /// </summary>
        public decimal? Cost { get; set; }

        /// <summary>Failed and invalid items counted by error id.</summary>
        public IDictionary<string, int> FailuresByErrorId { get; set; } = new SortedDictionary<string, int>(StringComparer.Ordinal);

        /// <summary>How long the run took.</summary>
        public TimeSpan Elapsed { get; set; }

        /// <summary>The journal file.</summary>
        public string? Journal { get; set; }

        /// <summary>"N of M completed".</summary>
        public override string ToString() => $"{Completed} of {Total} completed, {Failed} failed";
    }
}
