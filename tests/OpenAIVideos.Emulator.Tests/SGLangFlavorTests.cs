using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;

namespace OpenAIVideos.Emulator.Tests
{
    /// <summary>The SGLang Diffusion dialect: JSON or multipart-with-file create, FastAPI errors, queued-until-done, cursorless list.</summary>
    public sealed class SGLangFlavorTests
    {
        private static Task<TestHost> StartAsync() => TestHost.StartAsync(options => options.Flavor = EmulatorFlavor.SGLang);

        private static JsonElement AssertUnprocessable((int Status, JsonElement Body, HttpResponseMessage Response) result)
        {
            Assert.True(result.Status == 422, $"expected 422, got {result.Status}: {result.Body}");
            JsonElement item = result.Body.GetProperty("detail")[0];
            foreach (string field in new[] { "type", "loc", "msg", "input" })
            {
                Assert.True(item.TryGetProperty(field, out _), $"missing '{field}' in {item}");
            }

            return item;
        }

        [Fact]
        public async Task Json_create_answers_an_sglang_video_and_accepts_integer_seconds()
        {
            await using var host = await StartAsync();
            var (status, body, _) = await host.PostJsonAsync("videos", "{\"prompt\":\"a fox\",\"seconds\":8,\"size\":\"1280x720\",\"seed\":7,\"unknown\":1}");
            Assert.True(status == 200, body.ToString());
            Assert.Equal(new[] { "id", "object", "model", "status", "progress", "created_at", "size", "seconds", "quality", "remixed_from_video_id", "completed_at", "expires_at", "error" },
                body.EnumerateObject().Select(p => p.Name));
            Assert.Equal("queued", body.GetProperty("status").GetString());
            Assert.Equal("sora-2", body.GetProperty("model").GetString());
            Assert.Equal("8", body.GetProperty("seconds").GetString());
            Assert.Equal("1280x720", body.GetProperty("size").GetString());
            Assert.Equal("standard", body.GetProperty("quality").GetString());

            var stringSeconds = await host.PostJsonAsync("videos", "{\"prompt\":\"a fox\",\"seconds\":\"12\",\"model\":\"Wan2.1\"}");
            Assert.Equal("12", stringSeconds.Body.GetProperty("seconds").GetString());
            Assert.Equal("Wan2.1", stringSeconds.Body.GetProperty("model").GetString());
            Assert.Equal("832x480", stringSeconds.Body.GetProperty("size").GetString());
        }

        [Fact]
        public async Task Json_create_validation_failures_are_400_invalid_request_body()
        {
            await using var host = await StartAsync();
            TestHost.AssertDetail(400, "Invalid request body: 1 validation error for VideoGenerationsRequest\nprompt\n  Field required [type=missing, input_value={'seconds': 4}, input_type=dict]",
                await host.PostJsonAsync("videos", "{\"seconds\":4}"));
            TestHost.AssertDetail(400, "Invalid request body: 1 validation error for VideoGenerationsRequest\nseconds\n  Input should be a valid integer, unable to parse string as an integer [type=int_parsing, input_value='eight', input_type=str]",
                await host.PostJsonAsync("videos", "{\"prompt\":\"a\",\"seconds\":\"eight\"}"));
            TestHost.AssertDetail(400, "Invalid request body: 1 validation error for VideoGenerationsRequest\nprompt\n  Field required [type=missing, input_value={}, input_type=dict]",
                await host.PostJsonAsync("videos", "not json"));
            Assert.Equal(0, host.Emulator.Statistics.VideosCreated);
        }

        [Fact]
        public async Task Multipart_create_needs_a_prompt_and_an_input_reference_file()
        {
            await using var host = await StartAsync();
            TestHost.AssertDetail(400, "input_reference file is required", await host.SendAsync(HttpMethod.Post, "videos", TestHost.Multipart(new[] { ("prompt", "a fox") })));
            TestHost.AssertDetail(400, "prompt is required", await host.SendAsync(HttpMethod.Post, "videos", TestHost.Multipart(new[] { ("size", "1280x720") })));
            JsonElement item = AssertUnprocessable(await host.SendAsync(HttpMethod.Post, "videos", TestHost.Multipart(new[] { ("prompt", "a"), ("seconds", "four") })));
            Assert.Equal("int_parsing", item.GetProperty("type").GetString());
            Assert.Equal(new[] { "body", "seconds" }, item.GetProperty("loc").EnumerateArray().Select(e => e.GetString()));

            using var withFile = TestHost.Multipart(new[] { ("prompt", "a fox"), ("seconds", "4") }, ("input_reference", "a.png", "image/png", TestImages.Png(1280, 720)));
            var (status, body, _) = await host.SendAsync(HttpMethod.Post, "videos", withFile);
            Assert.True(status == 200, body.ToString());
            Assert.Equal("4", body.GetProperty("seconds").GetString());
        }

        [Fact]
        public async Task Status_stays_queued_until_completed_and_failures_carry_only_a_message()
        {
            await using var host = await StartAsync();
            string id = (await host.PostJsonAsync("videos", "{\"prompt\":\"a fox\"}")).Body.GetProperty("id").GetString()!;
            host.Clock.Advance(TestHost.Duration * 0.9);
            var running = await host.GetAsync($"videos/{id}");
            Assert.Equal("queued", running.Body.GetProperty("status").GetString());
            Assert.Equal(0, running.Body.GetProperty("progress").GetInt32());
            TestHost.AssertDetail(404, "Generation is still in-progress", await host.GetAsync($"videos/{id}/content"));
            host.Clock.Advance(TestHost.Duration);
            var done = await host.GetAsync($"videos/{id}");
            Assert.Equal("completed", done.Body.GetProperty("status").GetString());
            Assert.Equal(100, done.Body.GetProperty("progress").GetInt32());
            using HttpResponseMessage content = await host.Http.GetAsync($"videos/{id}/content?variant=spritesheet");
            Assert.Equal("video/mp4", content.Content.Headers.ContentType!.MediaType);
            Assert.Equal($"{id}.mp4", content.Content.Headers.ContentDisposition!.FileName);

            string failing = (await host.PostJsonAsync("videos", "{\"prompt\":\"a fox\"}")).Body.GetProperty("id").GetString()!;
            Assert.True(host.Emulator.FailNow(failing, "oom", "CUDA out of memory"));
            var failed = await host.GetAsync($"videos/{failing}");
            Assert.Equal(200, failed.Status);
            Assert.Equal("failed", failed.Body.GetProperty("status").GetString());
            Assert.Equal("CUDA out of memory", failed.Body.GetProperty("error").GetProperty("message").GetString());
            Assert.Single(failed.Body.GetProperty("error").EnumerateObject());
            TestHost.AssertDetail(404, "Generation is still in-progress", await host.GetAsync($"videos/{failing}/content"));
        }

        [Fact]
        public async Task Delete_answers_the_video_marked_deleted_in_any_status()
        {
            await using var host = await StartAsync();
            string id = (await host.PostJsonAsync("videos", "{\"prompt\":\"a fox\"}")).Body.GetProperty("id").GetString()!;
            var (status, body, _) = await host.SendAsync(HttpMethod.Delete, $"videos/{id}");
            Assert.Equal(200, status);
            Assert.Equal(id, body.GetProperty("id").GetString());
            Assert.Equal("video", body.GetProperty("object").GetString());
            Assert.Equal("deleted", body.GetProperty("status").GetString());
            TestHost.AssertDetail(404, "Video not found", await host.GetAsync($"videos/{id}"));
            TestHost.AssertDetail(404, "Video not found", await host.SendAsync(HttpMethod.Delete, $"videos/{id}"));
        }

        [Fact]
        public async Task List_has_no_cursors_but_honours_after_and_limit()
        {
            await using var host = await StartAsync();
            var ids = new System.Collections.Generic.List<string>();
            for (int i = 0; i < 3; i++)
            {
                ids.Add((await host.PostJsonAsync("videos", $"{{\"prompt\":\"fox {i}\"}}")).Body.GetProperty("id").GetString()!);
                host.Clock.Advance(TimeSpan.FromSeconds(1));
            }

            var first = await host.GetAsync("videos?limit=2");
            Assert.Equal(new[] { "data", "object" }, first.Body.EnumerateObject().Select(p => p.Name));
            Assert.Equal("list", first.Body.GetProperty("object").GetString());
            string[] page1 = first.Body.GetProperty("data").EnumerateArray().Select(v => v.GetProperty("id").GetString()!).ToArray();
            Assert.Equal(new[] { ids[2], ids[1] }, page1);
            var second = await host.GetAsync($"videos?limit=2&after={page1[^1]}");
            Assert.Equal(new[] { ids[0] }, second.Body.GetProperty("data").EnumerateArray().Select(v => v.GetProperty("id").GetString()));
            Assert.Equal(ids, (await host.GetAsync("videos?order=asc")).Body.GetProperty("data").EnumerateArray().Select(v => v.GetProperty("id").GetString()));
            Assert.Equal(3, (await host.GetAsync("videos?order=sideways")).Body.GetProperty("data").GetArrayLength());
            Assert.Equal(0, (await host.GetAsync("videos?after=unknown")).Body.GetProperty("data").GetArrayLength());

            JsonElement zero = AssertUnprocessable(await host.GetAsync("videos?limit=0"));
            Assert.Equal("greater_than_equal", zero.GetProperty("type").GetString());
            Assert.Equal(new[] { "query", "limit" }, zero.GetProperty("loc").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal(1, zero.GetProperty("ctx").GetProperty("ge").GetInt32());
            Assert.Equal("less_than_equal", AssertUnprocessable(await host.GetAsync("videos?limit=101")).GetProperty("type").GetString());
        }

        [Fact]
        public async Task Same_second_videos_keep_creation_order_even_newest_first()
        {
            await using var host = await StartAsync();
            string a = (await host.PostJsonAsync("videos", "{\"prompt\":\"a\"}")).Body.GetProperty("id").GetString()!;
            string b = (await host.PostJsonAsync("videos", "{\"prompt\":\"b\"}")).Body.GetProperty("id").GetString()!;
            Assert.Equal(new[] { a, b }, (await host.GetAsync("videos")).Body.GetProperty("data").EnumerateArray().Select(v => v.GetProperty("id").GetString()));
        }

        [Fact]
        public async Task Routes_it_lacks_answer_as_fastapi_does()
        {
            await using var host = await StartAsync();
            string id = (await host.PostJsonAsync("videos", "{\"prompt\":\"a fox\"}")).Body.GetProperty("id").GetString()!;
            TestHost.AssertDetail(404, "Not Found", await host.PostJsonAsync($"videos/{id}/remix", "{\"prompt\":\"x\"}"));
            TestHost.AssertDetail(405, "Method Not Allowed", await host.PostJsonAsync("videos/edits", "{\"prompt\":\"x\"}"));
            TestHost.AssertDetail(404, "Not Found", await host.GetAsync("models/x/y"));
        }
    }
}
