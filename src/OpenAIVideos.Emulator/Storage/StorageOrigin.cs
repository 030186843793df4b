using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using OpenAIVideos.Emulator.Content;
using OpenAIVideos.Emulator.Hosting;
using OpenAIVideos.Emulator.Jobs;

namespace OpenAIVideos.Emulator.Storage
{
    /// <summary>
    /// A second loopback origin standing in for the storage host a hosted service names in its result URLs (Gemini's
    /// <c>url</c>, OpenRouter's signed <c>urls</c>): each completed video is served at an unguessable path, the same bytes
    /// as the API's content route, with single-range support and no authentication (a bearer link). It records every
    /// request with whether a credential came along, so tests can prove a client keeps its API key to the API's origin.
    /// Plain <see cref="HttpListener"/>, so it needs nothing from the API's web host.
    /// </summary>
    internal sealed class StorageOrigin : IDisposable
    {
        private static readonly string[] CredentialHeaders =
            { "Authorization", "api-key", "x-api-key", "x-goog-api-key", "x-litellm-api-key", "Cookie", "Proxy-Authorization" };

        private readonly EmulatorState _state;
        private readonly ConcurrentDictionary<string, string> _tokenByJob = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, string> _jobByToken = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        private HttpListener? _listener;

        public StorageOrigin(EmulatorState state) => _state = state;

        /// <summary>The origin's root, e.g. <c>http://127.0.0.1:PORT/</c>; null until started.</summary>
        public Uri? BaseUri { get; private set; }

        public StorageRequestLog Log { get; } = new StorageRequestLog();

        /// <summary>Listens on <see cref="EmulatorOptions.BindAddress"/> and <see cref="EmulatorOptions.StoragePort"/> (a free port when unset).</summary>
        public void Start()
        {
            IPAddress address = _state.Options.BindAddress;
            string host = address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) ? "+"
                : address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
            if (OperatingSystem.IsWindows() && IPAddress.IsLoopback(address))
            {
                // http.sys lets a non-administrator listen on "localhost" prefixes only (untested here: CI runs on Linux).
                host = "localhost";
            }

            string advertised = host == "+" ? "127.0.0.1" : host;
            for (int attempt = 0; ; attempt++)
            {
                int port = _state.Options.StoragePort ?? FreePort(address);
                var listener = new HttpListener();
                listener.Prefixes.Add($"http://{host}:{port}/");
                try
                {
                    listener.Start();
                }
                catch (HttpListenerException) when (_state.Options.StoragePort is null && attempt < 10)
                {
                    // Another process took the port between probing and binding; probe again.
                    listener.Close();
                    continue;
                }

                _listener = listener;
                BaseUri = new Uri($"http://{advertised}:{port}/");
                _ = Task.Run(AcceptLoopAsync);
                return;
            }
        }

        /// <summary>The bearer link of a video's MP4 on this origin.</summary>
        public Uri UrlFor(VideoJob job)
        {
            Uri root = BaseUri ?? throw new InvalidOperationException("The storage origin has not been started.");
            string token = _tokenByJob.GetOrAdd(job.Id, id =>
            {
                string fresh = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
                _jobByToken[fresh] = id;
                return fresh;
            });
            return new Uri(root, $"files/{token}.mp4");
        }

        public void Dispose()
        {
            _stopping.Cancel();
            _listener?.Close();
        }

        private static int FreePort(IPAddress address)
        {
            var probe = new TcpListener(address, 0);
            probe.Start();
            int port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            return port;
        }

        private async Task AcceptLoopAsync()
        {
            while (!_stopping.IsCancellationRequested)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener!.GetContextAsync();
                }
                catch (Exception error) when (error is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }

                _ = Task.Run(() => HandleAsync(context));
            }
        }

        private async Task HandleAsync(HttpListenerContext context)
        {
            HttpListenerRequest request = context.Request;
            HttpListenerResponse response = context.Response;
            try
            {
                await ServeAsync(request, response);
            }
            catch (Exception error) when (error is HttpListenerException or System.IO.IOException or OperationCanceledException)
            {
                // The client went away mid-body; what was asked was recorded before the body was sent.
            }
            finally
            {
                try
                {
                    response.Close();
                }
                catch (Exception error) when (error is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                }
            }
        }

        private async Task<int> ServeAsync(HttpListenerRequest request, HttpListenerResponse response)
        {
            string path = request.Url?.AbsolutePath ?? "/";
            bool head = request.HttpMethod == "HEAD";
            if (request.HttpMethod != "GET" && !head)
            {
                response.Headers["Allow"] = "GET, HEAD";
                return WriteText(request, response, 405, "Method Not Allowed");
            }

            VideoJob? job = path.StartsWith("/files/", StringComparison.Ordinal) && path.EndsWith(".mp4", StringComparison.Ordinal)
                && _jobByToken.TryGetValue(path.Substring(7, path.Length - 11), out string? id)
                ? _state.Videos.Find(id)
                : null;
            JobState? jobState = job is null ? null : _state.StateOf(job);
            if (job is null || jobState!.Status != JobState.Completed)
            {
                return WriteText(request, response, 404, "The specified key does not exist.");
            }

            if (jobState.IsContentExpired(_state.Now))
            {
                return WriteText(request, response, 403, "Request has expired.");
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
                return WriteText(request, response, 416, "Requested range not satisfiable.");
            }

            response.StatusCode = status;
            response.ContentLength64 = count;
            Record(request, status); // before the body: a client that has read it all finds its request logged
            if (!head)
            {
                await body.WriteAsync(response.OutputStream, start, count, _state.Statistics.RecordContentBytes, _stopping.Token);
            }

            return status;
        }

        private int WriteText(HttpListenerRequest request, HttpListenerResponse response, int status, string text)
        {
            Record(request, status);
            byte[] bytes = Encoding.UTF8.GetBytes(text);
            response.StatusCode = status;
            response.ContentType = "text/plain; charset=utf-8";
            response.ContentLength64 = bytes.Length;
            response.OutputStream.Write(bytes);
            return status;
        }

        private void Record(HttpListenerRequest request, int status)
        {
            string pathAndQuery = request.Url?.PathAndQuery ?? request.RawUrl ?? "/";
            string[] names = request.Headers.AllKeys.Where(name => name != null).Select(name => name!).ToArray();
            string? key = _state.Options.ApiKey;
            bool containsKey = !string.IsNullOrEmpty(key) && (pathAndQuery.Contains(key, StringComparison.Ordinal)
                || names.Any(name => (request.Headers[name] ?? string.Empty).Contains(key, StringComparison.Ordinal)));
            bool credential = names.Any(name => CredentialHeaders.Contains(name, StringComparer.OrdinalIgnoreCase))
                || request.QueryString["key"] != null;
            Log.Add(new StorageRequest(_state.Now, request.HttpMethod, pathAndQuery, names,
                request.Headers["Authorization"] != null, credential, containsKey, status));
        }
    }
}
