using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using OpenAIVideos.Emulator.Diagnostics;

namespace OpenAIVideos.Emulator.Tests
{
    /// <summary>
    /// The Gemini API's OpenAI compatibility layer for Veo: its root, multipart create with extra fields, Veo's value
    /// rules, <c>processing</c>, the result at <c>url</c> on the second origin, Google's error body, no other routes.
    /// </summary>
    public sealed class GeminiFlavorTests
    {
        private const string Model = "veo-3.1-generate-preview";

        private static Task<TestHost> StartAsync() => TestHost.StartAsync(options => options.Flavor = EmulatorFlavor.Gemini);

        private static MultipartFormDataContent Form(params (string Name, string Value)[] extra) =>
            TestHost.Multipart(new[] { ("model", Model), ("prompt", "a koi pond") }.Concat(extra));

        private static Task<(int Status, JsonElement Body, HttpResponseMessage Response)> CreateAsync(TestHost host, HttpContent body) =>
            host.SendAsync(HttpMethod.Post, "videos", body);

        private static async Task<string> CreatedIdAsync(TestHost host, HttpContent body)
        {
            var created = await CreateAsync(host, body);
            Assert.True(created.Status == 200, created.Body.ToString());
            return created.Body.GetProperty("id").GetString()!;
        }

        /// <summary>Google's body: exactly <c>{"error": {"code", "message", "status"}}</c> with the HTTP status as code.</summary>
        private static void AssertGoogleError(int status, string googleStatus, string messagePart, (int Status, JsonElement Body, HttpResponseMessage Response) result)
        {
            Assert.True(status == result.Status, $"expected {status}, got {result.Status}: {result.Body}");
            JsonElement error = result.Body.GetProperty("error");
            Assert.Equal(new[] { "code", "message", "status" }, error.EnumerateObject().Select(p => p.Name));
            Assert.Equal(status, error.GetProperty("code").GetInt32());
            Assert.Equal(googleStatus, error.GetProperty("status").GetString());
            Assert.Contains(messagePart, error.GetProperty("message").GetString());
        }

        [Fact]
        public async Task A_multipart_create_under_v1beta_openai_keeps_model_prompt_and_the_extra_fields()
        {
            await using var host = await StartAsync();
            Assert.EndsWith("/v1beta/openai/", host.Emulator.BaseUri.AbsoluteUri);
            var created = await CreateAsync(host, Form(("duration_seconds", "8"), ("aspect_ratio", "9:16"), ("resolution", "720p"),
                ("negative_prompt", "text overlays"), ("seed", "42")));
            Assert.True(created.Status == 200, created.Body.ToString());
            JsonElement video = created.Body;
            Assert.Equal("video", video.GetProperty("object").GetString());
            Assert.Equal(Model, video.GetProperty("model").GetString());
            Assert.Equal("processing", video.GetProperty("status").GetString());
            Assert.Equal("8", video.GetProperty("seconds").GetString());
            Assert.Equal("720x1280", video.GetProperty("size").GetString());
            Assert.Equal(JsonValueKind.Null, video.GetProperty("url").ValueKind);
            Assert.False(video.TryGetProperty("progress", out _));

            RecordedRequest logged = host.Emulator.RequestLog.Entries.Single(entry => entry.Method == "POST");
            Assert.Equal("/v1beta/openai/videos", logged.PathAndQuery);
            Assert.StartsWith("multipart/form-data", logged.ContentType);
            string form = Encoding.UTF8.GetString(logged.Body);
            Assert.Contains("name=duration_seconds", form);
            Assert.Contains("name=aspect_ratio", form);
        }

        [Fact]
        public async Task A_json_create_takes_duration_seconds_as_a_number_or_a_digit_string()
        {
            await using var host = await StartAsync();
            var number = await host.PostJsonAsync("videos", $"{{\"model\":\"{Model}\",\"prompt\":\"koi\",\"duration_seconds\":6}}");
            Assert.True(number.Status == 200, number.Body.ToString());
            Assert.Equal("6", number.Body.GetProperty("seconds").GetString());
            var text = await host.PostJsonAsync("videos", $"{{\"model\":\"{Model}\",\"prompt\":\"koi\",\"duration_seconds\":\"4\"}}");
            Assert.Equal("4", text.Body.GetProperty("seconds").GetString());
            var defaulted = await host.PostJsonAsync("videos", $"{{\"model\":\"{Model}\",\"prompt\":\"koi\",\"size\":\"1920x1080\"}}");
            Assert.Equal("8", defaulted.Body.GetProperty("seconds").GetString());
            Assert.Equal("1920x1080", defaulted.Body.GetProperty("size").GetString());
        }

        [Fact]
        public async Task Running_is_processing_until_completed_then_url_names_the_second_origin()
        {
            await using var host = await StartAsync();
            string id = await CreatedIdAsync(host, Form());
            Assert.Equal("processing", (await host.GetAsync($"videos/{id}")).Body.GetProperty("status").GetString());
            host.Clock.Advance(TestHost.Duration / 2);
            Assert.Equal("processing", (await host.GetAsync($"videos/{id}")).Body.GetProperty("status").GetString());
            host.Clock.Advance(TestHost.Duration);
            JsonElement done = (await host.GetAsync($"videos/{id}")).Body;
            Assert.Equal("completed", done.GetProperty("status").GetString());
            Assert.Equal(JsonValueKind.Number, done.GetProperty("completed_at").ValueKind);

            string url = done.GetProperty("url").GetString()!;
            byte[] video = await StorageOriginAssertions.DownloadWithoutKeyAsync(host, url);
            Assert.Equal((1280, 720), Mp4Boxes.TrackSize(video));
            Assert.Equal(url, (await host.GetAsync($"videos/{id}")).Body.GetProperty("url").GetString());
            await StorageOriginAssertions.AssertKeyWouldBeSeenAsync(host, url);
        }

        [Fact]
        public async Task There_is_no_content_list_delete_or_remix_route()
        {
            await using var host = await StartAsync();
            string id = await CreatedIdAsync(host, Form());
            host.Emulator.CompleteNow(id);
            AssertGoogleError(404, "NOT_FOUND", "Method not found", await host.GetAsync($"videos/{id}/content"));
            AssertGoogleError(404, "NOT_FOUND", "Method not found", await host.GetAsync("videos"));
            AssertGoogleError(404, "NOT_FOUND", "Method not found", await host.SendAsync(HttpMethod.Delete, $"videos/{id}"));
            AssertGoogleError(404, "NOT_FOUND", "Method not found", await host.PostJsonAsync($"videos/{id}/remix", "{\"prompt\":\"x\"}"));
            AssertGoogleError(404, "NOT_FOUND", "Method not found", await host.SendAsync(HttpMethod.Get, new Uri(host.Emulator.RootUri, $"v1/videos/{id}").AbsoluteUri));
            AssertGoogleError(404, "NOT_FOUND", "not found", await host.GetAsync("videos/0123456789abcdef"));
        }

        public static TheoryData<string, (string, string)[], string> RefusedCreates => new TheoryData<string, (string, string)[], string>
        {
            { "duration outside 4/6/8", new[] { ("duration_seconds", "5") }, "Supported values: 4, 6, 8" },
            { "duration not an integer", new[] { ("duration_seconds", "8.0") }, "TYPE_INT32" },
            { "aspect ratio 1:1", new[] { ("aspect_ratio", "1:1") }, "aspect_ratio" },
            { "resolution 2k", new[] { ("resolution", "2k") }, "resolution" },
            { "1080p for 6 seconds", new[] { ("duration_seconds", "6"), ("resolution", "1080p") }, "must be 8 when using resolution 1080p" },
            { "reference images for 6 seconds", new[] { ("duration_seconds", "6"), ("reference_images", "https://example.com/a.png") }, "must be 8 when using reference_images" },
            { "four reference images", Enumerable.Repeat(("reference_images", "https://example.com/a.png"), 4).ToArray(), "at most 3" },
            { "last frame without a first frame", new[] { ("last_frame", "https://example.com/z.png") }, "requires image" },
            { "last frame for 4 seconds", new[] { ("duration_seconds", "4"), ("image", "https://example.com/a.png"), ("last_frame", "https://example.com/z.png") }, "must be 8 when using last_frame" },
            { "image that is not base64", new[] { ("image", "not base64 at all") }, "not valid base64" },
            { "image that is not an image", new[] { ("image", Convert.ToBase64String(Encoding.UTF8.GetBytes("plain text"))) }, "not a supported image" },
            { "Sora's seconds field", new[] { ("seconds", "8") }, "Unknown name \"seconds\"" },
            { "extension of an unknown video", new[] { ("extend_video_id", "0123456789abcdef") }, "not found" },
        };

        [Theory]
        [MemberData(nameof(RefusedCreates))]
        public async Task Values_veo_does_not_take_are_refused_before_a_job_exists(string why, (string, string)[] fields, string messagePart)
        {
            await using var host = await StartAsync();
            var refused = await CreateAsync(host, Form(fields));
            int status = why.StartsWith("extension", StringComparison.Ordinal) ? 404 : 400;
            AssertGoogleError(status, status == 404 ? "NOT_FOUND" : "INVALID_ARGUMENT", messagePart, refused);
            Assert.Equal(0, host.Emulator.Statistics.VideosCreated);
        }

        [Fact]
        public async Task Model_and_prompt_are_required()
        {
            await using var host = await StartAsync();
            AssertGoogleError(400, "INVALID_ARGUMENT", "model is required", await CreateAsync(host, TestHost.Multipart(new[] { ("prompt", "koi") })));
            AssertGoogleError(400, "INVALID_ARGUMENT", "prompt is required", await CreateAsync(host, TestHost.Multipart(new[] { ("model", Model) })));
        }

        [Fact]
        public async Task First_last_and_reference_images_decode_from_files_data_urls_or_base64()
        {
            await using var host = await StartAsync();
            byte[] png = TestImages.Png(64, 36);
            var form = Form(("duration_seconds", "8"), ("last_frame", "data:image/png;base64," + Convert.ToBase64String(png)),
                ("reference_images", Convert.ToBase64String(png)), ("reference_images", "https://example.com/b.png"));
            form.Add(new ByteArrayContent(png), "image", "first.png");
            await CreatedIdAsync(host, form);
            await CreatedIdAsync(host, TestHost.Json($"{{\"model\":\"{Model}\",\"prompt\":\"koi\",\"reference_images\":[\"{Convert.ToBase64String(png)}\",\"https://example.com/c.png\",\"https://example.com/d.png\"]}}"));
            var four = await host.PostJsonAsync("videos", $"{{\"model\":\"{Model}\",\"prompt\":\"koi\",\"reference_images\":[\"a\",\"b\",\"c\",\"d\"]}}");
            AssertGoogleError(400, "INVALID_ARGUMENT", "at most 3", four);
        }

        [Fact]
        public async Task Extending_a_completed_720p_video_adds_seven_seconds_and_needs_eight()
        {
            await using var host = await StartAsync();
            string source = await CreatedIdAsync(host, Form(("duration_seconds", "8")));
            AssertGoogleError(400, "INVALID_ARGUMENT", "status is processing", await CreateAsync(host, Form(("extend_video_id", source))));
            host.Emulator.CompleteNow(source);
            AssertGoogleError(400, "INVALID_ARGUMENT", "must be 8 when using extend_video_id",
                await CreateAsync(host, Form(("extend_video_id", source), ("duration_seconds", "6"))));
            AssertGoogleError(400, "INVALID_ARGUMENT", "only 720p",
                await CreateAsync(host, Form(("extend_video_id", source), ("resolution", "1080p"))));
            var extended = await CreateAsync(host, Form(("extend_video_id", source), ("duration_seconds", "8")));
            Assert.True(extended.Status == 200, extended.Body.ToString());
            Assert.Equal("15", extended.Body.GetProperty("seconds").GetString());
            Assert.Equal("1280x720", extended.Body.GetProperty("size").GetString());

            string large = await CreatedIdAsync(host, Form(("resolution", "1080p")));
            host.Emulator.CompleteNow(large);
            AssertGoogleError(400, "INVALID_ARGUMENT", "only 720p videos", await CreateAsync(host, Form(("extend_video_id", large))));
        }

        [Theory]
        [InlineData("[emulator:cancel]", "cancelled")]
        [InlineData("[emulator:expire]", "expired")]
        [InlineData("[emulator:fail]", "failed")]
        public async Task Prompt_markers_end_the_job_half_way_without_a_url(string marker, string status)
        {
            await using var host = await StartAsync();
            string id = await CreatedIdAsync(host, TestHost.Multipart(new[] { ("model", Model), ("prompt", "koi " + marker) }));
            host.Clock.Advance(TestHost.Duration / 2 - TimeSpan.FromMilliseconds(1));
            Assert.Equal("processing", (await host.GetAsync($"videos/{id}")).Body.GetProperty("status").GetString());
            host.Clock.Advance(TestHost.Duration);
            JsonElement ended = (await host.GetAsync($"videos/{id}")).Body;
            Assert.Equal(status, ended.GetProperty("status").GetString());
            Assert.Equal(JsonValueKind.Null, ended.GetProperty("url").ValueKind);
            Assert.Equal(status == "failed" ? JsonValueKind.Object : JsonValueKind.Null, ended.GetProperty("error").ValueKind);
            Assert.Empty(host.Emulator.StorageRequestLog.Entries);
        }

        [Fact]
        public async Task Keys_go_in_bearer_or_x_goog_api_key_and_refusals_are_googles()
        {
            await using var host = await StartAsync();
            using var anonymous = new HttpClient { BaseAddress = host.Emulator.BaseUri };
            using HttpResponseMessage missing = await anonymous.GetAsync("videos/0123456789abcdef");
            Assert.Equal(403, (int)missing.StatusCode);
            Assert.Contains("PERMISSION_DENIED", await missing.Content.ReadAsStringAsync());

            using var wrong = host.Emulator.CreateHttpClient("wrong-key");
            using HttpResponseMessage refused = await wrong.GetAsync("videos/0123456789abcdef");
            string body = await refused.Content.ReadAsStringAsync();
            Assert.Equal(400, (int)refused.StatusCode);
            Assert.Contains("API key not valid", body);
            Assert.DoesNotContain("wrong-key", body);

            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(host.Emulator.BaseUri, "videos")) { Content = Form() };
            request.Headers.Add("x-goog-api-key", TestHost.Key);
            using HttpResponseMessage created = await anonymous.SendAsync(request);
            Assert.Equal(200, (int)created.StatusCode);
            Assert.Equal(RequestLog.Redacted, host.Emulator.RequestLog.Entries.Last().Headers["x-goog-api-key"]);
        }
    }
}
