using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;

namespace OpenAIVideos.Emulator.Tests
{
    /// <summary>The LiteLLM dialect: encoded ids, per-key ownership, listing with custom_llm_provider, LiteLLM's auth headers and envelope.</summary>
    public sealed class LiteLLMFlavorTests
    {
        private const string KeyA = "sk-litellm-team-a";
        private const string KeyB = "sk-litellm-team-b";

        private static Task<TestHost> StartAsync() => TestHost.StartAsync(options =>
        {
            options.Flavor = EmulatorFlavor.LiteLLM;
            options.ApiKey = null; // every virtual key is accepted; videos belong to the key that made them
        });

        private static async Task<(int Status, JsonElement Body)> SendAsync(TestHost host, HttpMethod method, string path, string? key, string? json = null, string header = "Authorization")
        {
            using var request = new HttpRequestMessage(method, new Uri(host.Emulator.BaseUri, path));
            if (key != null)
            {
                request.Headers.TryAddWithoutValidation(header, header == "Authorization" ? "Bearer " + key : key);
            }

            if (json != null)
            {
                request.Content = TestHost.Json(json);
            }

            using var http = new HttpClient();
            using HttpResponseMessage response = await http.SendAsync(request);
            string text = await response.Content.ReadAsStringAsync();
            return ((int)response.StatusCode, text.StartsWith('{') ? JsonDocument.Parse(text).RootElement.Clone() : default);
        }

        private static async Task<string> CreateAsync(TestHost host, string key, string header = "Authorization")
        {
            var (status, body) = await SendAsync(host, HttpMethod.Post, "videos", key, "{\"prompt\":\"a fox\",\"model\":\"sora-2\"}", header);
            Assert.True(status == 200, body.ToString());
            return body.GetProperty("id").GetString()!;
        }

        private static void AssertLiteLLMError(int status, (int Status, JsonElement Body) result)
        {
            Assert.True(status == result.Status, $"expected {status}, got {result.Status}: {result.Body}");
            JsonElement error = result.Body.GetProperty("error");
            Assert.Equal(status.ToString(System.Globalization.CultureInfo.InvariantCulture), error.GetProperty("code").GetString());
            Assert.Equal(JsonValueKind.String, error.GetProperty("param").ValueKind);
            Assert.Equal(JsonValueKind.String, error.GetProperty("type").ValueKind);
        }

        [Fact]
        public async Task Ids_encode_provider_and_model_and_resolve_back()
        {
            await using var host = await StartAsync();
            string id = await CreateAsync(host, KeyA);
            Assert.StartsWith("video_", id);
            string decoded = Encoding.UTF8.GetString(Convert.FromBase64String(id.Substring("video_".Length)));
            Assert.Matches("^litellm:custom_llm_provider:openai;model_id:sora-2;video_id:video_[0-9a-f]{32}$", decoded);

            var (status, body) = await SendAsync(host, HttpMethod.Get, $"videos/{Uri.EscapeDataString(id)}", KeyA);
            Assert.Equal(200, status);
            Assert.Equal(id, body.GetProperty("id").GetString());
            string providerId = decoded.Substring(decoded.IndexOf("video_id:", StringComparison.Ordinal) + 9);
            Assert.Equal(id, (await SendAsync(host, HttpMethod.Get, $"videos/{providerId}", KeyA)).Body.GetProperty("id").GetString());
            string unpadded = id.TrimEnd('=');
            Assert.Equal(200, (await SendAsync(host, HttpMethod.Get, $"videos/{Uri.EscapeDataString(unpadded)}", KeyA)).Status);
        }

        [Fact]
        public async Task A_video_belongs_to_the_key_that_made_it()
        {
            await using var host = await StartAsync();
            string id = Uri.EscapeDataString(await CreateAsync(host, KeyA));
            Assert.True(host.Emulator.CompleteNow(LiteLLMIds.Raw(Uri.UnescapeDataString(id))));
            var forbidden = await SendAsync(host, HttpMethod.Get, $"videos/{id}", KeyB);
            AssertLiteLLMError(403, forbidden);
            Assert.Equal("Forbidden", forbidden.Body.GetProperty("error").GetProperty("message").GetString());
            AssertLiteLLMError(403, await SendAsync(host, HttpMethod.Get, $"videos/{id}/content", KeyB));
            AssertLiteLLMError(403, await SendAsync(host, HttpMethod.Post, $"videos/{id}/remix", KeyB, "{\"prompt\":\"x\"}"));
            AssertLiteLLMError(403, await SendAsync(host, HttpMethod.Delete, $"videos/{id}", KeyB));

            Assert.Equal(0, (await SendAsync(host, HttpMethod.Get, "videos?custom_llm_provider=openai", KeyB)).Body.GetProperty("data").GetArrayLength());
            Assert.Equal(1, (await SendAsync(host, HttpMethod.Get, "videos?custom_llm_provider=openai", KeyA)).Body.GetProperty("data").GetArrayLength());
            var deleted = await SendAsync(host, HttpMethod.Delete, $"videos/{id}", KeyA);
            Assert.Equal(200, deleted.Status);
            Assert.Equal(Uri.UnescapeDataString(id), deleted.Body.GetProperty("id").GetString());
        }

        [Fact]
        public async Task Listing_needs_custom_llm_provider_and_pages_with_encoded_cursors()
        {
            await using var host = await StartAsync();
            string[] ids = { await CreateAsync(host, KeyA), await CreateAsync(host, KeyA), await CreateAsync(host, KeyA) };
            var missing = await SendAsync(host, HttpMethod.Get, "videos", KeyA);
            AssertLiteLLMError(400, missing);
            Assert.Equal("custom_llm_provider", missing.Body.GetProperty("error").GetProperty("param").GetString());

            var first = await SendAsync(host, HttpMethod.Get, "videos?custom_llm_provider=openai&order=asc&limit=2", KeyA);
            Assert.Equal(ids.Take(2), first.Body.GetProperty("data").EnumerateArray().Select(v => v.GetProperty("id").GetString()));
            Assert.True(first.Body.GetProperty("has_more").GetBoolean());
            string after = Uri.EscapeDataString(first.Body.GetProperty("last_id").GetString()!);
            var second = await SendAsync(host, HttpMethod.Get, $"videos?custom_llm_provider=openai&order=asc&limit=2&after={after}", KeyA);
            Assert.Equal(new[] { ids[2] }, second.Body.GetProperty("data").EnumerateArray().Select(v => v.GetProperty("id").GetString()));
        }

        [Fact]
        public async Task Provider_header_lists_too()
        {
            await using var host = await StartAsync();
            await CreateAsync(host, KeyA);
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(host.Emulator.BaseUri, "videos"));
            request.Headers.Add("x-litellm-api-key", KeyA);
            request.Headers.Add("custom-llm-provider", "openai");
            using var http = new HttpClient();
            using HttpResponseMessage response = await http.SendAsync(request);
            Assert.Equal(200, (int)response.StatusCode);
            Assert.Equal(1, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("data").GetArrayLength());
        }

        [Fact]
        public async Task Keys_come_in_bearer_or_x_litellm_api_key_and_errors_use_litellms_envelope()
        {
            await using var host = await StartAsync();
            string id = await CreateAsync(host, KeyA, header: "x-litellm-api-key");
            Assert.Equal(200, (await SendAsync(host, HttpMethod.Get, $"videos/{Uri.EscapeDataString(id)}", KeyA)).Status);
            var anonymous = await SendAsync(host, HttpMethod.Get, $"videos/{Uri.EscapeDataString(id)}", null);
            AssertLiteLLMError(401, anonymous);
            Assert.Equal("auth_error", anonymous.Body.GetProperty("error").GetProperty("type").GetString());

            var invalid = await SendAsync(host, HttpMethod.Post, "videos", KeyA, "{\"model\":\"sora-2\"}");
            AssertLiteLLMError(400, invalid);
            Assert.Equal("prompt", invalid.Body.GetProperty("error").GetProperty("param").GetString());
            var unknownRoute = await SendAsync(host, HttpMethod.Get, "nothing/here", KeyA);
            Assert.Equal(404, unknownRoute.Status);
            Assert.Equal("Not Found", unknownRoute.Body.GetProperty("detail").GetString());
        }

        [Fact]
        public async Task Content_drops_variant_and_range_and_routes_also_answer_without_v1()
        {
            await using var host = await StartAsync();
            string id = await CreateAsync(host, KeyA);
            Assert.True(host.Emulator.CompleteNow(LiteLLMIds.Raw(id)));
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(host.Emulator.RootUri, $"videos/{Uri.EscapeDataString(id)}/content?variant=thumbnail"));
            request.Headers.Add("x-litellm-api-key", KeyA);
            request.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(0, 99);
            using var http = new HttpClient();
            using HttpResponseMessage response = await http.SendAsync(request);
            Assert.Equal(200, (int)response.StatusCode);
            Assert.Equal("video/mp4", response.Content.Headers.ContentType!.MediaType);
            // Unquoted, as LiteLLM writes it; base64 ids can make it unparsable as a token, so it is read raw.
            Assert.Equal($"attachment; filename=video_{id}.mp4", string.Join(",", response.Content.Headers.NonValidated["Content-Disposition"]));
            Assert.False(response.Headers.Contains("Accept-Ranges"));
            byte[] bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.True(bytes.Length > 100);
            Assert.Equal("ftyp", Encoding.ASCII.GetString(bytes, 4, 4));
        }

        [Fact]
        public async Task Clients_for_other_keys_come_from_the_emulator()
        {
            await using var host = await StartAsync();
            using HttpClient teamA = host.Emulator.CreateHttpClient(KeyA);
            using HttpClient teamB = host.Emulator.CreateHttpClient(KeyB);
            using HttpResponseMessage created = await teamA.PostAsync("videos", TestHost.Json("{\"prompt\":\"a fox\"}"));
            string id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
            using HttpResponseMessage mine = await teamA.GetAsync($"videos/{Uri.EscapeDataString(id)}");
            using HttpResponseMessage theirs = await teamB.GetAsync($"videos/{Uri.EscapeDataString(id)}");
            Assert.Equal(200, (int)mine.StatusCode);
            Assert.Equal(403, (int)theirs.StatusCode);
        }

        /// <summary>Reads the provider id out of a LiteLLM id, as a test would from the outside.</summary>
        private static class LiteLLMIds
        {
            public static string Raw(string id)
            {
                string decoded = Encoding.UTF8.GetString(Convert.FromBase64String(id.Substring("video_".Length)));
                return decoded.Substring(decoded.IndexOf("video_id:", StringComparison.Ordinal) + 9);
            }
        }
    }
}
