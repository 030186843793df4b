using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OpenAIVideos.Emulator;
using OpenAIVideos.Emulator.Faults;

namespace OpenAIVideos.Client.Tests.Integration
{
    /// <summary>Waiting: completion, failure, timeout, cancellation, the server's poll hint, and many jobs at once.</summary>
    public class WaitTests : EmulatorTestBase
    {
        protected override EmulatorOptions EmulatorOptions() =>
            new EmulatorOptions { ApiKey = Key, JobDuration = TimeSpan.FromMilliseconds(1500), PollAfterMs = 50 };

        [Fact]
        public async Task A_job_is_polled_to_completion_with_rising_progress_at_the_servers_pace()
        {
            using var client = Client();
            var video = await client.CreateAsync(new VideoCreateRequest { Prompt = "a red fox" });
            var seen = new List<Video>();
            var done = await client.WaitAsync(video.Id, null, new SynchronousProgress<Video>(seen.Add));
            Assert.Equal(VideoStatus.Completed, done.Status);
            Assert.Equal(100, done.Progress);
            Assert.NotNull(done.ExpiresAt);
            Assert.True(seen.Count >= 3, $"only {seen.Count} polls: the 50 ms hint was not honoured over the 1 s default");
            Assert.Equal(seen.Select(v => v.Progress).OrderBy(p => p), seen.Select(v => v.Progress));
        }

        [Fact]
        public async Task A_failed_job_is_returned_with_the_APIs_error()
        {
            using var client = Client();
            var video = await client.CreateAsync(new VideoCreateRequest { Prompt = "blocked [emulator:fail]" });
            var done = await client.WaitAsync(video.Id);
            Assert.Equal(VideoStatus.Failed, done.Status);
            Assert.Equal("moderation_blocked", done.Error!.Code);
        }

        [Fact]
        public async Task A_hundred_jobs_are_waited_on_at_once_and_come_back_as_they_finish()
        {
            using var client = Client();
            var ids = new List<string>();
            for (var i = 0; i < 100; i++)
            {
                ids.Add((await client.CreateAsync(new VideoCreateRequest { Prompt = i % 10 == 0 ? $"job {i} [emulator:fail]" : $"job {i}" })).Id);
            }

            var outcomes = new List<VideoWaitOutcome>();
            await foreach (var outcome in client.Poller.WaitAllAsync(ids.Append("video_does_not_exist"), new VideoWaitOptions { Timeout = TimeSpan.FromSeconds(60) }))
            {
                outcomes.Add(outcome);
            }

            Assert.Equal(101, outcomes.Count);
            Assert.Equal(90, outcomes.Count(o => o.Succeeded && o.Video!.Status == VideoStatus.Completed));
            Assert.Equal(10, outcomes.Count(o => o.Error?.ErrorId == VideoErrorIds.VideoFailed && o.Error.ApiErrorCode == "moderation_blocked"));
            Assert.Equal(VideoErrorIds.VideoNotFound, outcomes.Single(o => o.VideoId == "video_does_not_exist").Error!.ErrorId);
        }
    }

    /// <summary>
    /// Timeouts and cancellation, on jobs that never finish by themselves (the base's five-minute jobs), so the
    /// outcome cannot depend on how fast a loaded machine runs the test.
    /// </summary>
    public class WaitInterruptionTests : EmulatorTestBase
    {
        [Fact]
        public async Task A_wait_rides_out_5xx_proxy_pages_and_returns_the_finished_video()
        {
            using var client = Client(maxRetries: 0);
            var video = await client.CreateAsync(new VideoCreateRequest { Prompt = "a fox behind a flaky proxy" });
            Emulator.Faults.Add(new FaultRule { Kind = FaultKind.HtmlPage, Status = 502, Operation = "retrieve", Count = 2 });
            Emulator.Faults.Add(new FaultRule { Kind = FaultKind.PlainText, Status = 503, Operation = "retrieve", Count = 2 });
            // The first poll that gets through comes after all four failures; it finishes the job, and the next poll sees that.
            var progress = new SynchronousProgress<Video>(_ => Emulator.CompleteNow(video.Id));
            var finished = await client.WaitAsync(video.Id, new VideoWaitOptions { Timeout = TimeSpan.FromSeconds(30), PollInterval = TimeSpan.FromMilliseconds(10) }, progress);
            Assert.Equal(VideoStatus.Completed, finished.Status);
            Assert.Equal(2, Emulator.Statistics.FaultsOf(FaultKind.HtmlPage));
            Assert.Equal(2, Emulator.Statistics.FaultsOf(FaultKind.PlainText));
        }

        [Fact]
        public async Task A_wait_times_out_with_the_last_seen_video()
        {
            using var client = Client();
            var video = await client.CreateAsync(new VideoCreateRequest { Prompt = "a red fox" });
            // The deadline must fall after the first poll has answered, or there is no video to carry: with 120 ms, a
            // loaded machine let it fall while that poll was in flight (Video was null). So one poll, then a pause far
            // longer than the timeout, in which the deadline is the only thing that can end the wait.
            var error = await Assert.ThrowsAsync<VideoApiException>(() =>
                client.WaitAsync(video.Id, new VideoWaitOptions { Timeout = TimeSpan.FromSeconds(2), PollInterval = TimeSpan.FromMinutes(10) }));
            Assert.Equal(VideoErrorIds.WaitTimedOut, error.ErrorId);
            Assert.Equal(1, Emulator.Statistics.RequestsFor("retrieve"));
            Assert.NotNull(error.Video);
            Assert.Equal(video.Id, error.Video.Id);
            Assert.False(error.Video.IsTerminal);
        }

        [Fact]
        public async Task Cancelling_a_wait_interrupts_the_poll_interval()
        {
            using var client = Client();
            var video = await client.CreateAsync(new VideoCreateRequest { Prompt = "a red fox" });
            using var cancel = new CancellationTokenSource();
            // Cancelled as soon as the first poll has answered, so the wait is then in its ten-minute pause: only
            // cancellation can end it. The 30 s bound separates "cancelled" from "slept the interval" twentyfold over.
            var wait = client.WaitAsync(video.Id, new VideoWaitOptions { PollInterval = TimeSpan.FromMinutes(10) }, new SynchronousProgress<Video>(_ => cancel.Cancel()), cancel.Token);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait.WaitAsync(TimeSpan.FromSeconds(30)));
            Assert.Equal(1, Emulator.Statistics.RequestsFor("retrieve"));
        }
    }
}
