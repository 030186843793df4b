using System;

namespace OpenAIVideos.Client.Batch
{
    /// <summary>Where a batch run stands: for the overall progress bar.</summary>
    public sealed class BatchProgress
    {
        internal BatchProgress(int total, int done, int failed, int inFlight, TimeSpan elapsed)
        {
            Total = total;
            Done = done;
            Failed = failed;
            InFlight = inFlight;
            Elapsed = elapsed;
        }

        /// <summary>Items in the run.</summary>
        public int Total { get; }

        /// <summary>Items finished completed (skipped ones included).</summary>
        public int Done { get; }

        /// <summary>Items finished failed.</summary>
        public int Failed { get; }

        /// <summary>Items started and not finished.</summary>
        public int InFlight { get; }

        /// <summary>Items not started yet.</summary>
        public int Queued => Math.Max(0, Total - Done - Failed - InFlight);

        /// <summary>Time since the run started.</summary>
        public TimeSpan Elapsed { get; }

        /// <summary>Percent of items finished.</summary>
        public int Percent => Total == 0 ? 100 : (Done + Failed) * 100 / Total;

        /// <summary>Time left at the pace so far, or null before anything finished.</summary>
        public TimeSpan? Remaining
        {
            get
            {
                var finished = Done + Failed;
                return finished == 0 ? (TimeSpan?)null : TimeSpan.FromTicks(Elapsed.Ticks / finished * (Total - finished));
            }
        }

        /// <summary>"12 done, 4 in flight, 20 queued, 1 failed; 00:01:10 elapsed, about 00:02:00 left".</summary>
        public override string ToString() =>
            $"{Done} done, {InFlight} in flight, {Queued} queued, {Failed} failed; {Elapsed:hh\\:mm\\:ss} elapsed"
            + (Remaining is { } left ? $", about {left:hh\\:mm\\:ss} left" : string.Empty);
    }
}
