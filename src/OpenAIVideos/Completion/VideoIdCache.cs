using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAIVideos.Commands.Completion
{
    /// <summary>
    /// A short-lived cache of the videos a server lists, for completing ids. A slow or failing server never breaks the
    /// prompt: a fetch gets a short budget, after which the caller gets what the cache already has while the fetch
    /// finishes in the background (for the next Tab); failures are swallowed and not retried until the cache's
    /// lifetime has passed.
    /// </summary>
    public sealed class VideoIdCache
    {
        /// <summary>How long a list stays fresh.</summary>
        public static readonly TimeSpan DefaultLifetime = TimeSpan.FromSeconds(30);

        /// <summary>How long a Tab press waits for a fetch.</summary>
        public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(2);

        private static readonly ConcurrentDictionary<string, VideoIdCache> Shared = new ConcurrentDictionary<string, VideoIdCache>(StringComparer.Ordinal);
        private static readonly IReadOnlyList<Video> None = Array.Empty<Video>();

        private readonly Func<CancellationToken, Task<IReadOnlyList<Video>>> _source;
        private readonly TimeSpan _lifetime;
        private readonly TimeSpan _wait;
        private readonly Func<DateTimeOffset> _clock;
        private readonly object _gate = new object();
        private IReadOnlyList<Video> _videos = None;
        private DateTimeOffset _nextFetch = DateTimeOffset.MinValue;
        private Task? _inFlight;

        /// <summary>A cache over <paramref name="source"/>.</summary>
        /// <param name="source">Lists videos; given a token that is cancelled after ten times <paramref name="wait"/>.</param>
        /// <param name="lifetime">How long a result (or a failure) stands before the next fetch.</param>
        /// <param name="wait">How long <see cref="Get"/> waits for a fetch.</param>
        /// <param name="clock">The time; tests pass their own.</param>
        public VideoIdCache(Func<CancellationToken, Task<IReadOnlyList<Video>>> source, TimeSpan lifetime, TimeSpan wait, Func<DateTimeOffset>? clock = null)
        {
            _source = source ?? throw new ArgumentNullException(nameof(source));
            _lifetime = lifetime;
            _wait = wait;
            _clock = clock ?? (() => DateTimeOffset.UtcNow);
        }

        /// <summary>The cache for one connection (keyed by e.g. its base URI), created on first use.</summary>
        public static VideoIdCache For(string key, Func<CancellationToken, Task<IReadOnlyList<Video>>> source) =>
            Shared.GetOrAdd(key, _ => new VideoIdCache(source, DefaultLifetime, DefaultWait));

        /// <summary>Forgets every connection's cache (on Connect/Disconnect).</summary>
        public static void ClearAll() => Shared.Clear();

        /// <summary>The cached videos, refreshed first when stale (waiting at most the configured time). Never throws.</summary>
        public IReadOnlyList<Video> Get()
        {
            Task fetch;
            lock (_gate)
            {
                if (_clock() < _nextFetch && _inFlight is null)
                {
                    return _videos;
                }

                fetch = _inFlight ??= Fetch();
            }

            try
            {
                fetch.Wait(_wait);
            }
            catch (AggregateException)
            {
                // Fetch swallows its own errors; nothing should reach here, but a prompt must never see one.
            }

            lock (_gate)
            {
                return _videos;
            }
        }

        /// <summary>
        /// The fetch still running in the background, or a completed task: lets tests observe "the cache is filled
        /// later" by the event itself rather than by polling <see cref="Get"/> against the clock.
        /// </summary>
        internal Task PendingFetch
        {
            get
            {
                lock (_gate)
                {
                    return _inFlight ?? Task.CompletedTask;
                }
            }
        }

        private Task Fetch() => Task.Run(async () =>
        {
            try
            {
                using var budget = new CancellationTokenSource(TimeSpan.FromTicks(_wait.Ticks * 10));
                var videos = await _source(budget.Token).ConfigureAwait(false);
                lock (_gate)
                {
                    _videos = videos ?? None;
                }
            }
            catch (Exception)
            {
                // A failing server leaves the last good list in place.
            }
            finally
            {
                lock (_gate)
                {
                    _nextFetch = _clock() + _lifetime;
                    _inFlight = null;
                }
            }
        });
    }
}
