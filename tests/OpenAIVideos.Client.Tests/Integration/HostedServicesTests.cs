using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using OpenAIVideos.Emulator;

namespace OpenAIVideos.Client.Tests.Integration
{
    /// <summary>
    /// Issue 16's "done when" for the hosted services, against the emulator's gemini and openrouter flavors over loopback:
    /// each server's own fields and types, results fetched where the server puts them without the key leaving its origin,
    /// cancelled and expired jobs, the published catalogue's check before billing, and the charge.
    /// </summary>
    public sealed class HostedServicesTests
    {
        private const string Key = "sk-hosted-0123456789";

        [Fact]
        public async Task Gemini_sends_its_own_fields_and_types_as_multipart()
        {
            await using var emulator = await Start(EmulatorFlavor.Gemini);
            using var client = Client(emulator, ServerKind.Gemini);
            var video = await client.CreateAsync(new VideoCreateRequest { Prompt = "a koi pond", Seconds = "8", AspectRatio = "16:9", Resolution = "720p" });

            Assert.Equal(VideoStatus.Processing, video.Status);
            var sent = emulator.RequestLog.Entries.Single(r => r.Method == "POST");
            Assert.StartsWith("multipart/form-data", sent.ContentType);
            var body = Encoding.UTF8.GetString(sent.Body);
            Assert.Matches("name=\"duration_seconds\"\\r\\n\\r\\n8\\r\\n", body); // an integer, not "8.0" nor Sora's field
            Assert.Matches("name=\"aspect_ratio\"\\r\\n\\r\\n16:9\\r\\n", body);
            Assert.Matches("name=\"resolution\"\\r\\n\\r\\n720p\\r\\n", body);
            Assert.DoesNotContain("name=\"seconds\"", body);
        }

        [Fact]
        public async Task OpenRouter_sends_json_with_duration_as_a_number_after_reading_its_catalogue()
        {
            await using var emulator = await Start(EmulatorFlavor.OpenRouter);
            using var client = Client(emulator, ServerKind.OpenRouter);
            var video = await client.CreateAsync(new VideoCreateRequest { Prompt = "a koi pond", Model = "google/veo-3.1", Seconds = "8", AspectRatio = "16:9", Resolution = "720p" });

            Assert.Equal(VideoStatus.Pending, video.Status);
            var requests = emulator.RequestLog.Entries;
            Assert.Equal(new[] { "GET", "POST" }, requests.Select(r => r.Method));
            Assert.EndsWith("/videos/models", requests[0].PathAndQuery);
            using var body = JsonDocument.Parse(requests[1].Body);
            Assert.Equal(JsonValueKind.Number, body.RootElement.GetProperty("duration").ValueKind);
            Assert.Equal(8, body.RootElement.GetProperty("duration").GetDouble());
            Assert.Equal("16:9", body.RootElement.GetProperty("aspect_ratio").GetString());
            Assert.Equal("720p", body.RootElement.GetProperty("resolution").GetString());
            Assert.False(body.RootElement.TryGetProperty("seconds", out _));
        }

        [Theory]
        [InlineData(EmulatorFlavor.Gemini, ServerKind.Gemini, null)]
        [InlineData(EmulatorFlavor.OpenRouter, ServerKind.OpenRouter, "google/veo-3.1")]
        public async Task A_finished_video_is_saved_from_the_result_url_and_the_storage_host_never_sees_the_key(EmulatorFlavor flavor, ServerKind kind, string? model)
        {
            await using var emulator = await Start(flavor);
            using var client = Client(emulator, kind);
            var created = await client.CreateAsync(new VideoCreateRequest { Prompt = "a koi pond", Model = model, Seconds = "8", AspectRatio = "16:9", Resolution = "720p" });
            Assert.True(emulator.CompleteNow(created.Id));
            var done = await client.WaitAsync(created.Id, new VideoWaitOptions { PollInterval = TimeSpan.FromMilliseconds(20), Timeout = TimeSpan.FromSeconds(30) });
            Assert.Equal(VideoStatus.Completed, done.Status);
            Assert.Contains(done.ContentUrls, url => url.StartsWith(emulator.StorageUri!.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal));

            var path = Path.Combine(Path.GetTempPath(), "oav-hosted-" + Guid.NewGuid().ToString("N") + ".mp4");
            try
            {
                var saved = await client.DownloadContentToFileAsync(done.Id, VideoContentVariant.Video, path, overwrite: false);
                var bytes = File.ReadAllBytes(path);
                Assert.Equal(saved.Bytes, bytes.Length);
                Assert.Equal("ftyp", Encoding.ASCII.GetString(bytes, 4, 4));
            }
            finally
            {
                File.Delete(path);
            }

            var storage = emulator.StorageRequestLog.Entries;
            Assert.NotEmpty(storage); // the download went to the storage host...
            Assert.All(storage, request =>
            {
                Assert.False(request.HadAuthorization); // ...which never saw an Authorization header,
                Assert.False(request.HadCredential);    // nor any other credential,
                Assert.False(request.ContainedApiKey);  // nor the key anywhere.
            });
            Assert.DoesNotContain(emulator.RequestLog.Entries, r => r.PathAndQuery.Contains("/content", StringComparison.Ordinal));
        }

        [Fact]
        public async Task OpenRouter_cost_is_what_the_server_says_it_charged()
        {
            await using var emulator = await Start(EmulatorFlavor.OpenRouter);
            using var client = Client(emulator, ServerKind.OpenRouter);
            var created = await client.CreateAsync(new VideoCreateRequest { Prompt = "a koi pond", Model = "google/veo-3.1", Seconds = "8", Resolution = "1080p" });
            Assert.Null(created.Cost);
            Assert.True(emulator.CompleteNow(created.Id));
            var done = await client.RetrieveAsync(created.Id);

            using var http = emulator.CreateHttpClient(Key);
            using var raw = JsonDocument.Parse(await http.GetStringAsync(new Uri(emulator.BaseUri, "videos/" + created.Id)));
            var charged = raw.RootElement.GetProperty("usage").GetProperty("cost").GetDecimal();
            Assert.Equal(charged, done.Cost);
            Assert.True(done.Cost > 0);
        }

        [Theory]
        [InlineData(EmulatorFlavor.Gemini, ServerKind.Gemini, "[emulator:cancel]", VideoErrorIds.VideoCancelled, "cancelled")]
        [InlineData(EmulatorFlavor.Gemini, ServerKind.Gemini, "[emulator:expire]", VideoErrorIds.VideoExpired, "expired")]
        [InlineData(EmulatorFlavor.OpenRouter, ServerKind.OpenRouter, "[emulator:cancel]", VideoErrorIds.VideoCancelled, "cancelled")]
        [InlineData(EmulatorFlavor.OpenRouter, ServerKind.OpenRouter, "[emulator:expire]", VideoErrorIds.VideoExpired, "expired")]
        public async Task Cancelled_and_expired_jobs_end_the_wait_with_their_own_error_ids(EmulatorFlavor flavor, ServerKind kind, string marker, string errorId, string status)
        {
            await using var emulator = await Start(flavor, TimeSpan.FromSeconds(1));
            using var client = Client(emulator, kind);
            var created = await client.CreateAsync(new VideoCreateRequest { Prompt = "a koi pond " + marker, Model = kind == ServerKind.OpenRouter ? "google/veo-3.1" : null });
            var options = new VideoWaitOptions { PollInterval = TimeSpan.FromMilliseconds(20), Timeout = TimeSpan.FromMinutes(2) };

            VideoWaitOutcome? outcome = null;
            await foreach (var ended in client.Poller.WaitAllAsync(new[] { created.Id }, options))
            {
                outcome = ended;
            }

            Assert.NotNull(outcome);
            Assert.Equal(status, outcome!.Video!.Status);
            Assert.Equal(errorId, outcome.Error!.ErrorId); // not WaitTimedOut: the wait ended on the terminal status
        }

        [Fact]
        public async Task OpenRouter_refuses_an_out_of_set_duration_before_anything_is_billed()
        {
            await using var emulator = await Start(EmulatorFlavor.OpenRouter);
            using var client = Client(emulator, ServerKind.OpenRouter);
            var error = await Assert.ThrowsAsync<VideoApiException>(() =>
                client.CreateAsync(new VideoCreateRequest { Prompt = "a koi pond", Model = "google/veo-3.1", Seconds = "7" }));

            Assert.Equal(VideoErrorIds.InvalidArgument, error.ErrorId);
            Assert.Contains("-Seconds '7'", error.Message);
            Assert.Contains("Allowed: 4, 6, 8", error.Message);
            Assert.DoesNotContain(emulator.RequestLog.Entries, r => r.Method == "POST");
        }

        [Fact]
        public async Task A_parameter_the_server_does_not_take_is_refused_naming_server_and_parameter()
        {
            await using var openRouter = await Start(EmulatorFlavor.OpenRouter);
            using var client = Client(openRouter, ServerKind.OpenRouter);
            var error = await Assert.ThrowsAsync<VideoApiException>(() =>
                client.CreateAsync(new VideoCreateRequest { Prompt = "a koi pond", Model = "google/veo-3.1", NegativePrompt = "blur" }));
            Assert.Equal(VideoErrorIds.ParameterNotSupported, error.ErrorId);
            Assert.Equal(VideoErrorCategory.InvalidArgument, error.Category);
            Assert.Contains("OpenRouter", error.Message);
            Assert.Contains("-NegativePrompt", error.Message);
            Assert.Empty(openRouter.RequestLog.Entries);

            await using var gemini = await Start(EmulatorFlavor.Gemini);
            using var geminiClient = Client(gemini, ServerKind.Gemini);
            error = await Assert.ThrowsAsync<VideoApiException>(() => geminiClient.CreateAsync(new VideoCreateRequest { Prompt = "a koi pond", Audio = true }));
            Assert.Equal(VideoErrorIds.ParameterNotSupported, error.ErrorId);
            Assert.Contains("-Audio", error.Message);
            Assert.Empty(gemini.RequestLog.Entries);
        }

        [Fact]
        public async Task Gemini_extends_by_a_create_with_extend_video_id_for_8_seconds()
        {
            await using var emulator = await Start(EmulatorFlavor.Gemini);
            using var client = Client(emulator, ServerKind.Gemini);
            var source = await client.CreateAsync(new VideoCreateRequest { Prompt = "a koi pond", Seconds = "8", Resolution = "720p" });
            Assert.True(emulator.CompleteNow(source.Id));

            var refused = await Assert.ThrowsAsync<VideoApiException>(() => client.ExtendAsync(new VideoExtendRequest { VideoId = source.Id, Prompt = "the koi leap", Seconds = "4" }));
            Assert.Equal(VideoErrorIds.InvalidArgument, refused.ErrorId);
            Assert.Single(emulator.RequestLog.Entries, r => r.Method == "POST");

            var extension = await client.ExtendAsync(new VideoExtendRequest { VideoId = source.Id, Prompt = "the koi leap", Seconds = "8" });
            Assert.NotEqual(source.Id, extension.Id);
            var sent = emulator.RequestLog.Entries.Last(r => r.Method == "POST");
            Assert.EndsWith("/videos", sent.PathAndQuery);
            var body = Encoding.UTF8.GetString(sent.Body);
            Assert.Contains("name=\"extend_video_id\"\r\n\r\n" + source.Id + "\r\n", body);
            Assert.Contains("name=\"duration_seconds\"\r\n\r\n8\r\n", body);
        }

        [Fact]
        public async Task What_the_hosted_services_lack_is_refused_before_sending()
        {
            await using var emulator = await Start(EmulatorFlavor.OpenRouter);
            using var client = Client(emulator, ServerKind.OpenRouter);
            foreach (var act in new Func<Task>[]
            {
                () => client.ListPageAsync(),
                () => client.DeleteAsync("job-1"),
                () => client.RemixAsync("job-1", "again"),
                () => client.EditAsync(new VideoEditRequest { VideoId = "job-1", Prompt = "again" }),
                () => client.ExtendAsync(new VideoExtendRequest { VideoId = "job-1", Prompt = "again", Seconds = "8" }),
                () => client.RetrieveCharacterAsync("char_1"),
            })
            {
                var error = await Assert.ThrowsAsync<VideoApiException>(act);
                Assert.Equal(VideoErrorIds.OperationNotSupported, error.ErrorId);
            }

            Assert.Empty(emulator.RequestLog.Entries);
        }

        [Fact]
        public async Task The_published_catalogue_is_read_into_models_with_prices()
        {
            await using var emulator = await Start(EmulatorFlavor.OpenRouter);
            using var client = Client(emulator, ServerKind.OpenRouter);
            var models = await client.ListModelsAsync();
            var veo = Assert.Single(models, m => m.Id == "google/veo-3.1");
            Assert.Equal(new[] { "4", "6", "8" }, veo.Seconds);
            Assert.Contains("1080p", veo.Resolutions);
            Assert.Equal(0.75m, veo.Prices["per-video-second-1080p"]);
            Assert.Equal("server", veo.Source);
        }

        private static Task<VideoApiEmulator> Start(EmulatorFlavor flavor, TimeSpan? jobDuration = null) =>
            VideoApiEmulator.StartAsync(new EmulatorOptions { Flavor = flavor, ApiKey = Key, JobDuration = jobDuration ?? TimeSpan.FromMinutes(5) });

        private static VideosClient Client(VideoApiEmulator emulator, ServerKind kind) => new VideosClient(new VideoClientOptions
        {
            BaseUri = emulator.BaseUri,
            ApiKey = ApiKeySecret.FromPlainText(Key),
            Server = kind,
            MaxRetries = 0,
        });
    }
}
