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

        /// <summary>
        /// Decides the answer, records the request, then sends the answer: recorded before any byte leaves, so a client
        /// holding the whole answer always finds its request in <see cref="Log"/>.
        /// </summary>
        public async Task HandleAsync(ApiContext context)
        {
            StorageAnswer answer = Decide(context.Request, context.Response);
            Record(context.Request, answer.Status);
            context.Response.StatusCode = answer.Status;
            if (answer.Text != null)
            {
                byte[] bytes = Encoding.UTF8.GetBytes(answer.Text);
                context.Response.ContentType = "text/plain; charset=utf-8";
                context.Response.ContentLength = bytes.Length;
                await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
                return;
            }

            context.Response.ContentLength = answer.Count;
            if (context.Request.Method != "HEAD")
            {
                await answer.Body!.WriteAsync(context.Response.Body, answer.Start, answer.Count, State.Statistics.RecordContentBytes, context.RequestAborted);
            }
        }

        private StorageAnswer Decide(ApiRequest request, ApiResponse response)
        {
            string path = request.Path;
            if (request.Method != "GET" && request.Method != "HEAD")
            {
                response.Headers["Allow"] = "GET, HEAD";
                return StorageAnswer.Plain(405, "Method Not Allowed");
            }

            VideoJob? job = path.StartsWith("/files/", StringComparison.Ordinal) && path.EndsWith(".mp4", StringComparison.Ordinal)
                && _jobByToken.TryGetValue(path.Substring(7, path.Length - 11), out string? id)
                ? State.Videos.Find(id)
                : null;
            JobState? jobState = job is null ? null : State.StateOf(job);
            if (job is null || jobState!.Status != JobState.Completed)
            {
                return StorageAnswer.Plain(404, "The specified key does not exist.");
            }

            if (jobState.IsContentExpired(State.Now))
            {
                return StorageAnswer.Plain(403, "Request has expired.");
            }

            var body = VideoContentBody.For(job, "video");
            response.ContentType = body.ContentType;
            response.Headers["Accept-Ranges"] = "bytes";
            if (ByteRange.TryParse(request.Headers["Range"], body.Length, out ByteRange range, out bool unsatisfiable))
            {
                response.Headers["Content-Range"] = $"bytes {range.Start}-{range.Start + range.Length - 1}/{body.Length}";
                return new StorageAnswer(206, null, body, range.Start, range.Length);
            }

            if (unsatisfiable)
            {
                response.Headers["Content-Range"] = "bytes */" + body.Length.ToString(CultureInfo.InvariantCulture);
                return StorageAnswer.Plain(416, "Requested range not satisfiable.");
            }

            return new StorageAnswer(200, null, body, 0, body.Length);
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
