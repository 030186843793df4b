using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;

namespace OpenAIVideos.Emulator.Tests
{
    /// <summary>The Azure OpenAI v1 dialect: path, api-key header, api-version, sora-2 sizes, the per-key running-job limit.</summary>
    public sealed class AzureFlavorTests
    {
        private static Task<TestHost> StartAsync(string? apiKey = TestHost.Key) => TestHost.StartAsync(options =>
        {
            options.Flavor = EmulatorFlavor.Azure;
            options.ApiKey = apiKey;
        });

        private static async Task<(int Status, JsonElement Body, HttpResponseMessage Response)> SendAsync(
            TestHost host, HttpMethod method, string relative, string? json = null, string? apiKey = TestHost.Key, bool bearer = false)
        {
            using var request = new HttpRequestMessage(method, new Uri(host.Emulator.RootUri, relative));
            if (apiKey != null)
            {
                request.Headers.TryAddWithoutValidation(bearer ? "Authorization" : "api-key", bearer ? "Bearer " + apiKey : apiKey);
            }

            if (json != null)
            {
                request.Content = TestHost.Json(json);
            }

            using var http = new HttpClient();
            HttpResponseMessage response = await http.SendAsync(request);
            string text = await response.Content.ReadAsStringAsync();
            return ((int)response.StatusCode, text.StartsWith('{') ? JsonDocument.Parse(text).RootElement.Clone() : default, response);
        }

        private static void AssertAzureError(int status, string code, string message, (int Status, JsonElement Body, HttpResponseMessage Response) result)
        {
            Assert.True(status == result.Status, $"expected {status}, got {result.Status}: {result.Body}");
            Assert.Equal(code, result.Body.GetProperty("error").GetProperty("code").GetString());
            Assert.Equal(message, result.Body.GetProperty("error").GetProperty("message").GetString());
        }

        [Fact]
        public async Task Routes_live_under_openai_v1_with_the_api_key_header()
        {
            await using var host = await StartAsync();
            Assert.EndsWith("/openai/v1/", host.Emulator.BaseUri.AbsoluteUri);
            var created = await SendAsync(host, HttpMethod.Post, "openai/v1/videos", "{\"prompt\":\"a fox\",\"model\":\"sora-2\",\"size\":\"1280x720\"}");
            Assert.True(created.Status == 200, created.Body.ToString());
            string id = created.Body.GetProperty("id").GetString()!;
            Assert.Equal(200, (await SendAsync(host, HttpMethod.Get, $"openai/v1/videos/{id}", bearer: true)).Status);
            Assert.Equal(200, (await host.GetAsync($"videos/{id}")).Status);
            AssertAzureError(404, "404", "Resource not found", await SendAsync(host, HttpMethod.Get, $"v1/videos/{id}"));
            AssertAzureError(404, "404", "Resource not found", await SendAsync(host, HttpMethod.Post, "openai/v1/videos/extensions", "{\"prompt\":\"x\"}"));
            AssertAzureError(404, "404", "Resource not found", await SendAsync(host, HttpMethod.Post, "openai/v1/videos/characters", "{}"));
        }

        [Fact]
        public async Task Api_version_may_be_absent_preview_or_latest_and_nothing_else()
        {
            await using var host = await StartAsync();
            Assert.Equal(200, (await SendAsync(host, HttpMethod.Get, "openai/v1/videos")).Status);
            Assert.Equal(200, (await SendAsync(host, HttpMethod.Get, "openai/v1/videos?api-version=preview")).Status);
            Assert.Equal(200, (await SendAsync(host, HttpMethod.Get, "openai/v1/videos?api-version=latest")).Status);
            AssertAzureError(400, "BadRequest", "API version not supported", await SendAsync(host, HttpMethod.Get, "openai/v1/videos?api-version=2024-02-15-preview"));
            AssertAzureError(400, "BadRequest", "API version not supported",
                await SendAsync(host, HttpMethod.Post, "openai/v1/videos?api-version=2025-04-01", "{\"prompt\":\"a fox\"}"));
            Assert.Equal(0, host.Emulator.Statistics.VideosCreated);
        }

        [Fact]
        public async Task Missing_or_wrong_keys_get_azures_401()
        {
            await using var host = await StartAsync();
            const string message = "Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.";
            AssertAzureError(401, "401", message, await SendAsync(host, HttpMethod.Get, "openai/v1/videos", apiKey: null));
            var wrong = await SendAsync(host, HttpMethod.Get, "openai/v1/videos", apiKey: "wrong-key");
            AssertAzureError(401, "401", message, wrong);
            Assert.DoesNotContain("wrong-key", wrong.Body.ToString());
        }

        [Fact]
        public async Task Only_the_two_sora_2_sizes_render_whatever_the_deployment_is_called()
        {
            await using var host = await StartAsync();
            var wide = await SendAsync(host, HttpMethod.Post, "openai/v1/videos", "{\"prompt\":\"a fox\",\"model\":\"my-sora\",\"size\":\"1792x1024\"}");
            TestHost.AssertError(400, "invalid_value", "size", wide);
            var portrait = await SendAsync(host, HttpMethod.Post, "openai/v1/videos", "{\"prompt\":\"a fox\",\"model\":\"my-sora\",\"size\":\"720x1280\"}");
            Assert.True(portrait.Status == 200, portrait.Body.ToString());
            Assert.Equal("my-sora", portrait.Body.GetProperty("model").GetString());
        }

        [Fact]
        public async Task A_third_running_job_per_key_is_a_429_with_retry_after()
        {
            await using var host = await StartAsync(apiKey: null);
            string first = (await SendAsync(host, HttpMethod.Post, "openai/v1/videos", "{\"prompt\":\"one\"}", apiKey: "key-a")).Body.GetProperty("id").GetString()!;
            host.Clock.Advance(TimeSpan.FromSeconds(3));
            Assert.Equal(200, (await SendAsync(host, HttpMethod.Post, "openai/v1/videos", "{\"prompt\":\"two\"}", apiKey: "key-a")).Status);
            var limited = await SendAsync(host, HttpMethod.Post, "openai/v1/videos", "{\"prompt\":\"three\"}", apiKey: "key-a");
            TestHost.AssertError(429, "too_many_requests", null, limited);
            Assert.Equal("7", limited.Response.Headers.GetValues("Retry-After").Single());
            Assert.Equal(200, (await SendAsync(host, HttpMethod.Post, "openai/v1/videos", "{\"prompt\":\"other key\"}", apiKey: "key-b")).Status);

            Assert.True(host.Emulator.CompleteNow(first));
            Assert.Equal(200, (await SendAsync(host, HttpMethod.Post, "openai/v1/videos", "{\"prompt\":\"three again\"}", apiKey: "key-a")).Status);
            Assert.Equal(4, host.Emulator.Statistics.VideosCreated);
        }

        [Fact]
        public async Task Remix_and_delete_answer_as_openai_does()
        {
            await using var host = await StartAsync();
            string id = await host.CreateCompletedAsync("{\"prompt\":\"a fox\",\"size\":\"1280x720\"}");
            var remix = await host.PostJsonAsync($"videos/{id}/remix?api-version=preview", "{\"prompt\":\"a red fox\"}");
            Assert.True(remix.Status == 200, remix.Body.ToString());
            Assert.Equal(id, remix.Body.GetProperty("remixed_from_video_id").GetString());
            var deleted = await host.SendAsync(HttpMethod.Delete, $"videos/{id}");
            Assert.Equal("video.deleted", deleted.Body.GetProperty("object").GetString());
        }
    }
}
