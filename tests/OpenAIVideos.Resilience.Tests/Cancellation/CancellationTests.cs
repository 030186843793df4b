using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OpenAIVideos.Commands.Pipeline;
using OpenAIVideos.Emulator.Faults;
using OpenAIVideos.Resilience.Tests.Infrastructure;

namespace OpenAIVideos.Resilience.Tests.Cancellation
{
    /// <summary>
    /// Ctrl+C must take effect at once and leave nothing half-written. One second is a correctness bound (a stuck
    /// await would take minutes), not a speed target.
    /// </summary>
    public sealed class CancellationTests : EmulatorFixture
    {
        private static readonly TimeSpan Bound = TimeSpan.FromSeconds(1);

        [Fact]
        public async Task Cancelling_a_wait_returns_within_a_second()
        {
            using var client = Client();
            var video = await client.CreateAsync(new VideoCreateRequest { Prompt = "a very long job" }); // runs five minutes
            using var cancel = new CancellationTokenSource();
            var wait = client.WaitAsync(video.Id, new VideoWaitOptions { PollInterval = TimeSpan.FromSeconds(30) }, cancellationToken: cancel.Token);
            await Task.Delay(200);
            var clock = Stopwatch.StartNew();
            cancel.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
            Assert.True(clock.Elapsed < Bound, $"The wait took {clock.Elapsed.TotalMilliseconds:0} ms to stop.");
        }

        [Fact]
        public async Task Cancelling_a_wait_stuck_on_a_slow_poll_returns_within_a_second()
        {
            using var client = Client();
            var video = await client.CreateAsync(new VideoCreateRequest { Prompt = "slow server" });
            Emulator.Faults.Add(new FaultRule { Kind = FaultKind.Delay, Operation = "retrieve", DelayMs = 10_000 });
            using var cancel = new CancellationTokenSource();
            var wait = client.WaitAsync(video.Id, cancellationToken: cancel.Token);
            await Task.Delay(300); // the first poll is now waiting on the server
            var clock = Stopwatch.StartNew();
            cancel.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
            Assert.True(clock.Elapsed < Bound, $"The wait took {clock.Elapsed.TotalMilliseconds:0} ms to stop.");
        }

        [Fact]
        public async Task Cancelling_a_download_returns_within_a_second_and_leaves_no_file()
        {
            using var client = Client();
            var video = await CompletedVideoAsync(client, "[emulator:content-bytes=4000000000] a huge file");
            using var cancel = new CancellationTokenSource();
            var clock = new Stopwatch();
            var progress = new InlineProgress<ContentDownloadProgress>(report =>
            {
                if (report.BytesReceived > 4 * 1024 * 1024 && !cancel.IsCancellationRequested)
                {
                    clock.Start();
                    cancel.Cancel();
                }
            });
            var target = Scratch.File("huge.mp4");
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                client.DownloadContentToFileAsync(video.Id, VideoContentVariant.Video, target, overwrite: false, progress, cancel.Token));
            Assert.True(clock.IsRunning, "The download never got going.");
            Assert.True(clock.Elapsed < Bound, $"The download took {clock.Elapsed.TotalMilliseconds:0} ms to stop.");
            Assert.Empty(Scratch.Files()); // neither the target nor its .partial temporary file
        }

        [Fact]
        public async Task Ctrl_C_through_the_pipeline_dispatcher_returns_within_a_second_and_leaves_no_file()
        {
            using var client = Client();
            var video = await CompletedVideoAsync(client, "[emulator:content-bytes=4000000000] a huge file");
            var target = Scratch.File("huge.mp4");
            using var stopProcessing = new CancellationTokenSource(); // what the cmdlet's StopProcessing() cancels
            var started = new ManualResetEventSlim();
            var clock = new Stopwatch();
            Exception? thrown = null;
            var pipelineThread = new Thread(() =>
            {
                using var dispatcher = new PipelineDispatcher();
                try
                {
                    dispatcher.Run(token => client.DownloadContentToFileAsync(video.Id, VideoContentVariant.Video, target, overwrite: false,
                        new InlineProgress<ContentDownloadProgress>(report =>
                        {
                            if (report.BytesReceived > 4 * 1024 * 1024)
                            {
                                dispatcher.Post(started.Set); // progress reaches the pipeline thread the way Write-Progress does
                            }
                        }), token), stopProcessing.Token);
                }
                catch (Exception exception)
                {
                    thrown = exception;
                }
            });
            pipelineThread.Start();
            Assert.True(started.Wait(TimeSpan.FromSeconds(20)), "The download never got going.");
            clock.Start();
            stopProcessing.Cancel(); // Ctrl+C
            Assert.True(pipelineThread.Join(TimeSpan.FromSeconds(10)), "The pipeline thread never returned.");
            clock.Stop();
            Assert.IsAssignableFrom<OperationCanceledException>(thrown);
            Assert.True(clock.Elapsed < Bound, $"The pipeline took {clock.Elapsed.TotalMilliseconds:0} ms to stop.");

            // The work itself winds down in the background; it must clean up after itself, promptly.
            var cleanup = Stopwatch.StartNew();
            while (Scratch.Files().Length > 0 && cleanup.Elapsed < TimeSpan.FromSeconds(5))
            {
                await Task.Delay(50);
            }

            Assert.Empty(Scratch.Files());
        }
    }
}
