using System;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Tasks;

namespace OpenAIVideos.Emulator.Tests
{
    /// <summary>
    /// OpenRouter's Video Generation API: 202 submit, its six statuses, <c>usage.cost</c>, <c>unsigned_urls</c> (the content
    /// route, which needs the key) and <c>urls</c> (the second origin, which must not get it), <c>/videos/models</c>,
    /// per-model value sets, its error body, and the routes it lacks.
    /// </summary>
    public sealed class OpenRouterFlavorTests
    {
        private static Task<TestHost> StartAsync() => TestHost.StartAsync(options => options.Flavor = EmulatorFlavor.OpenRouter);

        private static async Task<string> SubmitAsync(TestHost host, string json)
        {
            var submitted = await host.PostJsonAsync("videos", json);
            Assert.True(submitted.Status == 202, submitted.Body.ToString());
            return submitted.Body.GetProperty("id").GetString()!;
        }

        /// <summary>OpenRouter's body: exactly <c>{"error": {"code", "message"}}</c> with the HTTP status as code.</summary>
        private static void AssertOpenRouterError(int status, string messagePart, (int Status, JsonElement Body, HttpResponseMessage Response) result)
        {
            Assert.True(status == result.Status, $"expected {status}, got {result.Status}: {result.Body}");
            JsonElement error = result.Body.GetProperty("error");
            Assert.Equal(new[] { "code", "message" }, error.EnumerateObject().Select(p => p.Name));
            Assert.Equal(status, error.GetProperty("code").GetInt32());
            Assert.Contains(messagePart, error.GetProperty("message").GetString());
        }

        [Fact]
        public async Task Submit_answers_202_with_id_relative_polling_url_and_pending()
        {
            await using var host = await StartAsync();
            Assert.EndsWith("/api/v1/", host.Emulator.BaseUri.AbsoluteUri);
            var submitted = await host.PostJsonAsync("videos", "{\"model\":\"google/veo-3.1\",\"prompt\":\"a koi pond\",\"duration\":8,\"resolution\":\"720p\",\"aspect_ratio\":\"16:9\"}");
            Assert.Equal(202, submitted.Status);
            string id = submitted.Body.GetProperty("id").GetString()!;
            Assert.StartsWith("job-", id);
            Assert.Equal(new[] { "id", "polling_url", "status" }, submitted.Body.EnumerateObject().Select(p => p.Name));
            Assert.Equal($"/api/v1/videos/{id}", submitted.Body.GetProperty("polling_url").GetString());
            Assert.Equal("pending", submitted.Body.GetProperty("status").GetString());
            Assert.Equal(200, (await host.SendAsync(HttpMethod.Get, new Uri(host.Emulator.RootUri, submitted.Body.GetProperty("polling_url").GetString()!).AbsoluteUri)).Status);
        }

        [Fact]
        public async Task A_job_is_pending_then_in_progress_then_completed_with_cost_and_both_url_kinds()
        {
            await using var host = await StartAsync();
            string id = await SubmitAsync(host, "{\"model\":\"google/veo-3.1\",\"prompt\":\"a koi pond\",\"duration\":8,\"resolution\":\"1080p\"}");
            JsonElement pending = (await host.GetAsync($"videos/{id}")).Body;
            Assert.Equal("pending", pending.GetProperty("status").GetString());
            Assert.Equal(new[] { "id", "polling_url", "status" }, pending.EnumerateObject().Select(p => p.Name));
            host.Clock.Advance(TestHost.Duration / 2);
            Assert.Equal("in_progress", (await host.GetAsync($"videos/{id}")).Body.GetProperty("status").GetString());
            host.Clock.Advance(TestHost.Duration);

            JsonElement done = (await host.GetAsync($"videos/{id}")).Body;
            Assert.Equal("completed", done.GetProperty("status").GetString());
            Assert.StartsWith("gen-", done.GetProperty("generation_id").GetString());
            Assert.Equal(6m, done.GetProperty("usage").GetProperty("cost").GetDecimal()); // 8 s × 0.75 (per-video-second-1080p)
            Assert.False(done.GetProperty("usage").GetProperty("is_byok").GetBoolean());
            Assert.False(done.TryGetProperty("error", out _));
            Assert.Equal(new Uri(host.Emulator.BaseUri, $"videos/{id}/content?index=0").AbsoluteUri, done.GetProperty("unsigned_urls")[0].GetString());

            byte[] stored = await StorageOriginAssertions.DownloadWithoutKeyAsync(host, done.GetProperty("urls")[0].GetString()!);
            using HttpResponseMessage proxied = await host.Http.GetAsync(done.GetProperty("unsigned_urls")[0].GetString());
            Assert.Equal(200, (int)proxied.StatusCode);
            Assert.Equal(stored, await proxied.Content.ReadAsByteArrayAsync());
            Assert.Equal((1920, 1080), Mp4Boxes.TrackSize(stored));
        }

        [Theory]
        [InlineData("alibaba/wan-2.6", 10, "720p", 0.4)]
        [InlineData("google/veo-3.1", 4, "720p", 2.0)]
        [InlineData("openai/sora-2-pro", 12, "1080p", 3.6)]
        public async Task Cost_is_seconds_times_the_resolutions_price(string model, int duration, string resolution, double cost)
        {
            await using var host = await StartAsync();
            string id = await SubmitAsync(host, $"{{\"model\":\"{model}\",\"prompt\":\"koi\",\"duration\":{duration},\"resolution\":\"{resolution}\"}}");
            host.Emulator.CompleteNow(id);
            Assert.Equal((decimal)cost, (await host.GetAsync($"videos/{id}")).Body.GetProperty("usage").GetProperty("cost").GetDecimal());
        }

        [Fact]
        public async Task The_content_route_needs_the_key_a_completed_job_and_index_zero_and_honours_ranges()
        {
            await using var host = await StartAsync();
            string id = await SubmitAsync(host, "{\"model\":\"google/veo-3.1\",\"prompt\":\"koi\"}");
            AssertOpenRouterError(400, "not completed (status: pending)", await host.GetAsync($"videos/{id}/content?index=0"));
            host.Emulator.CompleteNow(id);
            AssertOpenRouterError(400, "Invalid index '1'", await host.GetAsync($"videos/{id}/content?index=1"));

            using var anonymous = new HttpClient();
            using HttpResponseMessage refused = await anonymous.GetAsync(new Uri(host.Emulator.BaseUri, $"videos/{id}/content?index=0"));
            Assert.Equal(401, (int)refused.StatusCode);

            using var ranged = new HttpRequestMessage(HttpMethod.Get, $"videos/{id}/content?index=0");
            ranged.Headers.Range = new RangeHeaderValue(0, 7);
            using HttpResponseMessage partial = await host.Http.SendAsync(ranged);
            Assert.Equal(206, (int)partial.StatusCode);
            Assert.Equal(8, (await partial.Content.ReadAsByteArrayAsync()).Length);
            Assert.Empty(host.Emulator.StorageRequestLog.Entries);
        }

        [Theory]
        [InlineData("[emulator:cancel]", "cancelled", "cancelled")]
        [InlineData("[emulator:expire]", "expired", "expired")]
        [InlineData("[emulator:fail]", "failed", "moderation")]
        public async Task Prompt_markers_end_the_job_with_its_status_and_an_error_but_no_result(string marker, string status, string errorPart)
        {
            await using var host = await StartAsync();
            string id = await SubmitAsync(host, $"{{\"model\":\"google/veo-3.1\",\"prompt\":\"koi {marker}\"}}");
            host.Clock.Advance(TestHost.Duration / 2 - TimeSpan.FromMilliseconds(1));
            Assert.Equal("in_progress", (await host.GetAsync($"videos/{id}")).Body.GetProperty("status").GetString());
            host.Clock.Advance(TimeSpan.FromMilliseconds(1));
            JsonElement ended = (await host.GetAsync($"videos/{id}")).Body;
            Assert.Equal(status, ended.GetProperty("status").GetString());
            Assert.Contains(errorPart, ended.GetProperty("error").GetString());
            Assert.False(ended.TryGetProperty("unsigned_urls", out _));
            Assert.False(ended.TryGetProperty("urls", out _));
            Assert.False(ended.TryGetProperty("usage", out _));
            AssertOpenRouterError(400, $"status: {status}", await host.GetAsync($"videos/{id}/content?index=0"));
        }

        [Fact]
        public async Task A_completed_job_whose_output_expired_reports_expired_and_no_longer_serves_it()
        {
            await using var host = await StartAsync();
            string id = await SubmitAsync(host, "{\"model\":\"google/veo-3.1\",\"prompt\":\"koi\"}");
            host.Clock.Advance(TestHost.Duration);
            Assert.Equal("completed", (await host.GetAsync($"videos/{id}")).Body.GetProperty("status").GetString());
            host.Clock.Advance(TimeSpan.FromHours(1));
            JsonElement expired = (await host.GetAsync($"videos/{id}")).Body;
            Assert.Equal("expired", expired.GetProperty("status").GetString());
            Assert.Contains("expired", expired.GetProperty("error").GetString());
            Assert.False(expired.TryGetProperty("urls", out _));
            AssertOpenRouterError(400, "status: expired", await host.GetAsync($"videos/{id}/content?index=0"));
        }

        [Fact]
        public async Task The_model_list_needs_no_key_and_publishes_each_models_sets_and_prices()
        {
            await using var host = await StartAsync();
            using var anonymous = new HttpClient();
            using HttpResponseMessage response = await anonymous.GetAsync(new Uri(host.Emulator.BaseUri, "videos/models"));
            Assert.Equal(200, (int)response.StatusCode);
            JsonElement data = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("data");
            Assert.Equal(new[] { "google/veo-3.1", "alibaba/wan-2.6", "openai/sora-2-pro" }, data.EnumerateArray().Select(m => m.GetProperty("id").GetString()));
            JsonElement veo = data[0];
            Assert.Equal(new[] { 4.0, 6, 8 }, veo.GetProperty("supported_durations").EnumerateArray().Select(d => d.GetDouble()));
            Assert.Equal(new[] { "720p", "1080p" }, veo.GetProperty("supported_resolutions").EnumerateArray().Select(v => v.GetString()));
            Assert.Equal(new[] { "16:9", "9:16", "1:1" }, veo.GetProperty("supported_aspect_ratios").EnumerateArray().Select(v => v.GetString()));
            Assert.Equal(new[] { "1280x720", "1920x1080" }, veo.GetProperty("supported_sizes").EnumerateArray().Select(v => v.GetString()));
            Assert.Equal(new[] { "first_frame", "last_frame" }, veo.GetProperty("supported_frame_images").EnumerateArray().Select(v => v.GetString()));
            Assert.True(veo.GetProperty("generate_audio").GetBoolean());
            Assert.True(veo.GetProperty("seed").GetBoolean());
            Assert.Equal("0.75", veo.GetProperty("pricing_skus").GetProperty("per-video-second-1080p").GetString());
            Assert.False(data[1].GetProperty("generate_audio").GetBoolean());
            Assert.False(data[2].GetProperty("seed").GetBoolean());
        }

        public static TheoryData<string, string> RefusedSubmits => new TheoryData<string, string>
        {
            { "{\"model\":\"google/veo-3.1\",\"prompt\":\"koi\",\"duration\":7}", "Supported values: 4, 6, 8" },
            { "{\"model\":\"google/veo-3.1\",\"prompt\":\"koi\",\"duration\":\"8\"}", "duration: Expected number, received string" },
            { "{\"model\":\"google/veo-3.1\",\"prompt\":\"koi\",\"resolution\":\"4K\"}", "Invalid resolution '4K'" },
            { "{\"model\":\"google/veo-3.1\",\"prompt\":\"koi\",\"aspect_ratio\":\"21:9\"}", "Invalid aspect_ratio '21:9'" },
            { "{\"model\":\"google/veo-3.1\",\"prompt\":\"koi\",\"size\":\"720x1280\"}", "Supported values: 1280x720, 1920x1080" },
            { "{\"model\":\"alibaba/wan-2.6\",\"prompt\":\"koi\",\"size\":\"1280x720\"}", "Invalid size" },
            { "{\"model\":\"alibaba/wan-2.6\",\"prompt\":\"koi\",\"generate_audio\":true}", "does not support generate_audio" },
            { "{\"model\":\"openai/sora-2-pro\",\"prompt\":\"koi\",\"seed\":7}", "does not support seed" },
            { "{\"model\":\"google/veo-3.1\",\"prompt\":\"koi\",\"seed\":1.5}", "seed: Expected integer" },
            { "{\"model\":\"openai/sora-2-pro\",\"prompt\":\"koi\",\"frame_images\":[{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://example.com/z.png\"},\"frame_type\":\"last_frame\"}]}", "Invalid frame_images.frame_type 'last_frame'" },
            { "{\"model\":\"google/veo-3.1\",\"prompt\":\"koi\",\"frame_images\":[{\"image_url\":\"https://example.com/a.png\",\"position\":\"first\"}]}", "frame_images: each item must be" },
            { "{\"model\":\"google/veo-3.1\",\"prompt\":\"koi\",\"input_references\":{\"type\":\"image_url\"}}", "input_references: Expected array" },
            { "{\"model\":\"google/veo-3.1\",\"prompt\":\"koi\",\"callback_url\":\"http://example.com/hook\"}", "HTTPS" },
            { "{\"model\":\"google/veo-3.1\",\"prompt\":\"koi\",\"provider\":\"google-vertex\"}", "provider: Expected object, received string" },
            { "{\"model\":\"google/veo-9\",\"prompt\":\"koi\"}", "not a video generation model" },
            { "{\"prompt\":\"koi\"}", "model: Required" },
            { "{\"model\":\"google/veo-3.1\"}", "prompt: Required" },
            { "[1,2]", "JSON object" },
        };

        [Theory]
        [MemberData(nameof(RefusedSubmits))]
        public async Task Values_outside_the_models_published_sets_are_400s_and_nothing_is_created(string json, string messagePart)
        {
            await using var host = await StartAsync();
            AssertOpenRouterError(400, messagePart, await host.PostJsonAsync("videos", json));
            Assert.Equal(0, host.Emulator.Statistics.VideosCreated);
        }

        [Fact]
        public async Task Frame_images_may_stand_in_for_the_prompt_and_a_form_is_refused()
        {
            await using var host = await StartAsync();
            await SubmitAsync(host, "{\"model\":\"google/veo-3.1\",\"frame_images\":[{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://example.com/a.png\"},\"frame_type\":\"first_frame\"},{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://example.com/z.png\"},\"frame_type\":\"last_frame\"}],\"input_references\":[{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://example.com/s.png\"}}],\"generate_audio\":false,\"seed\":3,\"provider\":{\"options\":{}},\"callback_url\":\"https://example.com/hook\"}");
            AssertOpenRouterError(400, "application/json", await host.SendAsync(HttpMethod.Post, "videos", TestHost.Multipart(new[] { ("model", "google/veo-3.1"), ("prompt", "koi") })));
        }

        [Fact]
        public async Task Resolution_and_aspect_ratio_pick_the_rendered_size_unless_size_is_given()
        {
            await using var host = await StartAsync();
            string portrait = await SubmitAsync(host, "{\"model\":\"google/veo-3.1\",\"prompt\":\"koi\",\"aspect_ratio\":\"9:16\"}");
            string sized = await SubmitAsync(host, "{\"model\":\"google/veo-3.1\",\"prompt\":\"koi\",\"size\":\"1920x1080\"}");
            foreach (var (id, size) in new[] { (portrait, (720, 1280)), (sized, (1920, 1080)) })
            {
                host.Emulator.CompleteNow(id);
                using HttpResponseMessage content = await host.Http.GetAsync($"videos/{id}/content?index=0");
                Assert.Equal(size, Mp4Boxes.TrackSize(await content.Content.ReadAsByteArrayAsync()));
            }
        }

        [Fact]
        public async Task There_is_no_list_delete_or_remix_and_unknown_jobs_are_404s()
        {
            await using var host = await StartAsync();
            string id = await SubmitAsync(host, "{\"model\":\"google/veo-3.1\",\"prompt\":\"koi\"}");
            var list = await host.GetAsync("videos");
            AssertOpenRouterError(405, "Method Not Allowed", list);
            Assert.Equal("POST", list.Response.Content.Headers.Allow.Single());
            AssertOpenRouterError(405, "Method Not Allowed", await host.SendAsync(HttpMethod.Delete, $"videos/{id}"));
            AssertOpenRouterError(404, "Not Found", await host.PostJsonAsync($"videos/{id}/remix", "{\"prompt\":\"x\"}"));
            // /videos/extensions has the shape of a job's path, which only answers GET.
            var extension = await host.PostJsonAsync("videos/extensions", "{\"prompt\":\"x\"}");
            AssertOpenRouterError(405, "Method Not Allowed", extension);
            Assert.Equal("GET", extension.Response.Content.Headers.Allow.Single());
            AssertOpenRouterError(404, "job-000000000000000000000000 not found", await host.GetAsync("videos/job-000000000000000000000000"));
        }

        [Fact]
        public async Task Missing_and_wrong_keys_are_401s_in_openrouters_body()
        {
            await using var host = await StartAsync();
            using var anonymous = new HttpClient { BaseAddress = host.Emulator.BaseUri };
            using HttpResponseMessage missing = await anonymous.PostAsync("videos", TestHost.Json("{\"model\":\"google/veo-3.1\",\"prompt\":\"koi\"}"));
            Assert.Equal(401, (int)missing.StatusCode);
            Assert.Equal("No auth credentials found", JsonDocument.Parse(await missing.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetProperty("message").GetString());
            using var wrong = host.Emulator.CreateHttpClient("sk-or-wrong");
            using HttpResponseMessage refused = await wrong.GetAsync("videos/job-000000000000000000000000");
            Assert.Equal(401, (int)refused.StatusCode);
            Assert.Equal("User not found.", JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetProperty("message").GetString());
            Assert.Equal(0, host.Emulator.Statistics.VideosCreated);
        }

        [Fact]
        public async Task The_storage_origin_refuses_unknown_paths_other_methods_and_expired_content()
        {
            await using var host = await StartAsync();
            string id = await SubmitAsync(host, "{\"model\":\"google/veo-3.1\",\"prompt\":\"koi\"}");
            host.Emulator.CompleteNow(id);
            string url = (await host.GetAsync($"videos/{id}")).Body.GetProperty("urls")[0].GetString()!;
            using var http = new HttpClient();
            Assert.Equal(404, (int)(await http.GetAsync(new Uri(host.Emulator.StorageUri!, "files/00000000000000000000000000000000.mp4"))).StatusCode);
            Assert.Equal(405, (int)(await http.PostAsync(url, new StringContent("x"))).StatusCode);
            using HttpResponseMessage head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
            Assert.Equal(200, (int)head.StatusCode);
            Assert.True(head.Content.Headers.ContentLength > 0);
            Assert.True(host.Emulator.ExpireNow(id));
            Assert.Equal(403, (int)(await http.GetAsync(url)).StatusCode);
            Assert.Equal(new[] { 404, 405, 200, 403 }, host.Emulator.StorageRequestLog.Entries.Select(entry => entry.Status));
        }
    }
}
