using System;
using System.Buffers;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using OpenAIVideos.Client.Serialization;
using Polly;
using Polly.Retry;

namespace OpenAIVideos.Client.Transport
{
    /// <summary>
    /// The single way requests reach a server: builds each attempt's message (URL, auth, identity headers), times it,
    /// retries it by the SDK contract (Polly runs the loop: attempt counting, cancellable delays), and maps failures to
    /// <see cref="VideoApiException"/>. It never writes the key anywhere but the auth header.
    /// </summary>
    internal sealed class ApiTransport
    {
        /// <summary>Larger JSON answers are refused rather than buffered: no video object is anywhere near this.</summary>
        internal const int MaxJsonBytes = 16 * 1024 * 1024;
        private const int MaxErrorBodyBytes = 64 * 1024;

        private readonly VideoClientOptions _options;
        private readonly HttpClient _http;
        private readonly Action<string>? _log;
        private readonly Uri _baseUri;
        private readonly ServerProfile _profile;
        private readonly Lazy<ResiliencePipeline<AttemptResult>> _pipeline;
        private readonly Random _jitter = new Random();

        public ApiTransport(VideoClientOptions options, HttpClient http, Action<string>? log)
        {
            _options = options;
            _http = http;
            _log = log;
            _baseUri = new Uri(options.BaseUri.AbsoluteUri.TrimEnd('/') + "/");
            _profile = options.Profile;
            // Built on the first retry only: nearly every call succeeds at once, and a client is created per cmdlet call.
            _pipeline = new Lazy<ResiliencePipeline<AttemptResult>>(BuildPipeline);
        }

        public VideoClientOptions Options => _options;

        public Uri BaseUri => _baseUri;

        /// <summary>The server's dialect.</summary>
        public ServerProfile Profile => _profile;

        /// <summary>Sends a request and returns its success answer with the whole body read.</summary>
        public Task<AttemptResult> SendAsync(ApiRequest request, CancellationToken cancellationToken) =>
            ExecuteAsync(request, streamBody: false, cancellationToken);

        /// <summary>Sends a request and returns its success answer with the body still unread (for downloads).</summary>
        public Task<AttemptResult> SendStreamingAsync(ApiRequest request, CancellationToken cancellationToken) =>
            ExecuteAsync(request, streamBody: true, cancellationToken);

        /// <summary>Logs a line through the caller's sink (PowerShell's verbose stream), never with secrets.</summary>
        public void Log(string message)
        {
            if (_log is not null)
            {
                _log(_options.ApiKey is null ? message : _options.ApiKey.Redact(message));
            }
        }

        /// <summary>The delay before a retry the transport does not drive itself (a download's resumed body).</summary>
        public TimeSpan BackoffDelay(int retriesSoFar) => RetryRules.Delay(retriesSoFar, null, _options.MaxRetryAfter, DateTimeOffset.UtcNow, NextJitter());

        private async Task<AttemptResult> ExecuteAsync(ApiRequest request, bool streamBody, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Nearly every call succeeds at once, so the first attempt is made outside the retry pipeline (whose
            // context and async layers are most of this class's per-call cost); the pipeline is entered only with an
            // outcome that asks for a retry, and then decides, waits and tries again as if it had made that attempt.
            Outcome<AttemptResult> outcome;
            try
            {
                outcome = await AttemptAsync(request, streamBody, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                outcome = Outcome.FromException<AttemptResult>(exception); // as the pipeline captures what an attempt throws
            }

            if (_options.MaxRetries > 0 && ShouldRetry(outcome))
            {
                outcome = await RetryAsync(new RetryAttempts(this, request, streamBody, outcome), cancellationToken).ConfigureAwait(false);
            }

            if (outcome.Exception is not null)
            {
                if (outcome.Exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
                {
                    throw new OperationCanceledException("The operation was cancelled.", outcome.Exception, cancellationToken);
                }

                if (outcome.Exception is AttemptFailure failure)
                {
                    throw new VideoApiException(failure.ErrorId, failure.Category, $"Could not {Describe(request)}: {failure.Message}", failure.InnerException)
                    {
                        VideoId = request.Resource == ApiResource.Video ? request.ResourceId : null,
                    };
                }

                // Anything else is a bug or misuse, rethrown with the stack trace it was thrown with.
                ExceptionDispatchInfo.Capture(outcome.Exception).Throw();
            }

            var result = outcome.Result!;
            if (!result.IsSuccess)
            {
                using (result)
                {
                    throw ApiErrorMapper.FromResponse(request, result.Response, result.ErrorBody, _options.BaseUri, _options.ApiKey);
                }
            }

            return result;
        }

        private async Task<Outcome<AttemptResult>> RetryAsync(RetryAttempts attempts, CancellationToken cancellationToken)
        {
            var context = ResilienceContextPool.Shared.Get(cancellationToken);
            try
            {
                return await _pipeline.Value.ExecuteOutcomeAsync(
                    async (ctx, state) => await state.NextAsync(ctx.CancellationToken).ConfigureAwait(false),
                    context,
                    attempts).ConfigureAwait(false);
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }
        }

        private static bool ShouldRetry(Outcome<AttemptResult> outcome) =>
            outcome.Result?.Retryable ?? (outcome.Exception as AttemptFailure)?.Retryable ?? false;

        private ResiliencePipeline<AttemptResult> BuildPipeline()
        {
            if (_options.MaxRetries <= 0)
            {
                return ResiliencePipeline<AttemptResult>.Empty;
            }

            return new ResiliencePipelineBuilder<AttemptResult>()
                .AddRetry(new RetryStrategyOptions<AttemptResult>
                {
                    MaxRetryAttempts = _options.MaxRetries,
                    ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Outcome)),
                    DelayGenerator = args => new ValueTask<TimeSpan?>(
                        RetryRules.Delay(args.AttemptNumber, args.Outcome.Result?.Response.Headers, _options.MaxRetryAfter, DateTimeOffset.UtcNow, NextJitter())),
                    OnRetry = args =>
                    {
                        var reason = args.Outcome.Result is { } failed
                            ? $"HTTP {(int)failed.Response.StatusCode}"
                            : args.Outcome.Exception?.Message ?? "a failure";
                        args.Outcome.Result?.Dispose();
                        Log($"Retrying after {reason}: attempt {args.AttemptNumber + 2} of {_options.MaxRetries + 1} in {args.RetryDelay.TotalSeconds:0.###} s.");
                        return default;
                    },
                })
                .Build();
        }

        private async ValueTask<Outcome<AttemptResult>> AttemptAsync(ApiRequest request, bool streamBody, CancellationToken cancellationToken)
        {
            if (_options.Backoff is { } backoff)
            {
                await backoff.WaitAsync(cancellationToken).ConfigureAwait(false);
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.RequestTimeout);
            var started = Stopwatch.GetTimestamp(); // a timestamp, not a Stopwatch object: this runs on every call
            HttpResponseMessage response;
            using (var message = BuildMessage(request))
            {
                try
                {
                    response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }
                catch (OperationCanceledException exception)
                {
                    var connectTimedOut = exception.InnerException is TimeoutException && ElapsedSince(started) < _options.RequestTimeout;
                    return Outcome.FromException<AttemptResult>(connectTimedOut
                        ? new AttemptFailure(VideoErrorIds.ConnectionFailed, VideoErrorCategory.ConnectionError,
                            $"no connection to {_baseUri.Authority} within {_options.ConnectTimeout.TotalSeconds:0.#} s.", retryable: true, exception)
                        : new AttemptFailure(VideoErrorIds.RequestTimedOut, VideoErrorCategory.OperationTimeout,
                            $"no answer from {_baseUri.Authority} within {_options.RequestTimeout.TotalSeconds:0.#} s.", retryable: true, exception));
                }
                catch (HttpRequestException exception)
                {
                    return Outcome.FromException<AttemptResult>(new AttemptFailure(VideoErrorIds.ConnectionFailed, VideoErrorCategory.ConnectionError,
                        $"the connection to {_baseUri.Authority} failed ({Innermost(exception).Message}).", retryable: true, exception));
                }
            }

            if (_log is not null)
            {
                // Built only when someone listens: on the hot path of every call otherwise.
                Log($"{request.Method} {request.Path} -> {(int)response.StatusCode} in {(long)ElapsedSince(started).TotalMilliseconds} ms"
                    + (ApiErrorMapper.RequestIdOf(response) is { } id ? $" (request id {id})" : string.Empty));
            }

            if (!response.IsSuccessStatusCode)
            {
                HoldSharedBackoff(response);
                var errorBody = await ReadTextAsync(response, MaxErrorBodyBytes, timeout.Token).ConfigureAwait(false);
                if (request.ErrorMayCarryFailedVideo && FailedVideoBody.Is(errorBody))
                {
                    return Outcome.FromResult(new AttemptResult(response, Encoding.UTF8.GetBytes(errorBody!), null, retryable: false, answered: true));
                }

                return Outcome.FromResult(new AttemptResult(response, null, errorBody, RetryRules.IsRetryable(response, errorBody)));
            }

            if (streamBody)
            {
                return Outcome.FromResult(new AttemptResult(response, null, null, retryable: false));
            }

            try
            {
                var body = await ReadBoundedAsync(response.Content, MaxJsonBytes, timeout.Token).ConfigureAwait(false);
                return Outcome.FromResult(new AttemptResult(response, body, null, retryable: false));
            }
            catch (Exception exception) when (exception is IOException or HttpRequestException || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                response.Dispose();
                // The server accepted paid work; sending it again could pay twice, so the loss is reported instead.
                return Outcome.FromException<AttemptResult>(request.StartsPaidWork
                    ? new AttemptFailure(VideoErrorIds.ResponseLost, VideoErrorCategory.ConnectionError,
                        "the server accepted the request but its answer was lost. It was not sent again, so as not to pay twice: "
                        + "list recent videos (Get-Video -First 5) to find the job before trying again.", retryable: false, exception)
                    : new AttemptFailure(VideoErrorIds.ConnectionFailed, VideoErrorCategory.ConnectionError,
                        $"the answer from {_baseUri.Authority} was cut off ({Innermost(exception).Message}).", retryable: true, exception));
            }
            catch (InvalidDataException exception)
            {
                response.Dispose();
                return Outcome.FromException<AttemptResult>(new AttemptFailure(VideoErrorIds.InvalidResponse, VideoErrorCategory.ProtocolError,
                    exception.Message, retryable: false, exception));
            }
        }

        // A 429, or a 503 that names a delay, speaks for the server, not for this one request: close the shared gate.
        private void HoldSharedBackoff(HttpResponseMessage response)
        {
            var status = (int)response.StatusCode;
            if (_options.Backoff is not { } backoff || (status != 429 && status != 503))
            {
                return;
            }

            var requested = RetryRules.ServerRequestedDelay(response.Headers, DateTimeOffset.UtcNow);
            if (status == 429 || requested is not null)
            {
                var delay = requested is { } asked && asked > TimeSpan.Zero && asked <= _options.MaxRetryAfter ? asked : ServerBackoffGate.DefaultHold;
                backoff.HoldFor(delay);
                Log($"The server asked to slow down (HTTP {status}): every request of this run waits {delay.TotalSeconds:0.###} s.");
            }
        }

        private HttpRequestMessage BuildMessage(ApiRequest request)
        {
            var ownOrigin = request.AbsoluteUri is null || IsOwnOrigin(request.AbsoluteUri);
            var message = new HttpRequestMessage(request.Method, request.AbsoluteUri ?? new Uri(Url(request)));
            var key = _options.ApiKey;
            if (key is not null && ownOrigin)
            {
                switch (_options.AuthenticationStyle)
                {
                    case AuthenticationStyle.Bearer:
                        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key.Reveal());
                        break;
                    case AuthenticationStyle.ApiKeyHeader:
                        message.Headers.TryAddWithoutValidation("api-key", key.Reveal());
                        break;
                    case AuthenticationStyle.LiteLLMKeyHeader:
                        message.Headers.TryAddWithoutValidation("x-litellm-api-key", key.Reveal());
                        break;
                }
            }

            if (!ownOrigin)
            {
                // A storage host gets a plain GET: no key, no organisation or project, no idempotency key.
                message.Headers.TryAddWithoutValidation("User-Agent", UserAgent.Value);
                foreach (var header in request.Headers)
                {
                    message.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }

                return message;
            }

            if (_options.Organization is not null)
            {
                message.Headers.TryAddWithoutValidation("OpenAI-Organization", _options.Organization);
            }

            if (_options.Project is not null)
            {
                message.Headers.TryAddWithoutValidation("OpenAI-Project", _options.Project);
            }

            message.Headers.TryAddWithoutValidation("User-Agent", UserAgent.Value);
            if (request.IdempotencyKey is not null)
            {
                message.Headers.TryAddWithoutValidation("Idempotency-Key", request.IdempotencyKey);
            }

            foreach (var header in request.Headers)
            {
                message.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            // Contains, not Accept.Count: counting parses the header into objects on every request just to add a constant.
            if (!message.Headers.Contains("Accept"))
            {
                message.Headers.TryAddWithoutValidation("Accept", "application/json");
            }

            if (request.Body is not null)
            {
                message.Content = request.Body.CreateContent(_profile.Encoding);
            }

            return message;
        }

        private string Url(ApiRequest request)
        {
            var url = new StringBuilder(_baseUri.AbsoluteUri).Append(request.Path);
            for (var i = 0; i < request.Query.Count; i++)
            {
                url.Append(i == 0 ? '?' : '&').Append(Uri.EscapeDataString(request.Query[i].Key)).Append('=').Append(Uri.EscapeDataString(request.Query[i].Value));
            }

            if (_profile.ApiVersion is { } apiVersion)
            {
                url.Append(request.Query.Count == 0 ? '?' : '&').Append("api-version=").Append(Uri.EscapeDataString(apiVersion));
            }

            return url.ToString();
        }

        /// <summary>True when <paramref name="uri"/> is on the base URI's origin (scheme, host and port), the only one the key may go to.</summary>
        public bool IsOwnOrigin(Uri uri) =>
            string.Equals(uri.Scheme, _baseUri.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(uri.IdnHost, _baseUri.IdnHost, StringComparison.OrdinalIgnoreCase)
            && uri.Port == _baseUri.Port;

        private static async Task<byte[]> ReadBoundedAsync(HttpContent content, int maxBytes, CancellationToken cancellationToken)
        {
            if (content.Headers.ContentLength is long declared && declared > maxBytes)
            {
                throw new InvalidDataException($"the answer is {declared:N0} bytes of JSON, more than the {maxBytes:N0} a Videos API answer can need.");
            }

            using var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
            if (content.Headers.ContentLength is long expected)
            {
                // The usual case: read straight into an array of the declared size, with no staging chunk or copy.
                var body = new byte[expected];
                var filled = 0;
                while (filled < body.Length)
                {
                    var got = await stream.ReadAsync(body, filled, body.Length - filled, cancellationToken).ConfigureAwait(false);
                    if (got == 0)
                    {
                        throw new IOException($"the body ended after {filled:N0} of {expected:N0} bytes.");
                    }

                    filled += got;
                }

                return body;
            }

            using var buffer = new MemoryStream(4096);
            var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
            try
            {
                int read;
                while ((read = await stream.ReadAsync(chunk, 0, chunk.Length, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    if (buffer.Length + read > maxBytes)
                    {
                        throw new InvalidDataException($"the answer is more than {maxBytes:N0} bytes of JSON, more than a Videos API answer can need.");
                    }

                    buffer.Write(chunk, 0, read);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }

            return buffer.ToArray();
        }

        private async Task<string?> ReadTextAsync(HttpResponseMessage response, int maxBytes, CancellationToken cancellationToken)
        {
            try
            {
                using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
                var buffer = new byte[maxBytes];
                var total = 0;
                int read;
                while (total < maxBytes && (read = await stream.ReadAsync(buffer, total, maxBytes - total, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    total += read;
                }

                var text = Encoding.UTF8.GetString(buffer, 0, total);
                return _options.ApiKey is null ? text : _options.ApiKey.Redact(text);
            }
            catch (Exception exception) when (exception is IOException or HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                return null; // the status alone still says what happened
            }
        }

        private static string Describe(ApiRequest request) => request.ResourceId is null ? request.Operation : $"{request.Operation} '{request.ResourceId}'";

        private double NextJitter()
        {
            lock (_jitter)
            {
                return _jitter.NextDouble();
            }
        }

        private static TimeSpan ElapsedSince(long timestamp) =>
            TimeSpan.FromSeconds((Stopwatch.GetTimestamp() - timestamp) / (double)Stopwatch.Frequency);

        private static Exception Innermost(Exception exception)
        {
            while (exception.InnerException is not null)
            {
                exception = exception.InnerException;
            }

            return exception;
        }

        /// <summary>
        /// What the retry pipeline runs: first the outcome of the attempt already made outside it, then fresh attempts,
        /// so the pipeline counts and spaces attempts exactly as if it had made the first one itself.
        /// </summary>
        private sealed class RetryAttempts
        {
            private readonly ApiTransport _transport;
            private readonly ApiRequest _request;
            private readonly bool _streamBody;
            private Outcome<AttemptResult>? _first;

            public RetryAttempts(ApiTransport transport, ApiRequest request, bool streamBody, Outcome<AttemptResult> first)
            {
                _transport = transport;
                _request = request;
                _streamBody = streamBody;
                _first = first;
            }

            public ValueTask<Outcome<AttemptResult>> NextAsync(CancellationToken cancellationToken)
            {
                if (_first is { } first)
                {
                    _first = null;
                    return new ValueTask<Outcome<AttemptResult>>(first);
                }

                return _transport.AttemptAsync(_request, _streamBody, cancellationToken);
            }
        }
    }
}
