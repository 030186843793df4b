using System;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAIVideos.Client
{
    /// <summary>
    /// Holds back every request of the clients that share it while the server has asked one of them to back off (a 429,
    /// or a 503 with <c>Retry-After</c>): a batch run slows down as a whole instead of each item finding out alone.
    /// </summary>
    /// <remarks>Set <see cref="VideoClientOptions.Backoff"/>; clones of those options share the gate.</remarks>
    public sealed class ServerBackoffGate
    {
        /// <summary>The hold when the server names no delay.</summary>
        public static readonly TimeSpan DefaultHold = TimeSpan.FromSeconds(1);

        private long _openAtTicks;
        private long _holds;

        /// <summary>How many times a server answer has closed the gate.</summary>
        public long Holds => Interlocked.Read(ref _holds);

        /// <summary>When requests may go again (UTC); in the past when the gate is open.</summary>
        public DateTimeOffset OpensAt => new DateTimeOffset(Interlocked.Read(ref _openAtTicks), TimeSpan.Zero);

        /// <summary>Closes the gate for <paramref name="delay"/> from now, unless it is already closed for longer.</summary>
        public void HoldFor(TimeSpan delay)
        {
            Interlocked.Increment(ref _holds);
            var until = DateTimeOffset.UtcNow.Add(delay <= TimeSpan.Zero ? DefaultHold : delay).UtcTicks;
            long seen;
            do
            {
                seen = Interlocked.Read(ref _openAtTicks);
                if (seen >= until)
                {
                    return;
                }
            }
            while (Interlocked.CompareExchange(ref _openAtTicks, until, seen) != seen);
        }

        /// <summary>Completes when the gate is open (at once when it is).</summary>
        public async Task WaitAsync(CancellationToken cancellationToken)
        {
            while (true)
            {
                var wait = OpensAt - DateTimeOffset.UtcNow;
                if (wait <= TimeSpan.Zero)
                {
                    return;
                }

                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
