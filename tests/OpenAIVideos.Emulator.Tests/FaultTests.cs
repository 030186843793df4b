using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using OpenAIVideos.Emulator.Faults;

namespace OpenAIVideos.Emulator.Tests
{
    /// <summary>Each fault kind does what it says, is counted, and (except a lost response) leaves state unchanged.</summary>
    public sealed class FaultTests : IAsyncLifetime
    {
        private const string CreateBody = "{\"prompt\":\"cat\"}";
        private TestHost _host = null!;

        public async Task InitializeAsync() => _host = await TestHost.StartAsync();

        public async Task DisposeAsync() => await _host.DisposeAsync();

        private void Inject(FaultRule rule) => _host.Emulator.Faults.Add(rule);

        private async Task<int> StoredVideosAsync() => (await _host.GetAsync("videos?limit=100")).Body.GetProperty("data").GetArrayLength();

        [Fact]
        public async Task Error_status_with_retry_headers_and_no_video_created()
        {
            Inject(new FaultRule { Kind = FaultKind.ErrorStatus, Operation = "create", Status = 429, RetryAfter = "2", RetryAfterMs = 1500, ShouldRetry = true });
            var result = await _host.PostJsonAsync("videos", CreateBody);
            TestHost.AssertError(429, "rate_limit_exceeded", null, result);
            Assert.Equal("2", result.Response.Headers.RetryAfter!.ToString());
            Assert.Equal("1500", result.Response.Headers.GetValues("retry-after-ms").Single());
            Assert.Equal("true", result.Response.Headers.GetValues("x-should-retry").Single());
            Assert.Equal(0, await StoredVideosAsync());
            Assert.Equal(200, (await _host.PostJsonAsync("videos", CreateBody)).Status);
            Assert.Equal(1, _host.Emulator.Statistics.FaultsOf(FaultKind.ErrorStatus));
        }

        [Fact]
        public async Task Rule_applies_to_the_next_n_matching_requests_only()
        {
            Inject(new FaultRule { Kind = FaultKind.ErrorStatus, Method = "GET", Operation = "list", Status = 503, Count = 2 });
            Assert.Equal(200, (await _host.PostJsonAsync("videos", CreateBody)).Status);
            Assert.Equal(503, (await _host.GetAsync("videos")).Status);
            Assert.Equal(503, (await _host.GetAsync("videos")).Status);
            Assert.Equal(200, (await _host.GetAsync("videos")).Status);
        }

        [Fact]
        public async Task Delay_slows_the_response_then_handles_it()
        {
            Inject(new FaultRule { Kind = FaultKind.Delay, Operation = "list", DelayMs = 300 });
            var watch = System.Diagnostics.Stopwatch.StartNew();
            Assert.Equal(200, (await _host.GetAsync("videos")).Status);
            Assert.True(watch.ElapsedMilliseconds >= 250, $"took {watch.ElapsedMilliseconds} ms");
        }

        [Fact]
        public async Task Drop_connection_fails_the_request_and_creates_nothing()
        {
            Inject(new FaultRule { Kind = FaultKind.DropConnection, Operation = "create" });
            await Assert.ThrowsAsync<HttpRequestException>(() => _host.PostJsonAsync("videos", CreateBody));
            Assert.Equal(0, await StoredVideosAsync());
            Assert.Equal(1, _host.Emulator.Statistics.FaultsOf(FaultKind.DropConnection));
        }

        [Fact]
        public async Task Truncated_content_sends_headers_and_k_bytes_then_aborts()
        {
            string id = await _host.CreateCompletedAsync();
            Inject(new FaultRule { Kind = FaultKind.TruncateBody, Operation = "content", BodyBytes = 100 });
            using HttpResponseMessage response = await _host.Http.GetAsync($"videos/{id}/content", HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(200, (int)response.StatusCode);
            Assert.True(response.Content.Headers.ContentLength > 100);
            await using Stream stream = await response.Content.ReadAsStreamAsync();
            byte[] buffer = new byte[4096];
            long received = 0;
            Exception? error = await Record.ExceptionAsync(async () =>
            {
                int read;
                while ((read = await stream.ReadAsync(buffer)) > 0)
                {
                    received += read;
                }
            });
            Assert.NotNull(error);
            Assert.Equal(100, received);
        }

        [Fact]
        public async Task Truncated_create_response_still_creates_the_video()
        {
            Inject(new FaultRule { Kind = FaultKind.TruncateBody, Operation = "create", BodyBytes = 10 });
            await Assert.ThrowsAnyAsync<Exception>(() => _host.PostJsonAsync("videos", CreateBody));
            Assert.Equal(1, await StoredVideosAsync());
        }

        [Theory]
        [InlineData(FaultKind.HtmlPage, 502, "text/html")]
        [InlineData(FaultKind.PlainText, 200, "text/plain")]
        public async Task Non_json_pages_and_no_state_change(FaultKind kind, int status, string contentType)
        {
            Inject(new FaultRule { Kind = kind, Operation = "create", Status = status });
            using HttpResponseMessage response = await _host.Http.PostAsync("videos", TestHost.Json(CreateBody));
            Assert.Equal(status, (int)response.StatusCode);
            Assert.Equal(contentType, response.Content.Headers.ContentType!.MediaType);
            Assert.True(response.Headers.Contains("x-request-id"));
            Assert.Equal(0, await StoredVideosAsync());
        }

        [Fact]
        public async Task Truncated_json_is_a_200_that_does_not_parse()
        {
            Inject(new FaultRule { Kind = FaultKind.TruncatedJson, Operation = "create" });
            using HttpResponseMessage response = await _host.Http.PostAsync("videos", TestHost.Json(CreateBody));
            Assert.Equal(200, (int)response.StatusCode);
            string text = await response.Content.ReadAsStringAsync();
            Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(text));
            Assert.Equal(0, await StoredVideosAsync());
        }

        [Fact]
        public async Task Faults_over_http_admin_routes()
        {
            var root = new Uri(_host.Emulator.RootUri, "_emulator/faults");
            using var add = await _host.Http.PostAsync(root, TestHost.Json("{\"kind\":\"error_status\",\"operation\":\"retrieve\",\"status\":500,\"should_retry\":false}"));
            Assert.Equal(200, (int)add.StatusCode);
            var failed = await _host.GetAsync("videos/video_x");
            TestHost.AssertError(500, null!, null, failed);
            Assert.Equal("false", failed.Response.Headers.GetValues("x-should-retry").Single());

            await _host.Http.PostAsync(root, TestHost.Json("{\"kind\":\"error_status\",\"operation\":\"list\"}"));
            using var cleared = await _host.Http.DeleteAsync(root);
            Assert.Equal(200, (int)cleared.StatusCode);
            Assert.Equal(200, (await _host.GetAsync("videos")).Status);

            var stats = await _host.GetAsync(new Uri(_host.Emulator.RootUri, "_emulator/stats").ToString());
            Assert.Equal(1, stats.Body.GetProperty("faults_injected").GetProperty("error_status").GetInt64());
            Assert.True(stats.Body.GetProperty("total_requests").GetInt64() >= 4);
        }

        [Fact]
        public async Task Random_mode_is_reproducible_for_a_seed()
        {
            async Task<List<int>> RunAsync()
            {
                await using var host = await TestHost.StartAsync();
                host.Emulator.Faults.SetRandom(0.5, seed: 42, new[] { FaultKind.ErrorStatus, FaultKind.TruncatedJson }, "list");
                var statuses = new List<int>();
                for (int i = 0; i < 20; i++)
                {
                    using HttpResponseMessage response = await host.Http.GetAsync("videos");
                    string text = await response.Content.ReadAsStringAsync();
                    statuses.Add((int)response.StatusCode * (text.EndsWith('}') ? 1 : -1));
                }

                long faults = host.Emulator.Statistics.FaultsInjected.Values.Sum();
                Assert.Equal(statuses.Count(s => s != 200), faults);
                return statuses;
            }

            List<int> first = await RunAsync();
            List<int> second = await RunAsync();
            Assert.Equal(first, second);
            Assert.Contains(200, first);
            Assert.Contains(first, s => s != 200);
        }
    }
}
