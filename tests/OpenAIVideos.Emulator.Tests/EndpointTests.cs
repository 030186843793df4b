using System;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;

namespace OpenAIVideos.Emulator.Tests
{
    /// <summary>Happy paths of every endpoint and the JSON shapes the spec requires.</summary>
    public sealed class EndpointTests
    {
        private static readonly string[] VideoFields =
        {
            "id", "object", "model", "status", "progress", "created_at", "completed_at", "expires_at", "prompt", "size",
            "seconds", "remixed_from_video_id", "error",
        };

        internal static void AssertVideoShape(JsonElement video)
        {
            foreach (string field in VideoFields)
            {
                Assert.True(video.TryGetProperty(field, out _), $"missing '{field}' in {video}");
            }

            Assert.Equal("video", video.GetProperty("object").GetString());
            Assert.Matches("^video_[0-9a-f]{32}$", video.GetProperty("id").GetString());
            Assert.Equal(JsonValueKind.String, video.GetProperty("seconds").ValueKind);
            Assert.Equal(JsonValueKind.Number, video.GetProperty("created_at").ValueKind);
        }

        [Fact]
        public async Task Create_json_returns_a_queued_video_with_every_required_field()
        {
            await using var host = await TestHost.StartAsync();
            var (status, body, _) = await host.PostJsonAsync("videos", "{\"prompt\":\"cat\",\"model\":\"sora-2-pro\",\"size\":\"1792x1024\",\"seconds\":\"8\"}");
            Assert.Equal(200, status);
            AssertVideoShape(body);
            Assert.Equal("queued", body.GetProperty("status").GetString());
            Assert.Equal("sora-2-pro", body.GetProperty("model").GetString());
            Assert.Equal("1792x1024", body.GetProperty("size").GetString());
            Assert.Equal("8", body.GetProperty("seconds").GetString());
            Assert.Equal(JsonValueKind.Null, body.GetProperty("completed_at").ValueKind);
            Assert.Equal(JsonValueKind.Null, body.GetProperty("error").ValueKind);
            Assert.False(body.TryGetProperty("quality", out _));
            Assert.Equal(host.Clock.GetUtcNow().ToUnixTimeSeconds(), body.GetProperty("created_at").GetInt64());
        }

        [Fact]
        public async Task Create_defaults_model_size_and_seconds()
        {
            await using var host = await TestHost.StartAsync();
            var (_, body, _) = await host.PostJsonAsync("videos", "{\"prompt\":\"cat\"}");
            Assert.Equal("sora-2", body.GetProperty("model").GetString());
            Assert.Equal("720x1280", body.GetProperty("size").GetString());
            Assert.Equal("4", body.GetProperty("seconds").GetString());
        }

        [Fact]
        public async Task Create_multipart_with_a_matching_png_reference()
        {
            await using var host = await TestHost.StartAsync();
            using var form = TestHost.Multipart(new[] { ("prompt", "cat"), ("size", "1280x720"), ("seconds", "12") },
                ("input_reference", "ref.png", "image/png", TestImages.Png(1280, 720)));
            var (status, body, _) = await host.SendAsync(HttpMethod.Post, "videos", form);
            Assert.True(status == 200, body.ToString());
            Assert.Equal("12", body.GetProperty("seconds").GetString());
        }

        [Fact]
        public async Task Retrieve_returns_the_video_and_unknown_ids_are_404()
        {
            await using var host = await TestHost.StartAsync();
            string id = await host.CreateAsync();
            var (status, body, _) = await host.GetAsync($"videos/{id}");
            Assert.Equal(200, status);
            AssertVideoShape(body);
            TestHost.AssertError(404, "video_not_found", null, await host.GetAsync("videos/video_missing"));
        }

        [Fact]
        public async Task Delete_completed_video_returns_deleted_resource_and_removes_it()
        {
            await using var host = await TestHost.StartAsync();
            string id = await host.CreateCompletedAsync();
            var (status, body, _) = await host.SendAsync(HttpMethod.Delete, $"videos/{id}");
            Assert.Equal(200, status);
            Assert.Equal(id, body.GetProperty("id").GetString());
            Assert.Equal("video.deleted", body.GetProperty("object").GetString());
            Assert.True(body.GetProperty("deleted").GetBoolean());
            TestHost.AssertError(404, "video_not_found", null, await host.GetAsync($"videos/{id}"));
        }

        [Fact]
        public async Task Delete_of_failed_video_is_allowed_and_of_running_video_is_video_not_ready()
        {
            await using var host = await TestHost.StartAsync();
            string running = await host.CreateAsync();
            var refused = await host.SendAsync(HttpMethod.Delete, $"videos/{running}");
            TestHost.AssertError(400, "video_not_ready", null, refused);
            Assert.Contains("queued", refused.Body.GetProperty("error").GetProperty("message").GetString());
            Assert.True(host.Emulator.FailNow(running, "moderation_blocked", "blocked"));
            Assert.Equal(200, (await host.SendAsync(HttpMethod.Delete, $"videos/{running}")).Status);
        }

        [Fact]
        public async Task Remix_of_completed_video_records_its_source()
        {
            await using var host = await TestHost.StartAsync();
            string source = await host.CreateCompletedAsync("{\"prompt\":\"cat\",\"seconds\":\"8\"}");
            var (status, body, _) = await host.PostJsonAsync($"videos/{source}/remix", "{\"prompt\":\"dog\"}");
            Assert.Equal(200, status);
            AssertVideoShape(body);
            Assert.Equal(source, body.GetProperty("remixed_from_video_id").GetString());
            Assert.Equal("8", body.GetProperty("seconds").GetString());
            string running = await host.CreateAsync();
            TestHost.AssertError(400, "video_not_ready", null, await host.PostJsonAsync($"videos/{running}/remix", "{\"prompt\":\"dog\"}"));
        }

        [Fact]
        public async Task Extension_adds_seconds_to_the_source()
        {
            await using var host = await TestHost.StartAsync();
            string source = await host.CreateCompletedAsync("{\"prompt\":\"cat\",\"seconds\":\"8\"}");
            var (status, body, _) = await host.PostJsonAsync("videos/extensions", $"{{\"video\":{{\"id\":\"{source}\"}},\"prompt\":\"more\",\"seconds\":\"16\"}}");
            Assert.True(status == 200, body.ToString());
            Assert.Equal("24", body.GetProperty("seconds").GetString());
        }

        [Fact]
        public async Task Extension_multipart_with_uploaded_mp4_uses_its_duration()
        {
            await using var host = await TestHost.StartAsync();
            string source = await host.CreateCompletedAsync();
            byte[] mp4 = await host.Http.GetByteArrayAsync($"videos/{source}/content");
            using var form = TestHost.Multipart(new[] { ("prompt", "more"), ("seconds", "4") }, ("video", "clip.mp4", "video/mp4", mp4));
            var (status, body, _) = await host.SendAsync(HttpMethod.Post, "videos/extensions", form);
            Assert.True(status == 200, body.ToString());
            Assert.Equal("8", body.GetProperty("seconds").GetString());
            Assert.Equal("720x1280", body.GetProperty("size").GetString());
        }

        [Fact]
        public async Task Edit_by_id_json_and_by_multipart_reference()
        {
            await using var host = await TestHost.StartAsync();
            string source = await host.CreateCompletedAsync();
            var (status, body, _) = await host.PostJsonAsync("videos/edits", $"{{\"video\":{{\"id\":\"{source}\"}},\"prompt\":\"blue\"}}");
            Assert.True(status == 200, body.ToString());
            AssertVideoShape(body);
            using var form = TestHost.Multipart(new[] { ("prompt", "red"), ("video[id]", source) });
            Assert.Equal(200, (await host.SendAsync(HttpMethod.Post, "videos/edits", form)).Status);
        }

        [Fact]
        public async Task Characters_are_created_from_mp4_and_retrievable_and_usable_on_create()
        {
            await using var host = await TestHost.StartAsync();
            string source = await host.CreateCompletedAsync();
            byte[] mp4 = await host.Http.GetByteArrayAsync($"videos/{source}/content");
            using var form = TestHost.Multipart(new[] { ("name", "Mochi") }, ("video", "mochi.mp4", "video/mp4", mp4));
            var (status, body, _) = await host.SendAsync(HttpMethod.Post, "videos/characters", form);
            Assert.True(status == 200, body.ToString());
            string id = body.GetProperty("id").GetString()!;
            Assert.StartsWith("char_", id);
            Assert.Equal("Mochi", body.GetProperty("name").GetString());
            Assert.Equal(JsonValueKind.Number, body.GetProperty("created_at").ValueKind);
            var fetched = await host.GetAsync($"videos/characters/{id}");
            Assert.Equal("Mochi", fetched.Body.GetProperty("name").GetString());
            TestHost.AssertError(404, "character_not_found", null, await host.GetAsync("videos/characters/char_missing"));
            Assert.Equal(200, (await host.PostJsonAsync("videos", $"{{\"prompt\":\"cat\",\"characters\":[{{\"id\":\"{id}\"}}]}}")).Status);
            TestHost.AssertError(404, "character_not_found", "characters", await host.PostJsonAsync("videos", "{\"prompt\":\"cat\",\"characters\":[{\"id\":\"char_x\"}]}"));
        }

        [Fact]
        public async Task Characters_reject_json_bodies_and_long_names()
        {
            await using var host = await TestHost.StartAsync();
            TestHost.AssertError(400, "unsupported_content_type", null, await host.PostJsonAsync("videos/characters", "{\"name\":\"x\"}"));
            using var form = TestHost.Multipart(new[] { ("name", new string('n', 81)) }, ("video", "a.mp4", "video/mp4", new byte[] { 0, 0, 0, 8, (byte)'f', (byte)'t', (byte)'y', (byte)'p' }));
            TestHost.AssertError(400, "invalid_value", "name", await host.SendAsync(HttpMethod.Post, "videos/characters", form));
        }

        [Fact]
        public async Task Gateway_flavor_adds_quality_reports_processing_and_accepts_extras()
        {
            await using var host = await TestHost.StartAsync(options => options.Flavor = EmulatorFlavor.Gateway);
            var (status, body, _) = await host.PostJsonAsync("videos", "{\"prompt\":\"cat\",\"model\":\"wan2.1\",\"seed\":7}");
            Assert.True(status == 200, body.ToString());
            Assert.Equal("standard", body.GetProperty("quality").GetString());
            host.Clock.Advance(TestHost.Duration / 2);
            var running = await host.GetAsync($"videos/{body.GetProperty("id").GetString()}");
            Assert.Equal("processing", running.Body.GetProperty("status").GetString());
        }

        [Fact]
        public async Task Unknown_routes_answer_in_the_error_envelope()
        {
            await using var host = await TestHost.StartAsync();
            TestHost.AssertError(404, "unknown_url", null, await host.GetAsync("nothing/here"));
        }
    }
}
