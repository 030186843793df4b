using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using OpenAIVideos.Emulator;
using OpenAIVideos.Emulator.Faults;
using OpenAIVideos.Resilience.Tests.Infrastructure;

namespace OpenAIVideos.Resilience.Tests.Safety
{
    /// <summary>The emulator is safe to leave running: loopback only, a key required, request sizes capped.</summary>
    public sealed class EmulatorSafetyTests : EmulatorFixture
    {
        private const long BodyCap = 64 * 1024;
        private const long UploadCap = 16 * 1024;

        protected override EmulatorOptions EmulatorOptions() => new EmulatorOptions
        {
            ApiKey = Key,
            JobDuration = TimeSpan.FromMinutes(5),
            MaxRequestBodyBytes = BodyCap,
            MaxUploadBytes = UploadCap,
        };

        [Fact]
        public void It_binds_to_loopback_unless_told_otherwise()
        {
            Assert.Equal(IPAddress.Loopback, new EmulatorOptions().BindAddress);
            Assert.True(IPAddress.TryParse(Emulator.BaseUri.Host, out var bound), $"Bound to '{Emulator.BaseUri.Host}', not an address.");
            Assert.True(IPAddress.IsLoopback(bound), $"Bound to {bound}, which is reachable from other machines.");
        }

        [Fact]
        public async Task It_requires_a_key_by_default()
        {
            Assert.True(new EmulatorOptions().RequireAuthentication);
            await using var open = await VideoApiEmulator.StartAsync(new EmulatorOptions()); // defaults: any key, but a key
            using var http = new HttpClient { BaseAddress = open.BaseUri };
            using var response = await http.GetAsync("videos");
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            var error = await ErrorOf(response);
            Assert.Equal("invalid_api_key", error.GetProperty("code").GetString());
            Assert.Equal(0, open.Statistics.VideosCreated);
        }

        [Fact]
        public async Task An_oversize_body_gets_413_in_the_API_envelope()
        {
            using var http = Emulator.CreateHttpClient();
            var json = "{\"prompt\":\"" + new string('a', (int)BodyCap) + "\"}";
            using var response = await http.PostAsync("videos", new StringContent(json, Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            var error = await ErrorOf(response);
            Assert.Equal("request_too_large", error.GetProperty("code").GetString());
            Assert.Equal(0, Emulator.Statistics.VideosCreated);
        }

        [Fact]
        public async Task An_oversize_chunked_body_gets_413_in_the_API_envelope()
        {
            using var http = Emulator.CreateHttpClient();
            var content = new StreamContent(new System.IO.MemoryStream(Encoding.UTF8.GetBytes("{\"prompt\":\"" + new string('a', (int)BodyCap * 2) + "\"}")));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var request = new HttpRequestMessage(HttpMethod.Post, "videos") { Content = content };
            request.Headers.TransferEncodingChunked = true; // no Content-Length: the cap must hold while reading
            using var response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Assert.Equal("request_too_large", (await ErrorOf(response)).GetProperty("code").GetString());
            Assert.Equal(0, Emulator.Statistics.VideosCreated);
        }

        [Fact]
        public async Task An_oversize_upload_gets_413_in_the_API_envelope_and_the_client_says_so()
        {
            var png = Scratch.Write("big.png", Images.Png(720, 1280)); // grey rows compress; pad to pass the upload cap
            var padded = System.IO.File.ReadAllBytes(png).Concat(new byte[UploadCap]).ToArray();
            var upload = new UploadFile("big.png", "image/png", () => new System.IO.MemoryStream(padded));
            using var client = Client(maxRetries: 0);
            var error = await Assert.ThrowsAsync<VideoApiException>(() =>
                client.CreateAsync(new VideoCreateRequest { Prompt = "p", Size = "720x1280", InputReference = VideoInputReference.FromFile(upload) }));
            Assert.Equal(VideoErrorIds.PayloadTooLarge, error.ErrorId);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, error.StatusCode);
            Assert.Equal("request_too_large", error.ApiErrorCode);
            Assert.Contains("big.png", error.Message, StringComparison.Ordinal);
            Assert.Equal(0, Emulator.Statistics.VideosCreated);
        }

        [Fact]
        public async Task A_create_whose_answer_is_lost_is_not_sent_again()
        {
            // A mid-body drop on a create: the server made the video; sending again could pay twice, so the client refuses.
            // Under heavy load the emulator's abort can overtake the headers too; the client then cannot tell the answer
            // was lost, re-sends with the same Idempotency-Key, and the emulator replays the first video. Both keep the
            // promise (one video); the scenario is repeated (at most 5 times) until the ResponseLost path itself is seen.
            using var client = Client(maxRetries: 2);
            for (var attempt = 1; attempt <= 5; attempt++)
            {
                var createdBefore = Emulator.Statistics.VideosCreated;
                var requestsBefore = Emulator.Statistics.RequestsFor("create");
                var replaysBefore = Emulator.Statistics.IdempotentReplays;
                Emulator.Faults.Add(new FaultRule { Kind = FaultKind.TruncateBody, Operation = "create", BodyBytes = 20 });
                var error = await Record.ExceptionAsync(() => client.CreateAsync(new VideoCreateRequest { Prompt = "paid once" }));
                Assert.Equal(createdBefore + 1, Emulator.Statistics.VideosCreated);
                if (error is VideoApiException { ErrorId: VideoErrorIds.ResponseLost } lost)
                {
                    Assert.Equal(VideoErrorCategory.ConnectionError, lost.Category);
                    Assert.Equal(requestsBefore + 1, Emulator.Statistics.RequestsFor("create"));
                    return;
                }

                Assert.Null(error);
                Assert.Equal(replaysBefore + 1, Emulator.Statistics.IdempotentReplays);
            }

            Assert.Fail("The lost answer never reached the client as a cut-off body in 5 tries.");
        }

        private static async Task<JsonElement> ErrorOf(HttpResponseMessage response)
        {
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var error = document.RootElement.GetProperty("error").Clone();
            Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
            Assert.True(error.TryGetProperty("type", out _) && error.TryGetProperty("param", out _) && error.TryGetProperty("code", out _));
            return error;
        }
    }
}
