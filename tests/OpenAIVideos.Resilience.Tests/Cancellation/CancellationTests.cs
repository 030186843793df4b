using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OpenAIVideos.Commands.Pipeline;
using OpenAIVideos.Emulator.Faults;
using OpenAIVideos.Resilience.Tests.Infrastructure;

namespace OpenAIVideos.Resilience.Tests.Cancellation
{
    /// <summary>
    /// Ctrl+C must take effect at once and leave nothing half-written. Each test cancels at a moment an event marks (a
    /// poll answered, a delayed poll arrived, bytes received) and makes the uncancelled outcome take minutes (a ten-minute
    /// poll interval or server delay) or end without cancellation (a 4 GB download completes), so the generous bounds below separate the outcomes by an
    /// order of magnitude and a loaded machine cannot fail them. Speed itself is the benchmarks' business.
    /// </summary>
    public sealed class CancellationTests : EmulatorFixture
    {
        private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
        private static readonly TimeSpan Minutes = TimeSpan.FromMinutes(10);

        [Fact]
        public async Task Cancelling_a_wait_interrupts_the_poll_interval()
        {
            using var client = Client();
            var video = await client.CreateAsync(new VideoCreateRequest { Prompt = "a very long job" }); // runs five minutes
            using var cancel = new CancellationTokenSource();
            var polled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            var wait = client.WaitAsync(video.Id, new VideoWaitOptions { PollInterval = Minutes }, new InlineProgress<Video>(_ => polled.TrySetResult(true)), cancel.Token);
            await polled.Task.WaitAsync(Bound); // the wait is now in its ten-minute pause
            cancel.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait.WaitAsync(Bound));
            Assert.Equal(1, Emulator.Statistics.RequestsFor("retrieve"));
        }

        [Fact]
        public async Task Cancelling_a_wait_stuck_on_a_slow_poll_abandons_the_request()
        {
            var options = Options();
            options.RequestTimeout = Minutes; // so only cancellation can end the stuck request
            using var client = new VideosClient(options, Log.Add);
            var video = await client.CreateAsync(new VideoCreateRequest { Prompt = "slow server" });
            var stuck = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            Emulator.Faults.Injecting += rule => stuck.TrySetResult(true);
            Emulator.Faults.Add(new FaultRule { Kind = FaultKind.Delay, Operation = "retrieve", DelayMs = (int)Minutes.TotalMilliseconds });
            using var cancel = new CancellationTokenSource();
            var wait = client.WaitAsync(video.Id, cancellationToken: cancel.Token);
            await stuck.Task.WaitAsync(Bound); // the first poll is now waiting on the server
            cancel.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait.WaitAsync(Bound));
        }

        private const long Body = 4_000_000_000;

        [Fact]
        public async Task Cancelling_a_download_ends_it_cancelled_and_leaves_no_file()
        {
            using var client = Client();
            var video = await CompletedVideoAsync(client, $"[emulator:content-bytes={Body}] a huge file");
            using var cancel = new CancellationTokenSource();
            var progress = new InlineProgress<ContentDownloadProgress>(report =>
            {
                if (report.BytesReceived > 4 * 1024 * 1024 && !cancel.IsCancellationRequested)
                {
                    cancel.Cancel();
                }
            });
            var target = Scratch.File("huge.mp4");
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                client.DownloadContentToFileAsync(video.Id, VideoContentVariant.Video, target, overwrite: false, progress, cancel.Token).WaitAsync(Bound));
            Assert.True(cancel.IsCancellationRequested, "The download never got going.");
            Assert.Empty(Scratch.Files()); // neither the target nor its .partial temporary file
        }

        [Fact]
        public async Task Ctrl_C_through_the_pipeline_dispatcher_returns_and_the_download_cleans_up()
        {
            using var client = Client();
            var video = await CompletedVideoAsync(client, $"[emulator:content-bytes={Body}] a huge file");
            var target = Scratch.File("huge.mp4");
            using var stopProcessing = new CancellationTokenSource(); // what the cmdlet's StopProcessing() cancels
            var started = new ManualResetEventSlim();
            var download = new TaskCompletionSource<Task>(TaskCreationOptions.RunContinuationsAsynchronously); // the work, to await its clean-up
            Exception? thrown = null;
            var pipelineThread = new Thread(() =>
            {
                using var dispatcher = new PipelineDispatcher();
                try
                {
                    dispatcher.Run(token =>
                    {
                        var work = client.DownloadContentToFileAsync(video.Id, VideoContentVariant.Video, target, overwrite: false,
                            new InlineProgress<ContentDownloadProgress>(report =>
                            {
                                if (report.BytesReceived > 4 * 1024 * 1024)
                                {
                                    dispatcher.Post(started.Set); // progress reaches the pipeline thread the way Write-Progress does
                                }
                            }), token);
                        download.SetResult(work);
                        return work;
                    }, stopProcessing.Token);
                }
                catch (Exception exception)
                {
                    thrown = exception;
                }
            });
            pipelineThread.Start();
            Assert.True(started.Wait(Bound), "The download never got going.");
            stopProcessing.Cancel(); // Ctrl+C
            Assert.True(pipelineThread.Join(Bound), "The pipeline thread never returned.");
            Assert.IsAssignableFrom<OperationCanceledException>(thrown);

            // The work itself winds down in the background; it must end cancelled (a download deaf to the token would
            // finish or still be reading) and clean up after itself. No byte bound here: Ctrl+C comes from another thread
            // after the pipeline thread has pumped a report, so how far the download got by then is scheduling, not code.
            var work = await download.Task.WaitAsync(Bound);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => work.WaitAsync(Bound));
            Assert.Empty(Scratch.Files());
        }
    }
}
