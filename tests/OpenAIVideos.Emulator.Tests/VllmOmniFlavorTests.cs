using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;

namespace OpenAIVideos.Emulator.Tests
{
    /// <summary>The vLLM-Omni dialect: multipart-only create, vLLM's error envelope, its list, delete and content answers.</summary>
    public sealed class VllmOmniFlavorTests
    {
        private static Task<TestHost> StartAsync(Action<EmulatorOptions>? configure = null) =>
            TestHost.StartAsync(options =>
            {
                options.Flavor = EmulatorFlavor.VllmOmni;
                configure?.Invoke(options);
            });

        private static MultipartFormDataContent Form(params (string Name, string Value)[] fields) => TestHost.Multipart(fields);

        private static async Task<string> CreateAsync(TestHost host, string prompt = "a fox")
        {
            var (status, body, _) = await host.SendAsync(HttpMethod.Post, "videos", Form(("prompt", prompt)));
            Assert.True(status == 200, body.ToString());
            return body.GetProperty("id").GetString()!;
        }

        /// <summary>vLLM's envelope: <c>{"error": {message, type, param, code}}</c> with the integer status as code.</summary>
        private static JsonElement AssertVllmError(int status, (int Status, JsonElement Body, HttpResponseMessage Response) result)
        {
            Assert.True(status == result.Status, $"expected {status}, got {result.Status}: {result.Body}");
            JsonElement error = result.Body.GetProperty("error");
            Assert.Equal(JsonValueKind.Number, error.GetProperty("code").ValueKind);
            Assert.Equal(status, error.GetProperty("code").GetInt32());
            Assert.True(error.TryGetProperty("param", out _));
            Assert.Equal(JsonValueKind.String, error.GetProperty("type").ValueKind);
            return error;
        }

        [Fact]
        public async Task Json_create_is_a_400_as_if_prompt_were_missing()
        {
            await using var host = await StartAsync();
            JsonElement error = AssertVllmError(400, await host.PostJsonAsync("videos", "{\"prompt\":\"a fox\"}"));
            Assert.Equal("Bad Request", error.GetProperty("type").GetString());
            Assert.Equal("body.prompt", error.GetProperty("param").GetString());
            Assert.StartsWith("1 validation error:\n  {'type': 'missing', 'loc': ('body', 'prompt'), 'msg': 'Field required', 'input': None}", error.GetProperty("message").GetString());
            Assert.Equal(0, host.Emulator.Statistics.VideosCreated);
        }

        [Fact]
        public async Task Multipart_create_answers_a_minimal_vllm_video_with_extra_fields_accepted()
        {
            await using var host = await StartAsync();
            using var form = Form(("prompt", "a fox"), ("width", "832"), ("height", "480"), ("num_frames", "33"), ("fps", "16"),
                ("num_inference_steps", "40"), ("guidance_scale", "4.0"), ("seed", "42"), ("negative_prompt", "blurry"),
                ("lora", "{\"name\":\"style\",\"scale\":0.8}"), ("extra_params", "{\"flow_shift\":5}"), ("image_reference", "{\"image_url\":\"https://example.com/a.png\"}"),
                ("video_reference", "{\"video_url\":\"https://example.com/a.mp4\"}"));
            var (status, body, _) = await host.SendAsync(HttpMethod.Post, "videos", form);
            Assert.True(status == 200, body.ToString());
            Assert.Matches("^video_gen_[0-9a-f]{32}$", body.GetProperty("id").GetString());
            Assert.Equal("queued", body.GetProperty("status").GetString());
            Assert.Equal(EmulatorOptions.DefaultServedModel, body.GetProperty("model").GetString());
            Assert.Equal(JsonValueKind.Null, body.GetProperty("size").ValueKind);
            Assert.Equal("4", body.GetProperty("seconds").GetString());
            Assert.Equal("default", body.GetProperty("quality").GetString());
            Assert.Equal("video/mp4", body.GetProperty("media_type").GetString());
            Assert.Equal(JsonValueKind.Null, body.GetProperty("expires_at").ValueKind);
            Assert.False(body.TryGetProperty("has_more", out _));
        }

        [Fact]
        public async Task Form_fields_are_typed_and_json_strings_must_be_valid_json()
        {
            await using var host = await StartAsync();
            JsonElement typed = AssertVllmError(400, await host.SendAsync(HttpMethod.Post, "videos", Form(("prompt", "a"), ("width", "wide"), ("seconds", "0"))));
            string message = typed.GetProperty("message").GetString()!;
            Assert.StartsWith("2 validation errors:\n", message);
            Assert.Contains("'type': 'int_parsing', 'loc': ('body', 'width')", message);
            Assert.Contains("'type': 'string_pattern_mismatch', 'loc': ('body', 'seconds')", message);

            Assert.Equal("Invalid JSON in form field.",
                AssertVllmError(400, await host.SendAsync(HttpMethod.Post, "videos", Form(("prompt", "a"), ("lora", "{not json")))).GetProperty("message").GetString());
            Assert.Equal("Invalid JSON in form field: expected dict, got list.",
                AssertVllmError(400, await host.SendAsync(HttpMethod.Post, "videos", Form(("prompt", "a"), ("extra_params", "[1]")))).GetProperty("message").GetString());
            Assert.Equal("Invalid JSON in form field.",
                AssertVllmError(400, await host.SendAsync(HttpMethod.Post, "videos", Form(("prompt", "a"), ("video_reference", "nope")))).GetProperty("message").GetString());
            using var both = TestHost.Multipart(new[] { ("prompt", "a"), ("image_reference", "{\"image_url\":\"https://example.com/a.png\"}") },
                ("input_reference", "a.png", "image/png", TestImages.Png(832, 480)));
            Assert.Equal("Provide either input_reference or image_reference, not both.",
                AssertVllmError(400, await host.SendAsync(HttpMethod.Post, "videos", both)).GetProperty("message").GetString());
            Assert.Equal(0, host.Emulator.Statistics.VideosCreated);
        }

        [Fact]
        public async Task One_model_per_server_and_the_served_model_is_configurable()
        {
            await using var host = await StartAsync(options => options.ServedModel = "Wan-AI/Wan2.2-T2V-A14B-Diffusers");
            Assert.Equal("Model mismatch: request specifies 'sora-2' but server is running 'Wan-AI/Wan2.2-T2V-A14B-Diffusers'.",
                AssertVllmError(400, await host.SendAsync(HttpMethod.Post, "videos", Form(("prompt", "a"), ("model", "sora-2")))).GetProperty("message").GetString());
            var (status, body, _) = await host.SendAsync(HttpMethod.Post, "videos", Form(("prompt", "a"), ("model", "Wan-AI/Wan2.2-T2V-A14B-Diffusers"), ("size", "1280x720")));
            Assert.True(status == 200, body.ToString());
            Assert.Equal("1280x720", body.GetProperty("size").GetString());
        }

        [Fact]
        public async Task Lifecycle_keeps_progress_zero_until_completed()
        {
            await using var host = await StartAsync();
            string id = await CreateAsync(host);
            host.Clock.Advance(TestHost.Duration / 2);
            var running = await host.GetAsync($"videos/{id}");
            Assert.Equal("in_progress", running.Body.GetProperty("status").GetString());
            Assert.Equal(0, running.Body.GetProperty("progress").GetInt32());
            host.Clock.Advance(TestHost.Duration);
            var done = await host.GetAsync($"videos/{id}");
            Assert.Equal("completed", done.Body.GetProperty("status").GetString());
            Assert.Equal(100, done.Body.GetProperty("progress").GetInt32());
            Assert.Equal(id + ".mp4", done.Body.GetProperty("file_name").GetString());
            Assert.Equal(JsonValueKind.Number, done.Body.GetProperty("completed_at").ValueKind);
        }

        [Fact]
        public async Task Failed_job_retrieve_answers_its_error_code_as_status_and_content_is_422()
        {
            await using var host = await StartAsync();
            string id = await CreateAsync(host);
            Assert.True(host.Emulator.FailNow(id, "500", "CUDA out of memory"));
            var failed = await host.GetAsync($"videos/{id}");
            Assert.Equal(500, failed.Status);
            Assert.Equal("failed", failed.Body.GetProperty("status").GetString());
            Assert.Equal(500, failed.Body.GetProperty("error").GetProperty("code").GetInt32());
            Assert.Equal("CUDA out of memory", failed.Body.GetProperty("error").GetProperty("message").GetString());
            Assert.Equal(JsonValueKind.Number, failed.Body.GetProperty("completed_at").ValueKind);
            Assert.Equal("Video generation failed. Check job status for error details.",
                AssertVllmError(422, await host.GetAsync($"videos/{id}/content")).GetProperty("message").GetString());

            string marked = await CreateAsync(host, "a fox [emulator:fail]");
            host.Clock.Advance(TestHost.Duration);
            Assert.Equal(500, (await host.GetAsync($"videos/{marked}")).Status);
        }

        [Fact]
        public async Task Content_of_unfinished_is_404_and_any_variant_gets_the_mp4()
        {
            await using var host = await StartAsync();
            string id = await CreateAsync(host);
            Assert.Equal("Generation is still in-progress", AssertVllmError(404, await host.GetAsync($"videos/{id}/content")).GetProperty("message").GetString());
            Assert.True(host.Emulator.CompleteNow(id));
            using HttpResponseMessage response = await host.Http.GetAsync($"videos/{id}/content?variant=thumbnail");
            Assert.Equal(200, (int)response.StatusCode);
            Assert.Equal("video/mp4", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal($"{id}.mp4", response.Content.Headers.ContentDisposition!.FileName);
            byte[] bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal("ftyp", System.Text.Encoding.ASCII.GetString(bytes, 4, 4));
        }

        [Fact]
        public async Task Delete_works_in_any_status_and_answers_the_deletion_object()
        {
            await using var host = await StartAsync();
            string id = await CreateAsync(host);
            var (status, body, _) = await host.SendAsync(HttpMethod.Delete, $"videos/{id}");
            Assert.Equal(200, status);
            Assert.Equal(new[] { "id", "deleted", "object" }, body.EnumerateObject().Select(p => p.Name));
            Assert.Equal(id, body.GetProperty("id").GetString());
            Assert.True(body.GetProperty("deleted").GetBoolean());
            Assert.Equal("video.deleted", body.GetProperty("object").GetString());
            JsonElement missing = AssertVllmError(404, await host.GetAsync($"videos/{id}"));
            Assert.Equal("Video not found", missing.GetProperty("message").GetString());
            Assert.Equal("Not Found", missing.GetProperty("type").GetString());
        }

        [Fact]
        public async Task List_pages_with_limit_and_after_and_validates_its_query()
        {
            await using var host = await StartAsync();
            string[] ids = { await CreateAsync(host, "one"), await CreateAsync(host, "two"), await CreateAsync(host, "three") };
            var first = await host.GetAsync("videos?order=asc&limit=2");
            Assert.Equal(new[] { "first_id", "last_id", "has_more", "data", "object" }, first.Body.EnumerateObject().Select(p => p.Name));
            Assert.Equal(ids.Take(2), first.Body.GetProperty("data").EnumerateArray().Select(v => v.GetProperty("id").GetString()));
            Assert.True(first.Body.GetProperty("has_more").GetBoolean());
            var second = await host.GetAsync($"videos?order=asc&limit=2&after={first.Body.GetProperty("last_id").GetString()}");
            Assert.Equal(new[] { ids[2] }, second.Body.GetProperty("data").EnumerateArray().Select(v => v.GetProperty("id").GetString()));
            Assert.False(second.Body.GetProperty("has_more").GetBoolean());

            var all = await host.GetAsync("videos");
            Assert.Equal(3, all.Body.GetProperty("data").GetArrayLength());
            Assert.Equal(0, (await host.GetAsync("videos?after=video_gen_unknown")).Body.GetProperty("data").GetArrayLength());
            Assert.True((await host.GetAsync("videos?limit=0")).Body.GetProperty("has_more").GetBoolean());
            Assert.Equal("query.limit", AssertVllmError(400, await host.GetAsync("videos?limit=101")).GetProperty("param").GetString());
            Assert.Contains("'type': 'literal_error'", AssertVllmError(400, await host.GetAsync("videos?order=sideways")).GetProperty("message").GetString());
        }

        [Fact]
        public async Task Routes_it_lacks_answer_as_fastapi_does()
        {
            await using var host = await StartAsync();
            string id = await CreateAsync(host);
            TestHost.AssertDetail(404, "Not Found", await host.PostJsonAsync($"videos/{id}/remix", "{\"prompt\":\"x\"}"));
            var extensions = await host.PostJsonAsync("videos/extensions", "{\"prompt\":\"x\"}");
            TestHost.AssertDetail(405, "Method Not Allowed", extensions);
            Assert.Equal("GET, DELETE", string.Join(", ", extensions.Response.Content.Headers.Allow));
            TestHost.AssertDetail(405, "Method Not Allowed", await host.PostJsonAsync("videos/characters", "{}"));
            TestHost.AssertDetail(404, "Not Found", await host.GetAsync("videos/characters/char_x/extra"));
        }

        [Fact]
        public async Task Sync_create_answers_the_mp4_at_once_and_stores_nothing()
        {
            await using var host = await StartAsync();
            using HttpResponseMessage response = await host.Http.PostAsync("videos/sync", Form(("prompt", "a fox"), ("size", "720x1280")));
            Assert.Equal(200, (int)response.StatusCode);
            Assert.Equal("video/mp4", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal("ftyp", System.Text.Encoding.ASCII.GetString(await response.Content.ReadAsByteArrayAsync(), 4, 4));
            Assert.Equal(0, (await host.GetAsync("videos")).Body.GetProperty("data").GetArrayLength());
            AssertVllmError(400, await host.PostJsonAsync("videos/sync", "{\"prompt\":\"a fox\"}"));
        }

        [Fact]
        public async Task Missing_key_is_vllms_plain_unauthorized()
        {
            await using var host = await StartAsync();
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(host.Emulator.BaseUri, "videos"));
            using var anonymous = new HttpClient();
            using HttpResponseMessage response = await anonymous.SendAsync(request);
            Assert.Equal(401, (int)response.StatusCode);
            Assert.Equal("{\"error\":\"Unauthorized\"}", await response.Content.ReadAsStringAsync());
        }
    }
}
