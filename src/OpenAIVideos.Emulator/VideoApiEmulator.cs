using System;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OpenAIVideos.Emulator.Diagnostics;
using OpenAIVideos.Emulator.Faults;
using OpenAIVideos.Emulator.Hosting;
using OpenAIVideos.Emulator.Jobs;

namespace OpenAIVideos.Emulator
{
    /// <summary>
    /// The emulator hosted in-process on a free loopback port, for tests. <see cref="BaseUri"/> ends in <c>/v1/</c>
    /// (<c>/openai/v1/</c> for Azure), so relative paths such as <c>videos</c> resolve to API routes (the same convention
    /// as OpenAI's base URL).
    /// </summary>
    public sealed class VideoApiEmulator : IAsyncDisposable
    {
        private readonly EmulatorState _state;
        private WebApplication? _app;

        private VideoApiEmulator(WebApplication app, Uri rootUri)
        {
            _app = app;
            _state = EmulatorApplication.StateOf(app);
            RootUri = rootUri;
            BaseUri = new Uri(rootUri, _state.Dialect.ApiPrefix.TrimStart('/') + "/");
        }

        /// <summary>The API base, e.g. <c>http://127.0.0.1:PORT/v1/</c>, or <c>http://127.0.0.1:PORT/openai/v1/</c> for Azure.</summary>
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

        /// <summary>The clock the lifecycle reads (<see cref="EmulatorOptions.TimeProvider"/>); advance it to move jobs on.</summary>
        public TimeProvider Clock => _state.Options.TimeProvider;

        /// <summary>Starts the emulator on <see cref="EmulatorOptions.BindAddress"/> (loopback by default) and a free port.</summary>
        public static async Task<VideoApiEmulator> StartAsync(EmulatorOptions? options = null, CancellationToken ct = default)
        {
            WebApplication app = EmulatorApplication.Build(options ?? new EmulatorOptions(), Array.Empty<string>(), listenOnOptionsAddress: true);
            await app.StartAsync(ct);
            string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new VideoApiEmulator(app, new Uri(address.TrimEnd('/') + "/"));
        }

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
            if (_app is { } app)
            {
                _app = null;
                await app.StopAsync();
                await app.DisposeAsync();
            }
        }

        /// <summary>Starts listening again on the same address and port, serving the jobs it had (see <see cref="StopAsync"/>).</summary>
        public async Task RestartAsync(CancellationToken ct = default)
        {
            await StopAsync();
            WebApplication app = EmulatorApplication.Build(_state, Array.Empty<string>(), RootUri.Port);
            await app.StartAsync(ct);
            _app = app;
        }

        /// <summary>Stops the server.</summary>
        public async ValueTask DisposeAsync() => await StopAsync();

        private bool WithUnfinished(string videoId, Func<VideoJob, DateTimeOffset, bool> change)
        {
            VideoJob? job = _state.Videos.Find(videoId);
            return job != null && !_state.StateOf(job).IsTerminal && change(job, _state.Now);
        }
    }
}
