using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;

namespace OpenAIVideos.Emulator.Tests
{
    /// <summary>Starts an emulator with a manual clock and offers terse request helpers over a plain HttpClient.</summary>
    internal sealed class TestHost : IAsyncDisposable
    {
        public const string Key = "sk-test-0123456789-SECRET";
        public static readonly TimeSpan Duration = TimeSpan.FromSeconds(10);

        private TestHost(VideoApiEmulator emulator, ManualTimeProvider clock)
        {
            Emulator = emulator;
            Clock = clock;
            Http = emulator.CreateHttpClient();
        }

        public VideoApiEmulator Emulator { get; }
        public ManualTimeProvider Clock { get; }
        public HttpClient Http { get; }

        public static async Task<TestHost> StartAsync(Action<EmulatorOptions>? configure = null)
        {
            var clock = new ManualTimeProvider();
            var options = new EmulatorOptions { ApiKey = Key, JobDuration = Duration, TimeProvider = clock };
            configure?.Invoke(options);
            return new TestHost(await VideoApiEmulator.StartAsync(options), clock);
        }

        public static StringContent Json(string json) => new StringContent(json, Encoding.UTF8, "application/json");

        public async Task<(int Status, JsonElement Body, HttpResponseMessage Response)> SendAsync(HttpMethod method, string path, HttpContent? content = null)
        {
            using var request = new HttpRequestMessage(method, path) { Content = content };
            HttpResponseMessage response = await Http.SendAsync(request);
            string text = await response.Content.ReadAsStringAsync();
            JsonElement body = text.Length > 0 && text.TrimStart().StartsWith('{') ? JsonDocument.Parse(text).RootElement.Clone() : default;
            return ((int)response.StatusCode, body, response);
        }

        public Task<(int Status, JsonElement Body, HttpResponseMessage Response)> PostJsonAsync(string path, string json) =>
            SendAsync(HttpMethod.Post, path, Json(json));

        public Task<(int Status, JsonElement Body, HttpResponseMessage Response)> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

        /// <summary>Creates a video and returns its id, asserting success.</summary>
        public async Task<string> CreateAsync(string json = "{\"prompt\":\"A calico cat playing a piano\"}")
        {
            var (status, body, _) = await PostJsonAsync("videos", json);
            Assert.True(status == 200, body.ToString());
            return body.GetProperty("id").GetString()!;
        }

        /// <summary>Creates a video and moves the clock past its completion.</summary>
        public async Task<string> CreateCompletedAsync(string json = "{\"prompt\":\"A calico cat playing a piano\"}")
        {
            string id = await CreateAsync(json);
            Assert.True(Emulator.CompleteNow(id));
            return id;
        }

        public static void AssertError(int expectedStatus, string expectedCode, string? expectedParam, (int Status, JsonElement Body, HttpResponseMessage Response) result)
        {
            Assert.True(expectedStatus == result.Status, $"expected {expectedStatus}, got {result.Status}: {result.Body}");
            JsonElement error = result.Body.GetProperty("error");
            Assert.Equal(expectedCode, error.GetProperty("code").GetString());
            Assert.Equal(expectedParam, error.GetProperty("param").GetString());
            Assert.Equal(JsonValueKind.String, error.GetProperty("message").ValueKind);
            Assert.Equal(JsonValueKind.String, error.GetProperty("type").ValueKind);
            Assert.StartsWith("req_", result.Response.Headers.GetValues("x-request-id").Single());
        }

        /// <summary>FastAPI's own error body: exactly <c>{"detail": "text"}</c>.</summary>
        public static void AssertDetail(int expectedStatus, string expectedDetail, (int Status, JsonElement Body, HttpResponseMessage Response) result)
        {
            Assert.True(expectedStatus == result.Status, $"expected {expectedStatus}, got {result.Status}: {result.Body}");
            Assert.Equal(expectedDetail, result.Body.GetProperty("detail").GetString());
            Assert.Single(result.Body.EnumerateObject());
        }

        public static MultipartFormDataContent Multipart(IEnumerable<(string Name, string Value)> fields, params (string Name, string FileName, string? ContentType, byte[] Bytes)[] files)
        {
            var form = new MultipartFormDataContent();
            foreach (var (name, value) in fields)
            {
                form.Add(new StringContent(value), name);
            }

            foreach (var (name, fileName, contentType, bytes) in files)
            {
                var part = new ByteArrayContent(bytes);
                if (contentType != null)
                {
                    part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
                }

                form.Add(part, name, fileName);
            }

            return form;
        }

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await Emulator.DisposeAsync();
        }
    }
}
