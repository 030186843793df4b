using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace OpenAIVideos.Client.Tests.Integration
{
    /// <summary>
    /// Waiting when the server cannot be reached: a closed port (a wrong address, or a server that is down) ends in
    /// ConnectionFailed after the bounded time, saying what is known; a server that restarts is ridden out.
    /// </summary>
    public class UnreachableServerTests : EmulatorTestBase
    {
        private static Uri ClosedPort()
        {
            // Take a free port and close it: connections to it are refused at once.
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return new Uri($"http://127.0.0.1:{port}/v1/");
        }

        private static VideosClient ClientFor(Uri baseUri) => new VideosClient(new VideoClientOptions
        {
            BaseUri = baseUri,
            ApiKey = ApiKeySecret.FromPlainText(Key),
            MaxRetries = 0,
        });

        [Fact]
        public async Task A_server_never_reached_fails_with_ConnectionFailed_after_the_bound_and_reports_each_miss()
        {
            using var client = ClientFor(ClosedPort());
            var reports = new List<ServerReachability>();
            var options = new VideoWaitOptions
            {
                PollInterval = TimeSpan.FromMilliseconds(20),
                UnreachableTimeout = TimeSpan.FromMilliseconds(200),
                Reachability = new SynchronousProgress<ServerReachability>(report => { lock (reports) { reports.Add(report); } }),
            };

            var error = await Assert.ThrowsAsync<VideoApiException>(() => client.WaitAsync("video_x", options).WaitAsync(TimeSpan.FromSeconds(60)));

            Assert.Equal(VideoErrorIds.ConnectionFailed, error.ErrorId);
            Assert.Equal(VideoErrorCategory.ConnectionError, error.Category);
            Assert.Contains("never reached", error.Message);
            Assert.DoesNotContain("goes on running", error.Message);
            Assert.Null(error.Video);
            Assert.True(reports.Count >= 2, $"{reports.Count} reports");
            Assert.All(reports, report =>
            {
                Assert.False(report.Reachable);
                Assert.False(report.EverReached);
                Assert.StartsWith("server unreachable, retrying", report.ToString());
            });
            Assert.True(reports.Last().UnreachableFor >= options.UnreachableTimeout);
        }

        [Fact]
        public async Task A_timeout_while_the_server_is_out_of_reach_says_so_instead_of_that_the_job_goes_on_running()
        {
            using var client = ClientFor(ClosedPort());
            var options = new VideoWaitOptions
            {
                PollInterval = TimeSpan.FromMilliseconds(20),
                Timeout = TimeSpan.FromMilliseconds(300),
                UnreachableTimeout = TimeSpan.FromMinutes(10),
            };

            var outcome = Assert.Single(await ToListAsync(client.Poller.WaitAllAsync(new[] { "video_x" }, options)).WaitAsync(TimeSpan.FromSeconds(60)));

            Assert.Equal(VideoErrorIds.ConnectionFailed, outcome.Error!.ErrorId);
            Assert.Contains("gave up after 0.3 s", outcome.Error.Message);
            Assert.Contains("never reached", outcome.Error.Message);
            Assert.DoesNotContain("goes on running", outcome.Error.Message);
        }

        [Fact]
        public async Task A_server_that_restarts_is_ridden_out_and_the_wait_ends_when_the_job_does()
        {
            using var client = Client(maxRetries: 0);
            var video = await client.CreateAsync(new VideoCreateRequest { Prompt = "a red fox" });
            var down = new TaskCompletionSource<ServerReachability>(TaskCreationOptions.RunContinuationsAsynchronously);
            var back = new TaskCompletionSource<ServerReachability>(TaskCreationOptions.RunContinuationsAsynchronously);
            var polled = new TaskCompletionSource<Video>(TaskCreationOptions.RunContinuationsAsynchronously);
            var options = new VideoWaitOptions
            {
                PollInterval = TimeSpan.FromMilliseconds(20),
                UnreachableTimeout = TimeSpan.FromMinutes(5),
                Reachability = new SynchronousProgress<ServerReachability>(report => (report.Reachable ? back : down).TrySetResult(report)),
            };

            var wait = client.WaitAsync(video.Id, options, new SynchronousProgress<Video>(v => polled.TrySetResult(v)));
            await polled.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await Emulator.StopAsync();
            var lost = await down.Task.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.True(lost.EverReached);
            Assert.False(wait.IsCompleted);

            await Emulator.RestartAsync();
            var regained = await back.Task.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.True(regained.Reachable);
            Assert.True(Emulator.CompleteNow(video.Id));

            var done = await wait.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(VideoStatus.Completed, done.Status);
        }

        [Fact]
        public async Task A_server_that_goes_away_for_good_ends_the_wait_with_what_was_last_seen()
        {
            using var client = Client(maxRetries: 0);
            var video = await client.CreateAsync(new VideoCreateRequest { Prompt = "a red fox" });
            var polled = new TaskCompletionSource<Video>(TaskCreationOptions.RunContinuationsAsynchronously);
            var options = new VideoWaitOptions { PollInterval = TimeSpan.FromMilliseconds(20), UnreachableTimeout = TimeSpan.FromMilliseconds(200) };

            var wait = client.WaitAsync(video.Id, options, new SynchronousProgress<Video>(v => polled.TrySetResult(v)));
            await polled.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await Emulator.StopAsync();

            var error = await Assert.ThrowsAsync<VideoApiException>(() => wait.WaitAsync(TimeSpan.FromSeconds(60)));
            Assert.Equal(VideoErrorIds.ConnectionFailed, error.ErrorId);
            Assert.Contains("was last seen", error.Message);
            Assert.Equal(video.Id, error.Video!.Id);
        }

        private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
        {
            var list = new List<T>();
            await foreach (var item in items)
            {
                list.Add(item);
            }

            return list;
        }
    }
}
