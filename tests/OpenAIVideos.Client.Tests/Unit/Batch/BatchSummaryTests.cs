using System;
using OpenAIVideos.Client.Batch;

namespace OpenAIVideos.Client.Tests.Unit.Batch
{
    public sealed class BatchSummaryTests
    {
        [Fact]
        public void The_summary_adds_up_what_the_server_says_it_charged_beside_the_estimate()
        {
            var results = new[]
            {
                new VideoBatchResult { Status = VideoBatchItemStatus.Completed, EstimatedCost = 4.00m, Video = new Video { Id = "job-1", Cost = 4.00m } },
                new VideoBatchResult { Status = VideoBatchItemStatus.Completed, EstimatedCost = 6.00m, Video = new Video { Id = "job-2", Cost = 5.75m } },
                new VideoBatchResult { Status = VideoBatchItemStatus.Failed, ErrorId = VideoErrorIds.VideoCancelled, Video = new Video { Id = "job-3" } },
            };
            var summary = BatchSummary.Of(results, TimeSpan.Zero, null);
            Assert.Equal(9.75m, summary.Cost);
            Assert.Equal(10.00m, summary.EstimatedCost);
            Assert.Equal(1, summary.FailuresByErrorId[VideoErrorIds.VideoCancelled]);
        }

        [Fact]
        public void No_charge_reported_is_no_cost_rather_than_zero()
        {
            var summary = BatchSummary.Of(new[] { new VideoBatchResult { Status = VideoBatchItemStatus.Completed, Video = new Video { Id = "video_1" } } }, TimeSpan.Zero, null);
            Assert.Null(summary.Cost);
        }
    }
}
