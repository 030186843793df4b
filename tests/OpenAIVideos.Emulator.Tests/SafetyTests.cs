using System;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using OpenAIVideos.Emulator.Diagnostics;

namespace OpenAIVideos.Emulator.Tests
{
    /// <summary>Authentication, key secrecy, body limits, idempotency and request ids.</summary>
    public sealed class SafetyTests
    {
        private static async Task<int> StatusWithHeadersAsync(TestHost host, params (string Name, string Value)[] headers)
        {
            using var client = new HttpClient { BaseAddress = host.Emulator.BaseUri };
            using var request = new HttpRequestMessage(HttpMethod.Get, "videos");
            foreach (var (name, value) in headers)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }

            using HttpResponseMessage response = await client.SendAsync(request);
            string body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain(TestHost.Key, body);
            Assert.DoesNotContain("wrong-key-value", body);
            if ((int)response.StatusCode == 401)
            {
                Assert.Contains("\"code\":\"invalid_api_key\"", body);
                Assert.Contains("\"type\":\"invalid_request_error\"", body);
            }

            return (int)response.StatusCode;
        }

        [Fact]
        public async Task Auth_accepts_bearer_and_api_key_and_rejects_missing_or_wrong()
        {
            await using var host = await TestHost.StartAsync();
            Assert.Equal(401, await StatusWithHeadersAsync(host));
            Assert.Equal(401, await StatusWithHeadersAsync(host, ("Authorization", "Bearer wrong-key-value")));
            Assert.Equal(401, await StatusWithHeadersAsync(host, ("api-key", "wrong-key-value")));
            Assert.Equal(200, await StatusWithHeadersAsync(host, ("Authorization", "Bearer " + TestHost.Key)));
            Assert.Equal(200, await StatusWithHeadersAsync(host, ("api-key", TestHost.Key)));
        }

        [Fact]
        public async Task Auth_off_and_any_key_modes()
        {
            await using (var open = await TestHost.StartAsync(options => options.RequireAuthentication = false))
            {
                Assert.Equal(200, await StatusWithHeadersAsync(open));
            }

            await using var anyKey = await TestHost.StartAsync(options => options.ApiKey = null);
            Assert.Equal(200, await StatusWithHeadersAsync(anyKey, ("Authorization", "Bearer whatever")));
            Assert.Equal(401, await StatusWithHeadersAsync(anyKey));
        }

        [Fact]
        public async Task Admin_routes_require_auth()
        {
            await using var host = await TestHost.StartAsync();
            using var client = new HttpClient();
            using HttpResponseMessage response = await client.GetAsync(new Uri(host.Emulator.RootUri, "_emulator/stats"));
            Assert.Equal(401, (int)response.StatusCode);
        }

        [Fact]
        public async Task Request_log_redacts_credentials_and_keeps_bodies()
        {
            await using var host = await TestHost.StartAsync();
            await host.CreateAsync();
            await StatusWithHeadersAsync(host, ("api-key", TestHost.Key));
            var entries = host.Emulator.RequestLog.Entries;
            Assert.Equal(2, entries.Count);
            Assert.Equal(RequestLog.Redacted, entries[0].Headers["Authorization"]);
            Assert.Equal(RequestLog.Redacted, entries[1].Headers["api-key"]);
            Assert.Equal("/v1/videos", entries[0].PathAndQuery);
            Assert.Contains("A calico cat", Encoding.UTF8.GetString(entries[0].Body));
            Assert.DoesNotContain(entries, entry => entry.Headers.Values.Any(value => value.Contains(TestHost.Key)) || Encoding.UTF8.GetString(entry.Body).Contains(TestHost.Key));
        }

        [Fact]
        public async Task Oversize_body_is_413_in_the_error_envelope()
        {
            await using var host = await TestHost.StartAsync(options => options.MaxRequestBodyBytes = 4096);
            var result = await host.PostJsonAsync("videos", $"{{\"prompt\":\"{new string('a', 8000)}\"}}");
            TestHost.AssertError(413, "request_too_large", null, result);
            Assert.Equal(0, host.Emulator.Statistics.VideosCreated);
        }

        [Fact]
        public async Task Oversize_chunked_body_is_413_in_the_error_envelope()
        {
            await using var host = await TestHost.StartAsync(options => options.MaxRequestBodyBytes = 4096);
            var content = new System.Net.Http.StreamContent(new System.IO.MemoryStream(Encoding.UTF8.GetBytes($"{{\"prompt\":\"{new string('a', 8000)}\"}}")));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            content.Headers.ContentLength = null;
            using var request = new HttpRequestMessage(HttpMethod.Post, "videos") { Content = content };
            request.Headers.TransferEncodingChunked = true;
            using HttpResponseMessage response = await host.Http.SendAsync(request);
            Assert.Equal(413, (int)response.StatusCode);
            Assert.Contains("request_too_large", await response.Content.ReadAsStringAsync());
        }

        [Fact]
        public async Task Oversize_upload_part_is_413()
        {
            await using var host = await TestHost.StartAsync(options => options.MaxUploadBytes = 1000);
            using var form = TestHost.Multipart(new[] { ("prompt", "cat") }, ("input_reference", "ref.png", "image/png", new byte[5000]));
            TestHost.AssertError(413, "request_too_large", null, await host.SendAsync(HttpMethod.Post, "videos", form));
        }

        [Fact]
        public async Task Idempotency_key_replays_the_original_video()
        {
            await using var host = await TestHost.StartAsync();
            async Task<string> PostAsync(string key)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "videos") { Content = TestHost.Json("{\"prompt\":\"cat\"}") };
                request.Headers.Add("Idempotency-Key", key);
                using HttpResponseMessage response = await host.Http.SendAsync(request);
                return System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
            }

            string first = await PostAsync("key-1");
            Assert.Equal(first, await PostAsync("key-1"));
            Assert.NotEqual(first, await PostAsync("key-2"));
            Assert.Equal(2, host.Emulator.Statistics.VideosCreated);
            Assert.Equal(1, host.Emulator.Statistics.IdempotentReplays);
        }

        [Fact]
        public async Task Every_response_has_a_request_id_and_statistics_count_operations()
        {
            await using var host = await TestHost.StartAsync();
            string id = await host.CreateAsync();
            foreach (string path in new[] { "videos", $"videos/{id}", "videos/video_none", $"videos/{id}/content" })
            {
                using HttpResponseMessage response = await host.Http.GetAsync(path);
                Assert.Matches("^req_[0-9a-f]{32}$", response.Headers.GetValues("x-request-id").Single());
            }

            Assert.Equal(1, host.Emulator.Statistics.RequestsFor("create"));
            Assert.Equal(2, host.Emulator.Statistics.RequestsFor("retrieve"));
            Assert.Equal(5, host.Emulator.Statistics.TotalRequests);
            Assert.Equal("127.0.0.1", host.Emulator.BaseUri.Host);
            Assert.EndsWith("/v1/", host.Emulator.BaseUri.AbsoluteUri);
        }
    }
}
