using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using OpenAIVideos.Emulator.Diagnostics;
using OpenAIVideos.Emulator.Faults;
using OpenAIVideos.Emulator.Hosting;
using OpenAIVideos.Emulator.Jobs;
using OpenAIVideos.Emulator.Storage;

using OpenAIVideos.Emulator.Http;

namespace OpenAIVideos.Emulator
{
    /// <summary>
    /// The emulator hosted in-process on a free loopback port, for tests. <see cref="BaseUri"/> ends in <c>/v1/</c>
    /// (<c>/openai/v1/</c> for Azure, <c>/v1beta/openai/</c> for Gemini, <c>/api/v1/</c> for OpenRouter), so relative paths
    /// such as <c>videos</c> resolve to API routes (the same convention as OpenAI's base URL).
    /// </summary>
    public sealed class VideoApiEmulator : IAsyncDisposable
    {
        private readonly EmulatorApplication _application;
        private readonly EmulatorState _state;
        private SocketHost? _host;

        private VideoApiEmulator(SocketHost host, EmulatorApplication application)
        {
            _host = host;
            _application = application;
            _state = application.State;
            RootUri = host.RootUri;
            BaseUri = new Uri(RootUri, _state.Dialect.ApiPrefix.TrimStart('/') + "/");
        }

        /// <summary>The API base, e.g. <c>http://127.0.0.1:PORT/v1/</c>; the flavor's own root for Azure, Gemini and OpenRouter.</summary>
        public Uri BaseUri { get; }

        /// <summary>The server root, e.g. <c>http://127.0.0.1:PORT/</c>; admin routes live at <c>_emulator/…</c> under it.</summary>
        public Uri RootUri { get; }

        /// <summary>The options the emulator was started with.</summary>
        public EmulatorOptions Options => _state.Options;

        /// <summary>Fault injection for the requests that follow.</summary>
        public FaultInjector Faults => _state.Faults;

        /// <summary>Counters of what was served.</summary>
        public EmulatorStatistics Statistics => _state.Statistics;

        /// <summary>Recent requests, with credentials redacted.</summary>
        public RequestLog RequestLog => _state.RequestLog;

        /// <summary>
        /// The second origin that serves result URLs (Gemini's <c>url</c>, OpenRouter's <c>urls</c>), e.g.
        /// <c>http://127.0.0.1:OTHERPORT/</c>; null for flavors that have none.
        /// </summary>
        public Uri? StorageUri => _state.Storage.BaseUri;

        /// <summary>Every request the storage origin received, with whether a credential or the API key came along.</summary>
        public StorageRequestLog StorageRequestLog => _state.Storage.Log;

        /// <summary>The clock the lifecycle reads (<see cref="EmulatorOptions.TimeProvider"/>); advance it to move jobs on.</summary>
        public TimeProvider Clock => _state.Options.TimeProvider;

        /// <summary>Starts the emulator on <see cref="EmulatorOptions.BindAddress"/> (loopback by default) and a free port.</summary>
        public static Task<VideoApiEmulator> StartAsync(EmulatorOptions? options = null, CancellationToken ct = default) =>
            StartAsync(options, port: 0, ct);

        /// <summary>
        /// Starts the emulator on <see cref="EmulatorOptions.BindAddress"/> and <paramref name="port"/> (0 takes a free
        /// one). Throws <see cref="EmulatorPortInUseException"/> when another program holds the port.
        /// </summary>
        public static Task<VideoApiEmulator> StartAsync(EmulatorOptions? options, int port, CancellationToken ct = default)
        {
            ct.ThrowIfCancellationRequested();
            EmulatorApplication application = EmulatorApplication.Build(options ?? new EmulatorOptions());
            SocketHost host = SocketHost.Start(application, application.State.Options.BindAddress, port);
            if (application.State.Dialect.UsesStorageOrigin)
            {
                try
                {
                    application.State.Storage.Start();
                }
                catch
                {
                    host.DisposeAsync().AsTask().GetAwaiter().GetResult();
                    throw;
                }
            }

            return Task.FromResult(new VideoApiEmulator(host, application));
        }

        /// <summary>Videos the emulator holds now (created and not deleted).</summary>
        public int StoredVideos => _state.Videos.Count;

        /// <summary>The flavor's name as the command line spells it (<c>openai</c>, <c>vllm-omni</c>, …).</summary>
        public string FlavorName => EmulatorFlavors.Name(Options.Flavor);

        /// <summary>
        /// An <see cref="HttpClient"/> whose base address is <see cref="BaseUri"/> and which sends
        /// <see cref="EmulatorOptions.ApiKey"/> (or a placeholder key when any key is accepted).
        /// </summary>
        public HttpClient CreateHttpClient() => CreateHttpClient(Options.ApiKey ?? "sk-emulator");

        /// <summary>
        /// An <see cref="HttpClient"/> whose base address is <see cref="BaseUri"/> and which sends <paramref name="apiKey"/>
        /// as <c>Authorization: Bearer</c> (every flavor reads it), e.g. to act as a second key of a LiteLLM or Azure flavor.
        /// </summary>
        public HttpClient CreateHttpClient(string apiKey)
        {
            var client = new HttpClient { BaseAddress = BaseUri };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
            return client;
        }

        /// <summary>Completes an unfinished video now. Returns false when it is unknown or already finished.</summary>
        public bool CompleteNow(string videoId) =>
            WithUnfinished(videoId, (job, now) => job.TrySetOutcome(new JobOutcome(now, 100, null, null)));

        /// <summary>Fails an unfinished video now with the given error. Returns false when it is unknown or already finished.</summary>
        public bool FailNow(string videoId, string code, string message) =>
            WithUnfinished(videoId, (job, now) =>
                job.TrySetOutcome(new JobOutcome(now, JobLifecycle.ProgressAt(now - job.CreatedAt, Options.JobDuration), code, message)));

        /// <summary>Makes a completed video's content expire now (downloads answer 410). Returns false unless it is completed.</summary>
        public bool ExpireNow(string videoId)
        {
            VideoJob? job = _state.Videos.Find(videoId);
            if (job is null || _state.StateOf(job).Status != JobState.Completed)
            {
                return false;
            }

            job.Expire(_state.Now);
            return true;
        }

        /// <summary>
        /// Stops listening, as a server that goes down: connections are refused until <see cref="RestartAsync"/>. Jobs,
        /// files and the clock are kept, as by a server whose storage outlives the process.
        /// </summary>
        public async Task StopAsync()
        {
            if (_host is { } host)
            {
                _host = null;
                await host.DisposeAsync();
            }
        }

        /// <summary>Starts listening again on the same address and port, serving the jobs it had (see <see cref="StopAsync"/>).</summary>
        public async Task RestartAsync(CancellationToken ct = default)
        {
            await StopAsync();
            ct.ThrowIfCancellationRequested();
            _host = SocketHost.Start(_application, _state.Options.BindAddress, RootUri.Port);
        }

        /// <summary>Stops the server and its storage origin.</summary>
        public async ValueTask DisposeAsync()
        {
            await StopAsync();
            await _state.Storage.DisposeAsync();
        }

        private bool WithUnfinished(string videoId, Func<VideoJob, DateTimeOffset, bool> change)
        {
            VideoJob? job = _state.Videos.Find(videoId);
            return job != null && !_state.StateOf(job).IsTerminal && change(job, _state.Now);
        }
    }
}
