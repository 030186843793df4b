using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OpenAIVideos.Client;
using OpenAIVideos.Commands.Connection;
using OpenAIVideos.Commands.Errors;
using OpenAIVideos.Commands.Pipeline;

namespace OpenAIVideos.Commands
{
    /// <summary>
    /// What every cmdlet that calls the API shares: the connection parameters, one engine client per invocation, the
    /// dispatcher that keeps <c>Write*</c> on the pipeline thread, Ctrl+C cancellation, and error reporting.
    /// </summary>
    public abstract class VideoApiCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        private readonly PipelineDispatcher _dispatcher = new PipelineDispatcher();
        private readonly List<string> _createdToWait = new List<string>();
        private int _createdTimeoutSec;
        private VideosClient? _client;

        /// <summary>
        /// The API key for this call: a SecureString (<c>Read-Host -AsSecureString</c>) or plain text. Defaults to the
        /// session's (<c>Connect-OpenAIVideo</c>), then <c>$env:OPENAI_API_KEY</c>. Never displayed.
        /// </summary>
        [Parameter]
        public object? ApiKey { get; set; }

        /// <summary>The API root for this call, e.g. <c>http://127.0.0.1:5080/v1</c>. Defaults to the session's, then <c>$env:OPENAI_BASE_URL</c>, then OpenAI's.</summary>
        [Parameter]
        public Uri? BaseUri { get; set; }

        /// <summary>
        /// The kind of server for this call (Generic, OpenAI, Azure, LiteLLM, VllmOmni, SGLang, Gemini, OpenRouter): its dialect decides the
        /// encoding, key header and which operations exist. Defaults to the session's, else what the address suggests.
        /// </summary>
        [Parameter]
        public ServerKind Server { get; set; }

        /// <summary>The organization to send as <c>OpenAI-Organization</c>.</summary>
        [Parameter]
        public string? Organization { get; set; }

        /// <summary>The project to send as <c>OpenAI-Project</c>.</summary>
        [Parameter]
        public string? Project { get; set; }

        /// <summary>Retries after the first attempt on connection errors, timeouts, 408, 409, 429 and 5xx (default 2).</summary>
        [Parameter]
        [ValidateRange(0, 10)]
        public int MaxRetries { get; set; }

        /// <summary>The engine client for this invocation.</summary>
        protected VideosClient Client => _client ?? throw new InvalidOperationException("BeginProcessing has not run.");

        /// <summary>Queues work for the pipeline thread.</summary>
        protected PipelineDispatcher Dispatcher => _dispatcher;

        /// <summary>Cancelled by Ctrl+C.</summary>
        protected CancellationToken StopToken => _stopping.Token;

        /// <summary>Resolves the connection and creates the client; a missing key is a terminating error.</summary>
        protected override void BeginProcessing()
        {
            VideoClientOptions options;
            ConnectionSource source;
            try
            {
                options = ConnectionResolver.Resolve(ExplicitSettings(), out source);
            }
            catch (ArgumentException exception)
            {
                ThrowTerminatingError(ErrorRecordFactory.Create(exception,
                    VideoErrorReport.FromArgument(VideoErrorReport.InvalidConnectionParameterId, exception, null)));
                return;
            }

            var missing = ConnectionResolver.MissingKeyReason(options);
            if (missing is not null)
            {
                ThrowTerminatingError(ErrorRecordFactory.Create(new InvalidOperationException(missing),
                    VideoErrorReport.Of(ConnectionResolver.ApiKeyMissingErrorId, VideoErrorCategory.AuthenticationError, missing, options.BaseUri,
                        "Connect-OpenAIVideo -ApiKey (Read-Host -AsSecureString)")));
            }

            Action<string>? log = null;
            if (IsVerboseWanted())
            {
                // Only then: the engine formats a log line per request only when it has somewhere to send it.
                WriteVerbose($"Connecting to {options} (from {(IsConnectionGiven() ? "parameters over the " : string.Empty)}{source.ToString().ToLowerInvariant()}).");
                log = line => _dispatcher.Post(() => WriteVerbose(line));
            }

            _client = new VideosClient(options, log);
        }

        /// <summary>Cancels every engine call in flight.</summary>
        protected override void StopProcessing() => _stopping.Cancel();

        /// <summary>Waits for the videos created with -Wait (all together), then writes verbose lines the engine logged.</summary>
        protected override void EndProcessing()
        {
            if (_createdToWait.Count > 0)
            {
                WaitAllAndWrite(_createdToWait, new VideoWaitOptions { Timeout = _createdTimeoutSec > 0 ? TimeSpan.FromSeconds(_createdTimeoutSec) : (TimeSpan?)null });
            }

            _dispatcher.Drain();
        }

        /// <summary>
        /// Runs engine work off the pipeline thread while running what it posts on it; Ctrl+C becomes a pipeline stop.
        /// </summary>
        protected T Run<T>(Func<VideosClient, CancellationToken, Task<T>> work) => RunCore(work, settle: false);

        /// <summary>
        /// As <see cref="Run{T}"/>, but Ctrl+C returns only once the work has ended: a download then has either put its
        /// file in place or removed it when the prompt comes back, never renames it a few seconds later.
        /// </summary>
        protected T RunToEnd<T>(Func<VideosClient, CancellationToken, Task<T>> work) => RunCore(work, settle: true);

        private T RunCore<T>(Func<VideosClient, CancellationToken, Task<T>> work, bool settle)
        {
            try
            {
                return settle ? _dispatcher.RunToEnd(token => work(Client, token), StopToken) : _dispatcher.Run(token => work(Client, token), StopToken);
            }
            catch (OperationCanceledException) when (StopToken.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        /// <summary>
        /// Enumerates an engine sequence on the pipeline thread, handing each item to <paramref name="onItem"/> (which may
        /// write it) until the sequence ends or <paramref name="onItem"/> returns false; Ctrl+C becomes a pipeline stop.
        /// </summary>
        protected void ForEach<T>(Func<VideosClient, CancellationToken, IAsyncEnumerable<T>> source, Func<T, bool> onItem)
        {
            try
            {
                _dispatcher.ForEach(token => source(Client, token), onItem, StopToken);
            }
            catch (OperationCanceledException) when (StopToken.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        /// <summary>Runs engine work that returns nothing; see <see cref="Run{T}"/>.</summary>
        protected void Run(Func<VideosClient, CancellationToken, Task> work) =>
            Run<bool>(async (client, token) =>
            {
                await work(client, token).ConfigureAwait(false);
                return true;
            });

        /// <summary>
        /// Runs engine work for one item; an engine error becomes a non-terminating error (target: the video, else
        /// <paramref name="target"/>) so the pipeline goes on. Returns false when it failed.
        /// </summary>
        protected bool TryRun<T>(Func<VideosClient, CancellationToken, Task<T>> work, object? target, out T result)
        {
            try
            {
                result = Run(work);
                return true;
            }
            catch (VideoApiException exception)
            {
                WriteApiError(exception, target);
                result = default!;
                return false;
            }
        }

        /// <summary>Reports an engine error as non-terminating.</summary>
        protected void WriteApiError(VideoApiException exception, object? target) =>
            WriteError(ErrorRecordFactory.FromApiException(exception, target));

        /// <summary>Reports a bad argument as terminating.</summary>
        protected void ThrowArgumentError(Exception exception, string errorId, object? target) =>
            ThrowTerminatingError(ErrorRecordFactory.Create(exception, VideoErrorReport.FromArgument(errorId, exception, target)));

        /// <summary>
        /// Writes a just-created video, or with <paramref name="wait"/> keeps it to wait for at the end of the pipeline,
        /// together with every other video this invocation creates (<c>'a','b','c' | New-Video -Wait</c> takes one wait,
        /// not three in a row). <paramref name="timeoutSec"/> counts from there.
        /// </summary>
        protected void WriteCreated(Video created, bool wait, int timeoutSec)
        {
            if (!wait)
            {
                WriteObject(created);
                return;
            }

            _createdTimeoutSec = timeoutSec;
            _createdToWait.Add(created.Id);
        }

        /// <summary>
        /// Waits on all <paramref name="videoIds"/> at once under a <see cref="WaitProgressBoard"/> and writes each video
        /// as it finishes, in the order they finish; one that ends failed, cancelled or expired is written AND reported
        /// (VideoFailed, VideoCancelled, VideoExpired), one that cannot be waited on is reported. A server out of reach shows on the overall bar and as
        /// one warning per spell.
        /// </summary>
        protected void WaitAllAndWrite(IReadOnlyList<string> videoIds, VideoWaitOptions options)
        {
            var board = new WaitProgressBoard(videoIds);
            WriteProgressBar(board.Overall());
            var progress = new DispatchingProgress<Video>(_dispatcher, video =>
            {
                if (board.Polled(video) is { } bar)
                {
                    WriteProgressBar(bar);
                }

                if (board.OverallIfMoved() is { } overall)
                {
                    WriteProgressBar(overall);
                }
            });
            var warned = false;
            options.Reachability = new DispatchingProgress<ServerReachability>(_dispatcher, report =>
            {
                if (!report.Reachable && !warned)
                {
                    WriteWarning($"The server does not answer; retrying for up to {report.Limit.TotalSeconds:0} s. {report.Reason}");
                }

                warned = !report.Reachable;
                WriteProgressBar(report.Reachable ? board.Overall() : board.Overall(report.ToString()));
            });
            try
            {
                Run(async (client, token) =>
                {
                    await foreach (var outcome in client.Poller.WaitAllAsync(videoIds, options, progress, token).ConfigureAwait(false))
                    {
                        await _dispatcher.PostAsync(() =>
                        {
                            foreach (var bar in board.Finished(outcome.VideoId))
                            {
                                WriteProgressBar(bar);
                            }

                            WriteOutcome(outcome);
                        }, token).ConfigureAwait(false);
                    }
                });
            }
            finally
            {
                WriteProgressBar(board.Close());
            }
        }

        private void WriteOutcome(VideoWaitOutcome outcome)
        {
            if (outcome.Video is not null && (outcome.Succeeded || VideoJobPoller.IsJobEnding(outcome.Error!.ErrorId)))
            {
                WriteObject(outcome.Video);
            }

            if (outcome.Error is not null)
            {
                WriteApiError(outcome.Error, (object?)outcome.Video ?? outcome.VideoId);
            }
        }

        /// <summary>Writes one bar of a <see cref="WaitProgressBoard"/> (or any bar described the same way).</summary>
        protected void WriteProgressBar(ProgressBarUpdate bar) =>
            WriteProgress(new ProgressRecord(bar.ActivityId, bar.Activity, bar.Status)
            {
                ParentActivityId = bar.ParentActivityId,
                PercentComplete = bar.PercentComplete,
                RecordType = bar.Completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
            });

        /// <summary>
        /// The connection's model catalogue for a -WhatIf price: what is cached or documented, else (under -WhatIf only,
        /// where it replaces the paid call) one unbilled <c>GET /videos/models</c>; null when it cannot be had.
        /// </summary>
        protected System.Collections.Generic.IReadOnlyList<VideoModel>? ModelsForEstimate()
        {
            var known = VideoModelCatalogue.Peek(Client.Options);
            if (known is not null || !IsWhatIf())
            {
                return known;
            }

            try
            {
                return Run((client, token) => VideoModelCatalogue.GetAsync(client, cancellationToken: token));
            }
            catch (VideoApiException exception)
            {
                WriteVerbose($"No price: the model catalogue could not be read ({exception.Message}).");
                return null;
            }
        }

        /// <summary>
        /// Under -WhatIf, <c>, estimated cost $0.40</c> for a video made from <paramref name="videoId"/> (a remix or an
        /// extension), priced like a new video shaped by <paramref name="shape"/> from the source (read with one unbilled
        /// retrieve); empty otherwise, so a real run sends nothing extra.
        /// </summary>
        protected string SourceCostText(string videoId, Func<Video, VideoCreateRequest> shape)
        {
            if (!IsWhatIf())
            {
                return string.Empty;
            }

            try
            {
                var source = Run((client, token) => client.RetrieveAsync(videoId, token));
                return ", estimated cost " + VideoCostEstimator.Estimate(Client.Profile, ModelsForEstimate(), shape(source));
            }
            catch (VideoApiException exception)
            {
                WriteVerbose($"No price: the source video could not be read ({exception.Message}).");
                return ", estimated cost unknown";
            }
        }

        /// <summary>True when <c>-WhatIf</c> (or <c>$WhatIfPreference</c>) is in force: -Force must not bypass it.</summary>
        protected bool IsWhatIf()
        {
            if (MyInvocation.BoundParameters.TryGetValue("WhatIf", out var value) && value is SwitchParameter whatIf)
            {
                return whatIf.IsPresent;
            }

            return LanguagePrimitives.IsTrue(SessionState.PSVariable.GetValue("WhatIfPreference", false));
        }

        /// <summary>True when -Confirm is on the command line: -Force must not bypass what the user asked for here.</summary>
        protected bool IsConfirmGiven() =>
            MyInvocation.BoundParameters.TryGetValue("Confirm", out var value) && value is SwitchParameter confirm && confirm.IsPresent;

        /// <summary>
        /// Whether <c>WriteVerbose</c> would show anything: <c>-Verbose</c> (or <c>-Verbose:$false</c>) if given, else
        /// <c>$VerbosePreference</c> as the caller sees it.
        /// </summary>
        protected bool IsVerboseWanted()
        {
            if (MyInvocation.BoundParameters.TryGetValue("Verbose", out var value) && value is SwitchParameter verbose)
            {
                return verbose.IsPresent;
            }

            return SessionState.PSVariable.GetValue("VerbosePreference", ActionPreference.SilentlyContinue) is var preference
                && LanguagePrimitives.TryConvertTo(preference, out ActionPreference action)
                && action != ActionPreference.SilentlyContinue && action != ActionPreference.Ignore;
        }

        /// <summary>A PowerShell path as a file-system path, relative to PowerShell's location (not the process's).</summary>
        protected string ResolvePath(string path) => GetUnresolvedProviderPathFromPSPath(path);

        /// <summary>Unwraps PSObject values (for plain-C# helpers that must not know PowerShell types).</summary>
        protected static object? UnwrapPSObject(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;

        /// <summary>A hashtable of extra request fields as plain values.</summary>
        protected static System.Collections.Generic.IDictionary<string, object?> ToAdditionalProperties(Hashtable? table) =>
            ParameterValues.ToAdditionalProperties(table, UnwrapPSObject);

        /// <summary>Releases the client and the dispatcher.</summary>
        public void Dispose()
        {
            _client?.Dispose();
            _dispatcher.Dispose();
            _stopping.Dispose();
            GC.SuppressFinalize(this);
        }

        private bool IsConnectionGiven() =>
            MyInvocation.BoundParameters.ContainsKey(nameof(ApiKey)) || MyInvocation.BoundParameters.ContainsKey(nameof(BaseUri))
            || MyInvocation.BoundParameters.ContainsKey(nameof(Organization)) || MyInvocation.BoundParameters.ContainsKey(nameof(Project))
            || MyInvocation.BoundParameters.ContainsKey(nameof(MaxRetries)) || MyInvocation.BoundParameters.ContainsKey(nameof(Server));

        private VideoConnectionSettings ExplicitSettings() => new VideoConnectionSettings
        {
            ApiKey = ConnectionResolver.ToApiKey(ApiKey, UnwrapPSObject),
            BaseUri = BaseUri is null ? null : VideoClientOptions.ParseBaseUri(BaseUri.OriginalString),
            Organization = Organization,
            Project = Project,
            MaxRetries = MyInvocation.BoundParameters.ContainsKey(nameof(MaxRetries)) ? MaxRetries : (int?)null,
            Server = MyInvocation.BoundParameters.ContainsKey(nameof(Server)) ? Server : (ServerKind?)null,
        };
    }
}
