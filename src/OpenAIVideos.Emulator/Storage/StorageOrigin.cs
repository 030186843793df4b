using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using OpenAIVideos.Emulator.Content;
using OpenAIVideos.Emulator.Hosting;
using OpenAIVideos.Emulator.Http;
using OpenAIVideos.Emulator.Jobs;

namespace OpenAIVideos.Emulator.Storage
{
    /// <summary>
    /// A second loopback origin standing in for the storage host a hosted service names in its result URLs (Gemini's
    /// <c>url</c>, OpenRouter's signed <c>urls</c>): each completed video is served at an unguessable path, the same bytes
    /// as the API's content route, with single-range support and no authentication (a bearer link). It records every
    /// request with whether a credential came along, so tests can prove a client keeps its API key to the API's origin.
    /// Served by its own <see cref="SocketHost"/>, the host of the API itself.
    /// </summary>
    internal sealed class StorageOrigin : IHttpApplication, IAsyncDisposable
    {
        private static readonly string[] CredentialHeaders =
            { "Authorization", "api-key", "x-api-key", "x-goog-api-key", "x-litellm-api-key", "Cookie", "Proxy-Authorization" };

        private readonly ConcurrentDictionary<string, string> _tokenByJob = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, string> _jobByToken = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        private SocketHost? _host;

        public StorageOrigin(EmulatorState state) => State = state;

        public EmulatorState State { get; }

        /// <summary>The origin's root, e.g. <c>http://127.0.0.1:PORT/</c>; null until started.</summary>
        public Uri? BaseUri => _host?.RootUri;

        public StorageRequestLog Log { get; } = new StorageRequestLog();

        /// <summary>
        /// Listens on <see cref="EmulatorOptions.BindAddress"/> and <see cref="EmulatorOptions.StoragePort"/> (a free port
        /// when unset); a port in use is an <see cref="EmulatorPortInUseException"/>.
        /// </summary>
        public void Start() => _host = SocketHost.Start(this, State.Options.BindAddress, State.Options.StoragePort ?? 0);

        /// <summary>The bearer link of a video's MP4 on this origin.</summary>
        public Uri UrlFor(VideoJob job)
        {
            Uri root = BaseUri ?? throw new InvalidOperationException("The storage origin has not been started.");
            string token = _tokenByJob.GetOrAdd(job.Id, id =>
            {
                string fresh = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
                _jobByToken[fresh] = id;
                return fresh;
            });
            return new Uri(root, $"files/{token}.mp4");
        }

        public async ValueTask DisposeAsync()
        {
            if (_host != null)
            {
                await _host.DisposeAsync().ConfigureAwait(false);
            }
        }

        public async Task HandleAsync(ApiContext context)
        {
            int status = 500;
            try
            {
                status = await ServeAsync(context.Request, context.Response, context);
            }
            finally
            {
                Record(context.Request, status);
            }
        }

        private async Task<int> ServeAsync(ApiRequest request, ApiResponse response, ApiContext context)
        {
            string path = request.Path;
            bool head = request.Method == "HEAD";
            if (request.Method != "GET" && !head)
            {
                response.Headers["Allow"] = "GET, HEAD";
                return await WriteTextAsync(context, 405, "Method Not Allowed");
            }

            VideoJob? job = path.StartsWith("/files/", StringComparison.Ordinal) && path.EndsWith(".mp4", StringComparison.Ordinal)
                && _jobByToken.TryGetValue(path.Substring(7, path.Length - 11), out string? id)
                ? State.Videos.Find(id)
                : null;
            JobState? jobState = job is null ? null : State.StateOf(job);
            if (job is null || jobState!.Status != JobState.Completed)
            {
                return await WriteTextAsync(context, 404, "The specified key does not exist.");
            }

            if (jobState.IsContentExpired(State.Now))
            {
                return await WriteTextAsync(context, 403, "Request has expired.");
            }

            var body = VideoContentBody.For(job, "video");
            long start = 0, count = body.Length;
            response.ContentType = body.ContentType;
            response.Headers["Accept-Ranges"] = "bytes";
            int status = 200;
            if (ByteRange.TryParse(request.Headers["Range"], body.Length, out ByteRange range, out bool unsatisfiable))
            {
                (start, count, status) = (range.Start, range.Length, 206);
                response.Headers["Content-Range"] = $"bytes {start}-{start + count - 1}/{body.Length}";
            }
            else if (unsatisfiable)
            {
                response.Headers["Content-Range"] = "bytes */" + body.Length.ToString(CultureInfo.InvariantCulture);
                return await WriteTextAsync(context, 416, "Requested range not satisfiable.");
            }

            response.StatusCode = status;
            response.ContentLength = count;
            if (!head)
            {
                await body.WriteAsync(response.Body, start, count, State.Statistics.RecordContentBytes, context.RequestAborted);
            }

            return status;
        }

        private static async Task<int> WriteTextAsync(ApiContext context, int status, string text)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(text);
            context.Response.StatusCode = status;
            context.Response.ContentType = "text/plain; charset=utf-8";
            context.Response.ContentLength = bytes.Length;
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
            return status;
        }

        private void Record(ApiRequest request, int status)
        {
            string pathAndQuery = request.Path + request.QueryString;
            string[] names = request.Headers.Select(header => header.Key).ToArray();
            string? key = State.Options.ApiKey;
            bool containsKey = !string.IsNullOrEmpty(key) && (pathAndQuery.Contains(key, StringComparison.Ordinal)
                || names.Any(name => request.Headers[name].Contains(key, StringComparison.Ordinal)));
            bool credential = names.Any(name => CredentialHeaders.Contains(name, StringComparer.OrdinalIgnoreCase))
                || request.Query.TryGetValue("key", out _);
            Log.Add(new StorageRequest(State.Now, request.Method, pathAndQuery, names,
                request.Headers.ContainsKey("Authorization"), credential, containsKey, status));
        }
    }
}
