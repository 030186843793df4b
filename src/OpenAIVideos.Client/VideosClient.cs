using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using OpenAIVideos.Client.Serialization;
using OpenAIVideos.Client.Transport;

namespace OpenAIVideos.Client
{
    /// <summary>
    /// The Videos API: create, retrieve, list, delete, remix, extend, edit, characters, content download, and waiting.
    /// Cheap to create (connections are pooled process-wide); safe to use from many tasks at once.
    /// </summary>
    public sealed class VideosClient : IDisposable
    {
        private readonly ApiTransport _transport;
        private readonly HttpClient _http;
        private readonly bool _ownsHttp;

        /// <summary>A client over the shared connection pool.</summary>
        /// <param name="options">Where and how to connect; copied, so later changes do not affect this client.</param>
        /// <param name="log">Receives one line per request and retry (no secrets); e.g. PowerShell's verbose stream.</param>
        public VideosClient(VideoClientOptions options, Action<string>? log = null)
            : this(options, null, log)
        {
        }

        /// <summary>A client over a caller's HttpClient (its timeout should be infinite: the client times attempts itself).</summary>
        public VideosClient(VideoClientOptions options, HttpClient? httpClient, Action<string>? log = null)
        {
            if (options is null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            Options = options.Clone();
            _ownsHttp = httpClient is null;
            _http = httpClient ?? HttpClientPool.Create(Options.ConnectTimeout);
            _transport = new ApiTransport(Options, _http, log);
            Poller = new VideoJobPoller(this);
            Downloader = new ContentDownloader(_transport, RetrieveAsync);
        }

        /// <summary>The options in force (a copy of those given).</summary>
        public VideoClientOptions Options { get; }

        /// <summary>The server's dialect (<see cref="VideoClientOptions.Server"/>): what it serves and how it is spoken to.</summary>
        public ServerProfile Profile => _transport.Profile;

        /// <summary>Waits for jobs to finish.</summary>
        public VideoJobPoller Poller { get; }

        /// <summary>Downloads content atomically.</summary>
        public ContentDownloader Downloader { get; }

        /// <summary>
        /// Starts generating a video (<c>POST /videos</c>) in the server's dialect. Where the dialect checks model values
        /// (<see cref="ServerProfile.ChecksModelValues"/>), a value the named model does not take is refused first.
        /// </summary>
        public async Task<Video> CreateAsync(VideoCreateRequest request, CancellationToken cancellationToken = default)
        {
            Profile.EnsureSupports(VideoOperation.Create);
            RequestValidator.Validate(request);
            var body = Profile.CreateBody(request);
            if (Profile.ChecksModelValues && (request.Model ?? Profile.DefaultModel) is { } model)
            {
                var models = await VideoModelCatalogue.GetAsync(this, cancellationToken: cancellationToken).ConfigureAwait(false);
                ModelValueCheck.Check(Profile, models, model, request);
            }

            return await SendForVideoAsync(PaidRequest("videos", "create a video", body, request.IdempotencyKey), cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// The server's video models and what each takes: <c>GET /videos/models</c> where the server publishes them
        /// (OpenRouter), else the dialect's documented models. Uncached; <see cref="VideoModelCatalogue"/> caches.
        /// </summary>
        public async Task<IReadOnlyList<VideoModel>> ListModelsAsync(CancellationToken cancellationToken = default)
        {
            if (!Profile.PublishesModels)
            {
                return Profile.DocumentedModels;
            }

            var wire = await SendJsonAsync(new ApiRequest(HttpMethod.Get, "videos/models", "list video models"), WireJsonContext.Default.VideoModelListWire, cancellationToken).ConfigureAwait(false);
            var models = new List<VideoModel>(wire.Data?.Count ?? 0);
            foreach (var item in wire.Data ?? new List<VideoModelWire>())
            {
                models.Add(WireMapper.ToModel(item, Profile.Kind));
            }

            return models;
        }

        /// <summary>Fetches a video's latest state (<c>GET /videos/{id}</c>).</summary>
        public Task<Video> RetrieveAsync(string videoId, CancellationToken cancellationToken = default) =>
            SendForVideoAsync(RetrieveRequest(videoId), cancellationToken);

        /// <summary>Fetches one page of videos (<c>GET /videos</c>).</summary>
        public async Task<VideoListPage> ListPageAsync(VideoListQuery? query = null, CancellationToken cancellationToken = default)
        {
            Profile.EnsureSupports(VideoOperation.List);
            query ??= new VideoListQuery();
            RequestValidator.Validate(query);
            var request = new ApiRequest(HttpMethod.Get, "videos", "list videos")
                .WithQuery("limit", query.PageSize?.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .WithQuery("order", query.Order)
                .WithQuery("after", query.After);
            foreach (var pair in Profile.ListQuery)
            {
                request.WithQuery(pair.Key, pair.Value);
            }

            var wire = await SendJsonAsync(request, WireJsonContext.Default.VideoListWire, cancellationToken).ConfigureAwait(false);
            var videos = new List<Video>(wire.Data?.Count ?? 0);
            foreach (var item in wire.Data ?? new List<VideoWire>())
            {
                videos.Add(WireMapper.ToVideo(item));
            }

            // Without has_more (SGLang) another page may follow when this one is full, or when no page size was asked
            // for (the server's own is unknown): the next request says, and an empty page ends the list.
            var hasMore = wire.HasMore ?? (videos.Count > 0 && (query.PageSize is null || videos.Count >= query.PageSize));
            return new VideoListPage
            {
                Data = videos,
                FirstId = wire.FirstId ?? (videos.Count > 0 ? videos[0].Id : null),
                LastId = wire.LastId ?? (videos.Count > 0 ? videos[videos.Count - 1].Id : null),
                HasMore = hasMore,
                HasMoreInferred = wire.HasMore is null,
            };
        }

        /// <summary>
        /// Every video, page after page (<c>after</c> = the previous page's last id while <c>has_more</c>, or while pages
        /// come back non-empty from a server that sends no <c>has_more</c>), holding one page in memory at a time.
        /// </summary>
        public async IAsyncEnumerable<Video> ListAsync(VideoListQuery? query = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            var pageQuery = new VideoListQuery { PageSize = query?.PageSize, Order = query?.Order, After = query?.After };
            string? previousFirstId = null;
            while (true)
            {
                var page = await ListPageAsync(pageQuery, cancellationToken).ConfigureAwait(false);
                if (page.HasMoreInferred && page.FirstId is not null && page.FirstId == previousFirstId)
                {
                    yield break; // the server ignores `after` and answered the same page again: it has no further pages to give
                }

                previousFirstId = page.FirstId;
                foreach (var video in page.Data)
                {
                    yield return video;
                }

                var next = page.LastId ?? (page.Data.Count > 0 ? page.Data[page.Data.Count - 1].Id : null);
                if (!page.HasMore || page.Data.Count == 0)
                {
                    yield break;
                }

                if ((next is null || next == pageQuery.After) && page.HasMoreInferred)
                {
                    yield break; // no has_more and no new cursor: the end, as far as this server can say
                }

                if (next is null || next == pageQuery.After)
                {
                    throw new VideoApiException(VideoErrorIds.InvalidResponse, VideoErrorCategory.ProtocolError,
                        $"The server said more videos follow but gave no new cursor after '{pageQuery.After}'; stopping rather than looping.");
                }

                pageQuery.After = next;
            }
        }

        /// <summary>Deletes a completed or failed video (<c>DELETE /videos/{id}</c>).</summary>
        public async Task<VideoDeletionResult> DeleteAsync(string videoId, CancellationToken cancellationToken = default)
        {
            Profile.EnsureSupports(VideoOperation.Delete, videoId);
            var request = VideoRequest(HttpMethod.Delete, videoId, string.Empty, "delete video");
            var wire = await SendJsonAsync(request, WireJsonContext.Default.DeletedVideoWire, cancellationToken).ConfigureAwait(false);
            return WireMapper.ToDeletion(wire, videoId);
        }

        /// <summary>Makes a new video from a completed one with a changed prompt (<c>POST /videos/{id}/remix</c>).</summary>
        public Task<Video> RemixAsync(string videoId, string prompt, CancellationToken cancellationToken = default)
        {
            Profile.EnsureSupports(VideoOperation.Remix, videoId);
            RequestValidator.ValidateId(videoId, "video");
            RequestValidator.ValidatePrompt(prompt);
            var request = PaidRequest($"videos/{Uri.EscapeDataString(videoId)}/remix", "remix video", new RequestBody().Field("prompt", prompt));
            request.Resource = ApiResource.Video;
            request.ResourceId = videoId;
            return SendForVideoAsync(request, cancellationToken);
        }

        /// <summary>Continues a completed video with a new segment (<c>POST /videos/extensions</c>).</summary>
        public Task<Video> ExtendAsync(VideoExtendRequest request, CancellationToken cancellationToken = default)
        {
            RequestValidator.Validate(request);
            Profile.EnsureSupports(VideoOperation.Extend, request.VideoId);
            var (path, body) = Profile.ExtendRequest(request);
            return SendForVideoAsync(SourcedRequest(path, "extend video", body, request.VideoId), cancellationToken);
        }

        /// <summary>Makes a new video by editing a completed one (<c>POST /videos/edits</c>).</summary>
        public Task<Video> EditAsync(VideoEditRequest request, CancellationToken cancellationToken = default)
        {
            RequestValidator.Validate(request);
            Profile.EnsureSupports(VideoOperation.Edit, request.VideoId);
            var body = SourceVideoBody(request.VideoId, request.VideoFile)
                .Field("prompt", request.Prompt)
                .ExtraFields(request.AdditionalProperties);
            return SendForVideoAsync(SourcedRequest("videos/edits", "edit video", body, request.VideoId), cancellationToken);
        }

        /// <summary>Creates a character from an MP4 (<c>POST /videos/characters</c>, multipart only).</summary>
        public async Task<VideoCharacter> CreateCharacterAsync(VideoCharacterCreateRequest request, CancellationToken cancellationToken = default)
        {
            Profile.EnsureSupports(VideoOperation.CreateCharacter);
            RequestValidator.Validate(request);
            var body = new RequestBody().Field("name", request.Name).File("video", request.Video);
            var wire = await SendJsonAsync(PaidRequest("videos/characters", "create a character", body), WireJsonContext.Default.CharacterWire, cancellationToken).ConfigureAwait(false);
            return WireMapper.ToCharacter(wire);
        }

        /// <summary>Fetches a character (<c>GET /videos/characters/{id}</c>).</summary>
        public async Task<VideoCharacter> RetrieveCharacterAsync(string characterId, CancellationToken cancellationToken = default)
        {
            Profile.EnsureSupports(VideoOperation.RetrieveCharacter);
            RequestValidator.ValidateId(characterId, "character");
            var request = new ApiRequest(HttpMethod.Get, "videos/characters/" + Uri.EscapeDataString(characterId), "retrieve character")
            {
                Resource = ApiResource.Character,
                ResourceId = characterId,
            };
            var wire = await SendJsonAsync(request, WireJsonContext.Default.CharacterWire, cancellationToken).ConfigureAwait(false);
            return WireMapper.ToCharacter(wire);
        }

        /// <summary>Streams one content variant of a completed video into <paramref name="destination"/>.</summary>
        public Task<ContentDownloadResult> DownloadContentAsync(string videoId, VideoContentVariant variant, Stream destination,
            IProgress<ContentDownloadProgress>? progress = null, CancellationToken cancellationToken = default) =>
            Downloader.DownloadAsync(videoId, variant, destination, progress, cancellationToken);

        /// <summary>
        /// Downloads one content variant to a file atomically: written to a temporary file beside it, then renamed, so the
        /// destination is never partial whatever fails.
        /// </summary>
        public Task<ContentDownloadResult> DownloadContentToFileAsync(string videoId, VideoContentVariant variant, string path, bool overwrite,
            IProgress<ContentDownloadProgress>? progress = null, CancellationToken cancellationToken = default) =>
            Downloader.DownloadToFileAsync(videoId, variant, path, overwrite, progress, cancellationToken);

        /// <summary>Polls a video until it is terminal; see <see cref="VideoJobPoller.WaitAsync"/>.</summary>
        public Task<Video> WaitAsync(string videoId, VideoWaitOptions? options = null, IProgress<Video>? progress = null, CancellationToken cancellationToken = default) =>
            Poller.WaitAsync(videoId, options, progress, cancellationToken);

        /// <summary>Releases the HttpClient handle (the pooled connections stay for the next client).</summary>
        public void Dispose()
        {
            if (_ownsHttp)
            {
                _http.Dispose();
            }
        }

        /// <summary>
        /// Retrieve, also returning the server's advice on when to poll again: <c>openai-poll-after-ms</c> (OpenAI's SDKs),
        /// else <c>Retry-After</c> / <c>retry-after-ms</c> on the answer.
        /// </summary>
        internal async Task<(Video Video, TimeSpan? PollAfter)> RetrieveWithPollHintAsync(string videoId, CancellationToken cancellationToken)
        {
            var request = RetrieveRequest(videoId);
            using var result = await _transport.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var video = ReadVideo(request, result);
            TimeSpan? pollAfter = null;
            if (result.Response.Headers.TryGetValues("openai-poll-after-ms", out var values))
            {
                foreach (var value in values)
                {
                    if (double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var ms) && ms >= 0)
                    {
                        pollAfter = TimeSpan.FromMilliseconds(ms);
                    }
                }
            }

            if (pollAfter is null && RetryRules.ServerRequestedDelay(result.Response.Headers, DateTimeOffset.UtcNow) is { } asked && asked >= TimeSpan.Zero)
            {
                pollAfter = asked;
            }

            return (video, pollAfter);
        }

        // A failed job's retrieve may come back as an error status carrying the video (vLLM-Omni): that is the answer.
        private ApiRequest RetrieveRequest(string videoId)
        {
            Profile.EnsureSupports(VideoOperation.Retrieve, videoId);
            var request = VideoRequest(HttpMethod.Get, videoId, string.Empty, "retrieve video");
            request.ErrorMayCarryFailedVideo = true;
            return request;
        }

        private static ApiRequest VideoRequest(HttpMethod method, string videoId, string suffix, string operation)
        {
            RequestValidator.ValidateId(videoId, "video");
            return new ApiRequest(method, "videos/" + Uri.EscapeDataString(videoId) + suffix, operation)
            {
                Resource = ApiResource.Video,
                ResourceId = videoId,
            };
        }

        private static ApiRequest PaidRequest(string path, string operation, RequestBody body, string? idempotencyKey = null) => new ApiRequest(HttpMethod.Post, path, operation)
        {
            Body = body,
            StartsPaidWork = true,
            IdempotencyKey = idempotencyKey ?? NewIdempotencyKey(),
        };

        /// <summary>A fresh <c>Idempotency-Key</c> value (<c>ovid_</c> + 32 hex digits).</summary>
        public static string NewIdempotencyKey() => "ovid_" + Guid.NewGuid().ToString("N");

        private static ApiRequest SourcedRequest(string path, string operation, RequestBody body, string? sourceVideoId)
        {
            var request = PaidRequest(path, operation, body);
            if (sourceVideoId is not null)
            {
                request.Resource = ApiResource.Video;
                request.ResourceId = sourceVideoId;
            }

            return request;
        }

        // The API takes the source as {video:{id}} in JSON, or as an uploaded file (multipart).
        private static RequestBody SourceVideoBody(string? videoId, UploadFile? file) =>
            file is not null
                ? new RequestBody().File("video", file)
                : new RequestBody().Field("video", new Dictionary<string, object?> { ["id"] = videoId });

        private async Task<Video> SendForVideoAsync(ApiRequest request, CancellationToken cancellationToken)
        {
            using var result = await _transport.SendAsync(request, cancellationToken).ConfigureAwait(false);
            return ReadVideo(request, result);
        }

        // A video without an id is no video: some gateways answer 200 with the error envelope, which is then
        // reported with the server's own words; anything else id-less is not the API.
        private Video ReadVideo(ApiRequest request, AttemptResult result)
        {
            var wire = Deserialize(request, result, WireJsonContext.Default.VideoWire);
            if (!string.IsNullOrEmpty(wire.Id))
            {
                return WireMapper.ToVideo(wire);
            }

            var body = Text(result.Body ?? Array.Empty<byte>());
            throw wire.Error is not null
                ? ApiErrorMapper.FromResponse(request, result.Response, body, _transport.BaseUri, Options.ApiKey)
                : ApiErrorMapper.InvalidBody(request, result.Response, body, _transport.BaseUri, new JsonException("The answer has no video id."));
        }

        private async Task<T> SendJsonAsync<T>(ApiRequest request, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        {
            using var result = await _transport.SendAsync(request, cancellationToken).ConfigureAwait(false);
            return Deserialize(request, result, type);
        }

        private T Deserialize<T>(ApiRequest request, AttemptResult result, JsonTypeInfo<T> type)
        {
            var body = result.Body ?? Array.Empty<byte>();
            var mediaType = result.Response.Content?.Headers.ContentType?.MediaType;
            if (mediaType is not null && mediaType.IndexOf("json", StringComparison.OrdinalIgnoreCase) < 0)
            {
                throw ApiErrorMapper.InvalidBody(request, result.Response, Text(body), _transport.BaseUri, null);
            }

            try
            {
                return JsonSerializer.Deserialize(body, type)
                    ?? throw new JsonException("The body was the JSON literal null.");
            }
            catch (JsonException exception)
            {
                throw ApiErrorMapper.InvalidBody(request, result.Response, Text(body), _transport.BaseUri, exception);
            }
        }

        private string Text(byte[] body)
        {
            var text = System.Text.Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 4096));
            return Options.ApiKey is null ? text : Options.ApiKey.Redact(text);
        }
    }
}
