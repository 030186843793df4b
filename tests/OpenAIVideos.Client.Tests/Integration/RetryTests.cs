using System;
using System.Linq;
using System.Threading.Tasks;
using OpenAIVideos.Emulator.Faults;

namespace OpenAIVideos.Client.Tests.Integration
{
    /// <summary>The SDK retry contract end to end: each header and status, the retry budget, and no second create.</summary>
    public class RetryTests : EmulatorTestBase
    {
        [Theory]
        [InlineData(429)]
        [InlineData(500)]
        [InlineData(502)]
        [InlineData(503)]
        [InlineData(408)]
        [InlineData(409)]
        public async Task A_retryable_status_is_retried_and_the_call_succeeds(int status)
        {
            using var client = Client();
            var video = await CompletedVideoAsync(client);
            Emulator.Faults.Add(new FaultRule { Kind = FaultKind.ErrorStatus, Status = status, Operation = "retrieve", Count = 2, RetryAfterMs = 10 });
            var before = Emulator.Statistics.RequestsFor("retrieve");
            Assert.Equal(video.Id, (await client.RetrieveAsync(video.Id)).Id);
            Assert.Equal(3, Emulator.Statistics.RequestsFor("retrieve") - before);
            Assert.Equal(2, Log.Count(line => line.StartsWith("Retrying after HTTP " + status, StringComparison.Ordinal)));
        }

        [Fact]
        public async Task The_retry_budget_is_two_retries_then_the_error_is_raised()
        {
            using var client = Client();
            Emulator.Faults.Add(new FaultRule { Kind = FaultKind.ErrorStatus, Status = 503, Operation = "list", Count = 3, RetryAfterMs = 10 });
            var error = await Assert.ThrowsAsync<VideoApiException>(() => client.ListPageAsync());
            Assert.Equal(VideoErrorIds.ServerError, error.ErrorId);
            Assert.Equal(503, (int?)error.StatusCode);
            Assert.Equal(3, Emulator.Statistics.RequestsFor("list"));
        }

        [Theory]
        [InlineData(500, false, 1)]
        [InlineData(400, true, 2)]
        public async Task x_should_retry_overrides_the_status(int status, bool shouldRetry, int expectedRequests)
        {
            using var client = Client();
            Emulator.Faults.Add(new FaultRule { Kind = FaultKind.ErrorStatus, Status = status, Operation = "list", ShouldRetry = shouldRetry, RetryAfterMs = 10 });
            await RunIgnoringApiErrors(() => client.ListPageAsync());
            Assert.Equal(expectedRequests, Emulator.Statistics.RequestsFor("list"));
        }

        [Fact]
        public async Task A_429_for_spent_quota_is_not_retried()
        {
            using var client = Client();
            Emulator.Faults.Add(new FaultRule { Kind = FaultKind.ErrorStatus, Status = 429, Operation = "list", ErrorCode = "insufficient_quota", ErrorMessage = "You exceeded your current quota." });
            var error = await Assert.ThrowsAsync<VideoApiException>(() => client.ListPageAsync());
            Assert.Equal(VideoErrorIds.QuotaExceeded, error.ErrorId);
            Assert.Equal(1, Emulator.Statistics.RequestsFor("list"));
        }

        [Theory]
        [InlineData("1", null)]
        [InlineData(null, 1000)]
        public async Task The_servers_retry_after_sets_the_wait(string? retryAfterSeconds, int? retryAfterMs)
        {
            using var client = Client();
            Emulator.Faults.Add(new FaultRule { Kind = FaultKind.ErrorStatus, Status = 429, Operation = "list", RetryAfter = retryAfterSeconds, RetryAfterMs = retryAfterMs });
            await client.ListPageAsync();
            Assert.Contains(Log, line => line.StartsWith("Retrying after HTTP 429", StringComparison.Ordinal) && line.EndsWith("in 1 s.", StringComparison.Ordinal));
        }

        [Fact]
        public async Task Retry_after_as_an_HTTP_date_sets_the_wait()
        {
            using var client = Client();
            Emulator.Faults.Add(new FaultRule { Kind = FaultKind.ErrorStatus, Status = 503, Operation = "list", RetryAfter = DateTimeOffset.UtcNow.AddSeconds(2).ToString("r") });
            await client.ListPageAsync();
            var line = Assert.Single(Log, l => l.StartsWith("Retrying after HTTP 503", StringComparison.Ordinal));
            var seconds = double.Parse(line.Split(" in ")[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(seconds, 0.01, 2.0); // the date is whole seconds; what is left of it, never the 0.5 s backoff's shape
        }

        [Fact]
        public async Task A_create_refused_with_an_error_status_is_sent_again_and_makes_one_video()
        {
            using var client = Client();
            Emulator.Faults.Add(new FaultRule { Kind = FaultKind.ErrorStatus, Status = 500, Operation = "create", RetryAfterMs = 10 });
            await client.CreateAsync(new VideoCreateRequest { Prompt = "retried" });
            Assert.Equal(2, Emulator.Statistics.RequestsFor("create"));
            Assert.Equal(1, Emulator.Statistics.VideosCreated);
        }

        [Fact]
        public async Task A_create_whose_connection_drops_before_any_answer_is_sent_again_and_makes_one_video()
        {
            using var client = Client();
            Emulator.Faults.Add(new FaultRule { Kind = FaultKind.DropConnection, Operation = "create" });
            await client.CreateAsync(new VideoCreateRequest { Prompt = "reconnected" });
            Assert.Equal(1, Emulator.Statistics.VideosCreated);
        }

        [Fact]
        public async Task A_create_accepted_but_whose_answer_is_lost_is_never_sent_twice()
        {
            using var client = Client();
            Emulator.Faults.Add(new FaultRule { Kind = FaultKind.TruncateBody, Operation = "create", BodyBytes = 20 });
            var error = await Assert.ThrowsAsync<VideoApiException>(() => client.CreateAsync(new VideoCreateRequest { Prompt = "paid once" }));
            Assert.Equal(VideoErrorIds.ResponseLost, error.ErrorId);
            Assert.Contains("not sent again", error.Message);
            Assert.Equal(1, Emulator.Statistics.RequestsFor("create"));
            Assert.Equal(1, Emulator.Statistics.VideosCreated);
        }

        [Fact]
        public async Task A_read_cut_off_mid_body_is_retried_for_a_retrieve()
        {
            using var client = Client();
            var video = await CompletedVideoAsync(client);
            Emulator.Faults.Add(new FaultRule { Kind = FaultKind.TruncateBody, Operation = "retrieve", BodyBytes = 10 });
            Assert.Equal(video.Id, (await client.RetrieveAsync(video.Id)).Id);
        }

        [Fact]
        public async Task A_slow_answer_past_the_timeout_is_retried_then_reported_as_a_timeout()
        {
            var options = Options(maxRetries: 1);
            options.RequestTimeout = TimeSpan.FromMilliseconds(200);
            using var client = new VideosClient(options);
            Emulator.Faults.Add(new FaultRule { Kind = FaultKind.Delay, DelayMs = 2000, Operation = "list", Count = 2 });
            var error = await Assert.ThrowsAsync<VideoApiException>(() => client.ListPageAsync());
            Assert.Equal(VideoErrorIds.RequestTimedOut, error.ErrorId);
            Assert.Equal(VideoErrorCategory.OperationTimeout, error.Category);
        }

        private static async Task RunIgnoringApiErrors(Func<Task> call)
        {
            try
            {
                await call();
            }
            catch (VideoApiException)
            {
                // only the number of requests matters here
            }
        }
    }
}
