using System;
using OpenAIVideos.Client.Batch;

namespace OpenAIVideos.Client.Tests.Unit.Batch
{
    /// <summary>The overall bar's numbers: queued is what is neither finished nor in flight; the estimate is the pace so far.</summary>
    public sealed class BatchProgressTests
    {
        [Fact]
        public void Counts_percent_and_estimate_follow_the_pace_so_far()
        {
            var progress = new BatchProgress(total: 10, done: 3, failed: 1, inFlight: 2, elapsed: TimeSpan.FromSeconds(40));
            Assert.Equal((4, 40), (progress.Queued, progress.Percent));
            Assert.Equal(TimeSpan.FromSeconds(60), progress.Remaining);
            Assert.Equal("3 done, 2 in flight, 4 queued, 1 failed; 00:00:40 elapsed, about 00:01:00 left", progress.ToString());
        }

        [Fact]
        public void Before_anything_finishes_there_is_no_estimate()
        {
            var progress = new BatchProgress(total: 5, done: 0, failed: 0, inFlight: 5, elapsed: TimeSpan.FromSeconds(3));
            Assert.Null(progress.Remaining);
            Assert.Equal("0 done, 5 in flight, 0 queued, 0 failed; 00:00:03 elapsed", progress.ToString());
            Assert.Equal(100, new BatchProgress(0, 0, 0, 0, TimeSpan.Zero).Percent);
        }
    }
}
