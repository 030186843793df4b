using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading.Tasks;

namespace OpenAIVideos.Client.Tests.Compatibility
{
    /// <summary>
    /// The compatibility matrix: one test per operation and server flavor, against a fresh emulator of that flavor over
    /// loopback HTTP. A cell asserts the outcome (it works, or it fails clearly) and records what it observed for
    /// docs/compatibility.md.
    /// </summary>
    public sealed class CompatibilityMatrixTests : IClassFixture<CompatibilityReport>
    {
        private const string FailureMessage = "The sampler ran out of GPU memory.";
        private readonly CompatibilityReport _report;

        public CompatibilityMatrixTests(CompatibilityReport report) => _report = report;

        /// <summary>All eight flavors: one the emulator lacks fails its cells rather than dropping out of the matrix.</summary>
        public static TheoryData<string> Flavors()
        {
            var data = new TheoryData<string>();
            foreach (var flavor in ServerFlavor.All)
            {
                data.Add(flavor.Name);
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(Flavors))]
        public async Task Create_text_only(string flavorName)
        {
            await using var host = await MatrixHost.StartAsync(ServerFlavor.Named(flavorName));
            var video = await host.Client.CreateAsync(new VideoCreateRequest { Prompt = "a fox" });
            Assert.False(string.IsNullOrEmpty(video.Id));
            Assert.Equal(video.Id, (await host.Client.RetrieveAsync(video.Id)).Id);
            var sent = CreateRequest(host);
            if (host.Client.Profile.Encoding == RequestEncoding.Multipart)
            {
                Assert.StartsWith("multipart/form-data", sent.ContentType);
            }
            else
            {
                Assert.StartsWith("application/json", sent.ContentType);
            }

            var defaultModel = host.Client.Profile.DefaultModel;
            if (defaultModel is null)
            {
                Assert.DoesNotContain("model", BodyText(sent)); // no model unless one is asked for (vLLM-Omni serves one)
            }
            else
            {
                Assert.Contains(defaultModel, BodyText(sent)); // the route requires a model: the dialect's default
            }

            var keyHeader = new[] { "Authorization", "api-key", "x-litellm-api-key" }.Single(h => sent.Headers.ContainsKey(h));
            var query = sent.PathAndQuery.Contains('?', StringComparison.Ordinal) ? $", query `{sent.PathAndQuery.Split('?')[1]}`" : string.Empty;
            var rewritten = host.StoredId(video.Id) == video.Id ? string.Empty : "; the id is the server's own (it wraps the provider's)";
            Record(host, MatrixOperation.CreateTextOnly, "works",
                $"sent as {MediaType(sent)} to `{PathOf(sent)}`{query}, key in `{keyHeader}`, "
                + (defaultModel is null ? "no model" : $"the default model `{defaultModel}`") + $"; answered status `{video.Status}`{rewritten}");
        }

        [Theory]
        [MemberData(nameof(Flavors))]
        public async Task Create_with_an_image_file(string flavorName)
        {
            await using var host = await MatrixHost.StartAsync(ServerFlavor.Named(flavorName));
            var path = TestMedia.TempFile(TestMedia.Png(1280, 720), ".png");
            try
            {
                var video = await host.Client.CreateAsync(new VideoCreateRequest { Prompt = "she turns", Size = "1280x720", InputReference = VideoInputReference.Parse(path) });
                Assert.False(string.IsNullOrEmpty(video.Id));
                var sent = CreateRequest(host);
                if (sent.ContentType!.StartsWith("application/json", StringComparison.Ordinal))
                {
                    // A server that takes images by URL only: the file travels as a data URL (OpenRouter's frame_images).
                    Assert.Contains("\"url\":\"data:image/png;base64,", BodyText(sent));
                    Record(host, MatrixOperation.CreateWithImage, "works", $"sent as {MediaType(sent)} with the file as a `data:` URL in {host.Client.Profile.CreateFields[CreateParameter.InputReference]}");
                }
                else
                {
                    Assert.StartsWith("multipart/form-data", sent.ContentType);
                    Assert.Contains("name=\"input_reference\"", BodyText(sent));
                    Record(host, MatrixOperation.CreateWithImage, "works", $"sent as {MediaType(sent)} with the file in `input_reference`");
                }
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Theory]
        [MemberData(nameof(Flavors))]
        public async Task Create_with_extra_fields(string flavorName)
        {
            var flavor = ServerFlavor.Named(flavorName);
            await using var host = await MatrixHost.StartAsync(flavor);
            var request = new VideoCreateRequest { Prompt = "a koi pond" };
            request.AdditionalProperties["seed"] = 42;
            request.AdditionalProperties["extra_params"] = new Dictionary<string, object?> { ["flow_shift"] = 3 };
            if (flavor.RefusesUnknownFields)
            {
                var error = await Assert.ThrowsAsync<VideoApiException>(() => host.Client.CreateAsync(request));
                Assert.Equal(VideoErrorIds.InvalidRequest, error.ErrorId);
                Assert.NotNull(error.ApiMessage);
                Record(host, MatrixOperation.CreateWithExtraFields, "refused by the server: `InvalidRequest`", $"HTTP {(int?)error.StatusCode}: \"{error.ApiMessage}\"");
                return;
            }

            var video = await host.Client.CreateAsync(request);
            Assert.False(string.IsNullOrEmpty(video.Id));
            var sent = CreateRequest(host);
            var body = BodyText(sent);
            string notes;
            if (sent.ContentType!.StartsWith("multipart/form-data", StringComparison.Ordinal))
            {
                Assert.Contains("name=\"seed\"", body);
                Assert.Contains("{\"flow_shift\":3}", body); // a nested value travels as JSON text in one form field
                notes = "form fields; `extra_params` as the JSON text `{\"flow_shift\":3}`";
            }
            else
            {
                Assert.Contains("\"seed\":42", body);
                Assert.Contains("\"extra_params\":{\"flow_shift\":3}", body);
                notes = "JSON members beside the API's own";
            }

            Record(host, MatrixOperation.CreateWithExtraFields, "works", notes);
        }

        [Theory]
        [MemberData(nameof(Flavors))]
        public async Task Retrieve(string flavorName)
        {
            await using var host = await MatrixHost.StartAsync(ServerFlavor.Named(flavorName));
            var video = await host.CompletedVideoAsync();
            Assert.Equal(VideoStatus.Completed, video.Status);
            var missing = new[] { video.Model is null ? "model" : null, video.Size is null ? "size" : null, video.Seconds is null ? "seconds" : null,
                video.CompletedAt is null ? "completed_at" : null, video.ExpiresAt is null ? "expires_at" : null }.Where(m => m is not null).ToList();
            Record(host, MatrixOperation.Retrieve, "works",
                $"completed video: size `{video.Size ?? "none"}`, seconds `{video.Seconds ?? "none"}`"
                + (missing.Count == 0 ? string.Empty : $"; not sent, left empty: {string.Join(", ", missing)}"));
        }

        [Theory]
        [MemberData(nameof(Flavors))]
        public async Task Retrieve_an_unknown_id(string flavorName)
        {
            await using var host = await MatrixHost.StartAsync(ServerFlavor.Named(flavorName));
            var error = await Assert.ThrowsAsync<VideoApiException>(() => host.Client.RetrieveAsync("video_0000000000000000000000000000beef"));
            Assert.Equal(VideoErrorIds.VideoNotFound, error.ErrorId);
            Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
            Assert.False(string.IsNullOrEmpty(error.ApiMessage));
            Record(host, MatrixOperation.RetrieveUnknown, "works: `VideoNotFound`", $"HTTP 404 in the server's words: \"{error.ApiMessage}\"");
        }

        [Theory]
        [MemberData(nameof(Flavors))]
        public async Task List_paged(string flavorName)
        {
            await using var host = await MatrixHost.StartAsync(ServerFlavor.Named(flavorName));
            if (await RefusedAsync(host, VideoOperation.List, MatrixOperation.List, client => client.ListPageAsync(new VideoListQuery { PageSize = 2 })))
            {
                return;
            }

            var created = new List<string>();
            for (var i = 0; i < 5; i++)
            {
                created.Add((await host.CompletedVideoAsync($"video {i}")).Id); // finished one by one: Azure runs two at a time
            }

            var first = await host.Client.ListPageAsync(new VideoListQuery { PageSize = 2 });
            Assert.Equal(2, first.Data.Count);
            Assert.True(first.HasMore);
            var listRequestsBefore = ListRequests(host);
            var listed = new List<string>();
            await foreach (var video in host.Client.ListAsync(new VideoListQuery { PageSize = 2 }))
            {
                listed.Add(video.Id);
            }

            Assert.Equal(created.OrderBy(id => id, StringComparer.Ordinal), listed.OrderBy(id => id, StringComparer.Ordinal));
            var pages = ListRequests(host) - listRequestsBefore;
            var listQuery = host.Requests.Last(r => r.Method == "GET" && PathOf(r).TrimEnd('/').EndsWith("/videos", StringComparison.Ordinal)).PathAndQuery.Split('?')[1];
            var extra = string.Join(", ", listQuery.Split('&').Where(p => !p.StartsWith("limit=", StringComparison.Ordinal) && !p.StartsWith("after=", StringComparison.Ordinal)).Select(p => $"`{p}`"));
            Record(host, MatrixOperation.List, "works",
                $"5 videos in pages of 2 over {pages} requests; " + (first.HasMoreInferred ? "no `has_more`: paged until a short page" : "`has_more` and `after` cursors")
                + (extra.Length == 0 ? string.Empty : $"; also sent {extra}"));
        }

        [Theory]
        [MemberData(nameof(Flavors))]
        public async Task Wait_for_a_job_that_fails(string flavorName)
        {
            await using var host = await MatrixHost.StartAsync(ServerFlavor.Named(flavorName));
            var video = await host.Client.CreateAsync(new VideoCreateRequest { Prompt = "a doomed fox" });
            Assert.True(host.Emulator.FailNow(host.StoredId(video.Id), "generation_failed", FailureMessage));
            var finished = await host.Client.WaitAsync(video.Id, new VideoWaitOptions { Timeout = TimeSpan.FromSeconds(30), PollInterval = TimeSpan.FromMilliseconds(20) });
            Assert.True(VideoStatus.IsFailure(finished.Status));
            var error = VideoJobPoller.JobFailed(finished);
            Assert.Equal(VideoErrorIds.VideoFailed, error.ErrorId);
            Assert.Contains(FailureMessage, error.Message);
            var status = LastStatus(host, "GET", "videos/");
            Record(host, MatrixOperation.WaitFailed, "works: `VideoFailed`",
                $"the server's message kept (\"{finished.Error?.Message}\"" + (string.IsNullOrEmpty(finished.Error?.Code) ? ", no code" : $", code `{finished.Error!.Code}`")
                + $"); its retrieve answered HTTP {status}");
        }

        [Theory]
        [MemberData(nameof(Flavors))]
        public async Task Delete(string flavorName)
        {
            await using var host = await MatrixHost.StartAsync(ServerFlavor.Named(flavorName));
            var video = await host.CompletedVideoAsync();
            if (await RefusedAsync(host, VideoOperation.Delete, MatrixOperation.Delete, client => client.DeleteAsync(video.Id)))
            {
                return;
            }

            var result = await host.Client.DeleteAsync(video.Id);
            Assert.True(result.Deleted);
            Assert.Equal(video.Id, result.Id);
            var gone = await Assert.ThrowsAsync<VideoApiException>(() => host.Client.RetrieveAsync(video.Id));
            Assert.Equal(VideoErrorIds.VideoNotFound, gone.ErrorId);
            Record(host, MatrixOperation.Delete, "works", $"reported deleted (HTTP {LastStatus(host, "DELETE", "videos/")}); a retrieve then is `VideoNotFound`");
        }

        [Theory]
        [MemberData(nameof(Flavors))]
        public Task Download_the_video(string flavorName) => DownloadAsync(flavorName, VideoContentVariant.Video, MatrixOperation.DownloadVideo);

        [Theory]
        [MemberData(nameof(Flavors))]
        public Task Download_the_thumbnail(string flavorName) => DownloadAsync(flavorName, VideoContentVariant.Thumbnail, MatrixOperation.DownloadThumbnail);

        [Theory]
        [MemberData(nameof(Flavors))]
        public Task Download_the_spritesheet(string flavorName) => DownloadAsync(flavorName, VideoContentVariant.Spritesheet, MatrixOperation.DownloadSpritesheet);

        [Theory]
        [MemberData(nameof(Flavors))]
        public async Task Remix(string flavorName)
        {
            await using var host = await MatrixHost.StartAsync(ServerFlavor.Named(flavorName));
            var source = await host.CompletedVideoAsync();
            if (await RefusedAsync(host, VideoOperation.Remix, MatrixOperation.Remix, client => client.RemixAsync(source.Id, "make it night")))
            {
                return;
            }

            var remix = await host.Client.RemixAsync(source.Id, "make it night");
            Assert.False(string.IsNullOrEmpty(remix.Id));
            Assert.NotEqual(source.Id, remix.Id);
            Record(host, MatrixOperation.Remix, "works", remix.RemixedFromVideoId is null ? "new job; `remixed_from_video_id` not sent" : "new job with `remixed_from_video_id`");
        }

        [Theory]
        [MemberData(nameof(Flavors))]
        public Task Extend(string flavorName) => FromSourceVideoAsync(flavorName, VideoOperation.Extend, MatrixOperation.Extend,
            (client, id) => client.ExtendAsync(new VideoExtendRequest { VideoId = id, Prompt = "the camera pulls back", Seconds = client.Profile.ExtensionDurations.FirstOrDefault() ?? "4" }));

        [Theory]
        [MemberData(nameof(Flavors))]
        public Task Edit(string flavorName) => FromSourceVideoAsync(flavorName, VideoOperation.Edit, MatrixOperation.Edit,
            (client, id) => client.EditAsync(new VideoEditRequest { VideoId = id, Prompt = "add falling snow" }));

        [Theory]
        [MemberData(nameof(Flavors))]
        public async Task Create_a_character(string flavorName)
        {
            await using var host = await MatrixHost.StartAsync(ServerFlavor.Named(flavorName));
            var mp4 = await host.DownloadedMp4Async();
            try
            {
                var request = new VideoCharacterCreateRequest { Name = "Rex", Video = UploadFile.FromPath(mp4) };
                if (await RefusedAsync(host, VideoOperation.CreateCharacter, MatrixOperation.CreateCharacter, client => client.CreateCharacterAsync(request)))
                {
                    return;
                }

                var character = await host.Client.CreateCharacterAsync(request);
                Assert.Equal("Rex", character.Name);
                Record(host, MatrixOperation.CreateCharacter, "works", "multipart upload of the MP4");
            }
            finally
            {
                File.Delete(mp4);
            }
        }

        [Theory]
        [MemberData(nameof(Flavors))]
        public async Task Retrieve_a_character(string flavorName)
        {
            await using var host = await MatrixHost.StartAsync(ServerFlavor.Named(flavorName));
            if (await RefusedAsync(host, VideoOperation.RetrieveCharacter, MatrixOperation.RetrieveCharacter, client => client.RetrieveCharacterAsync("char_0000000000000000000000000000beef")))
            {
                return;
            }

            var mp4 = await host.DownloadedMp4Async();
            try
            {
                var character = await host.Client.CreateCharacterAsync(new VideoCharacterCreateRequest { Name = "Rex", Video = UploadFile.FromPath(mp4) });
                Assert.Equal(character.Id, (await host.Client.RetrieveCharacterAsync(character.Id!)).Id);
                var missing = await Assert.ThrowsAsync<VideoApiException>(() => host.Client.RetrieveCharacterAsync("char_0000000000000000000000000000beef"));
                Assert.Equal(VideoErrorIds.CharacterNotFound, missing.ErrorId);
                Record(host, MatrixOperation.RetrieveCharacter, "works", "an unknown id is `CharacterNotFound`");
            }
            finally
            {
                File.Delete(mp4);
            }
        }

        /// <summary>Every flavor with every vocabulary parameter: the parameter table of docs/compatibility.md.</summary>
        public static TheoryData<string, CreateParameter> FlavorsAndParameters()
        {
            var data = new TheoryData<string, CreateParameter>();
            foreach (var flavor in ServerFlavor.All)
            {
                foreach (CreateParameter parameter in Enum.GetValues(typeof(CreateParameter)))
                {
                    data.Add(flavor.Name, parameter);
                }
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(FlavorsAndParameters))]
        public async Task Create_with_a_parameter(string flavorName, CreateParameter parameter)
        {
            await using var host = await MatrixHost.StartAsync(ServerFlavor.Named(flavorName));
            var profile = host.Client.Profile;
            var frame = TestMedia.TempFile(TestMedia.Png(720, 1280), ".png"); // sora's default size
            try
            {
                var request = new VideoCreateRequest { Prompt = "a koi pond" };
                Set(request, parameter, frame);
                if (!profile.CreateFields.TryGetValue(parameter, out var field))
                {
                    if (parameter == CreateParameter.Character)
                    {
                        request.CharacterIds.Add("char_0000000000000000000000000000beef");
                    }

                    var before = host.Requests.Count;
                    var error = await Assert.ThrowsAsync<VideoApiException>(() => host.Client.CreateAsync(request));
                    Assert.Equal(VideoErrorIds.ParameterNotSupported, error.ErrorId);
                    Assert.Contains("-" + parameter, error.Message);
                    Assert.Contains(flavorName == "gateway" ? "Generic" : profile.Kind.ToString(), error.Message);
                    Assert.Equal(before, host.Requests.Count);
                    _report.Record(parameter, host.Flavor, "no");
                    return;
                }

                if (parameter == CreateParameter.Character)
                {
                    var mp4 = await host.DownloadedMp4Async();
                    try
                    {
                        request.CharacterIds.Add((await host.Client.CreateCharacterAsync(new VideoCharacterCreateRequest { Name = "Rex", Video = UploadFile.FromPath(mp4) })).Id!);
                    }
                    finally
                    {
                        File.Delete(mp4);
                    }
                }

                var video = await host.Client.CreateAsync(request);
                Assert.False(string.IsNullOrEmpty(video.Id));
                var wireName = field.Split('`')[1].TrimEnd('[', ']');
                Assert.Contains(wireName, BodyText(CreateRequest(host)));
                _report.Record(parameter, host.Flavor, field);
            }
            finally
            {
                File.Delete(frame);
            }
        }

        // A value each server takes: Veo asks a first frame beside a last frame (its default 8 seconds suit both); sora-2
        // asks the reference image to match the size (its default 720x1280).
        private static void Set(VideoCreateRequest request, CreateParameter parameter, string frame)
        {
            switch (parameter)
            {
                case CreateParameter.Seconds:
                    request.Seconds = "8";
                    break;
                case CreateParameter.Size:
                    request.Size = "1280x720";
                    break;
                case CreateParameter.AspectRatio:
                    request.AspectRatio = "16:9";
                    break;
                case CreateParameter.Resolution:
                    request.Resolution = "720p";
                    break;
                case CreateParameter.NegativePrompt:
                    request.NegativePrompt = "blur";
                    break;
                case CreateParameter.Seed:
                    request.Seed = 42;
                    break;
                case CreateParameter.Audio:
                    request.Audio = true;
                    break;
                case CreateParameter.InputReference:
                    request.InputReference = VideoInputReference.Parse(frame);
                    break;
                case CreateParameter.LastFrame:
                    request.InputReference = VideoInputReference.Parse(frame);
                    request.LastFrame = VideoInputReference.Parse(frame);
                    break;
                case CreateParameter.ReferenceImage:
                    request.ReferenceImages.Add(VideoInputReference.Parse(frame));
                    break;
            }
        }

        // A new job made from a completed one (extend, edit): it works, or is refused before sending.
        private async Task FromSourceVideoAsync(string flavorName, VideoOperation operation, MatrixOperation row, Func<VideosClient, string, Task<Video>> act)
        {
            await using var host = await MatrixHost.StartAsync(ServerFlavor.Named(flavorName));
            var source = await host.CompletedVideoAsync();
            if (await RefusedAsync(host, operation, row, client => act(client, source.Id)))
            {
                return;
            }

            var made = await act(host.Client, source.Id);
            Assert.False(string.IsNullOrEmpty(made.Id));
            Assert.NotEqual(source.Id, made.Id);
            Record(host, row, "works", $"sent as {MediaType(host.Requests.Last(r => r.Method == "POST"))}");
        }

        private async Task DownloadAsync(string flavorName, VideoContentVariant variant, MatrixOperation row)
        {
            await using var host = await MatrixHost.StartAsync(ServerFlavor.Named(flavorName));
            var video = await host.CompletedVideoAsync();
            if (!host.Client.Profile.Supports(variant))
            {
                await host.RefusedBeforeSendingAsync(() => host.Client.DownloadContentAsync(video.Id, variant, new MemoryStream()));
                // Sent anyway, the server answers the MP4 (saving it under the variant's name would have been a lie), or
                // has no content route at all (its result is at a URL).
                var sentAnyway = await Assert.ThrowsAsync<VideoApiException>(() => host.GenericClient.DownloadContentAsync(video.Id, variant, new MemoryStream()));
                if (sentAnyway.ErrorId == VideoErrorIds.ContentTypeMismatch)
                {
                    Assert.Contains("video/mp4", sentAnyway.Message);
                    Record(host, row, "refused before sending: `OperationNotSupported`", $"sent anyway, the server answers `video/mp4` for `variant={variant.Name}`");
                }
                else
                {
                    Assert.Contains((int?)sentAnyway.StatusCode, new int?[] { 400, 404, 405 });
                    Record(host, row, "refused before sending: `OperationNotSupported`", $"sent anyway, the server answers HTTP {(int?)sentAnyway.StatusCode}: \"{sentAnyway.ApiMessage}\"");
                }

                return;
            }

            using var destination = new MemoryStream();
            var result = await host.Client.DownloadContentAsync(video.Id, variant, destination);
            Assert.True(result.Bytes > 0);
            Assert.Equal(result.Bytes, destination.Length);
            Assert.True(variant.Accepts(result.ContentType), $"{result.ContentType} for {variant.Name}");
            if (variant == VideoContentVariant.Video)
            {
                Assert.Equal("ftyp", Encoding.ASCII.GetString(destination.ToArray(), 4, 4));
            }

            var where = host.Client.Profile.ContentAtResultUrls
                ? (host.Emulator.StorageRequestLog.Entries.Count > 0 ? "; from the result URL on the storage host, which saw no key" : "; from the result URL on the server's own origin, with the key")
                : string.Empty;
            if (host.Client.Profile.ContentAtResultUrls)
            {
                Assert.All(host.Emulator.StorageRequestLog.Entries, request => Assert.False(request.HadCredential || request.ContainedApiKey));
            }

            Record(host, row, "works", $"{result.Bytes:N0} bytes of `{result.ContentType}`{where}");
        }

        // When the profile says the server lacks the operation: the module refuses before sending, and the same call
        // sent anyway (-Server Generic) shows the server really has no such route.
        private async Task<bool> RefusedAsync(MatrixHost host, VideoOperation operation, MatrixOperation row, Func<VideosClient, Task> act)
        {
            if (host.Client.Profile.Supports(operation))
            {
                return false;
            }

            await host.RefusedBeforeSendingAsync(() => act(host.Client));
            var sentAnyway = await Assert.ThrowsAsync<VideoApiException>(() => act(host.GenericClient));
            Assert.Contains((int?)sentAnyway.StatusCode, new int?[] { 404, 405 });
            Record(host, row, "refused before sending: `OperationNotSupported`",
                $"sent anyway, the server answers HTTP {(int?)sentAnyway.StatusCode}: \"{sentAnyway.ApiMessage}\"");
            return true;
        }

        private void Record(MatrixHost host, MatrixOperation row, string outcome, string notes) => _report.Record(row, host.Flavor, outcome, notes);

        private static Emulator.Diagnostics.RecordedRequest CreateRequest(MatrixHost host) =>
            host.Requests.Last(r => r.Method == "POST" && PathOf(r).TrimEnd('/').EndsWith("/videos", StringComparison.Ordinal));

        private static int ListRequests(MatrixHost host) =>
            host.Requests.Count(r => r.Method == "GET" && PathOf(r).TrimEnd('/').EndsWith("/videos", StringComparison.Ordinal));

        private static string PathOf(Emulator.Diagnostics.RecordedRequest request) => request.PathAndQuery.Split('?')[0];

        private static string MediaType(Emulator.Diagnostics.RecordedRequest request) => "`" + (request.ContentType ?? "no body").Split(';')[0] + "`";

        private static string BodyText(Emulator.Diagnostics.RecordedRequest request) => Encoding.UTF8.GetString(request.Body);

        // The status of the last matching request, from the client's log line "GET videos/... -> 500 in 3 ms".
        private static string LastStatus(MatrixHost host, string method, string pathStart)
        {
            var line = host.Log.LastOrDefault(l => l.StartsWith($"{method} {pathStart}", StringComparison.Ordinal) && l.Contains(" -> ", StringComparison.Ordinal));
            Assert.NotNull(line);
            return line!.Substring(line.IndexOf(" -> ", StringComparison.Ordinal) + 4).Split(' ')[0];
        }
    }
}
