using System;
using System.Diagnostics;

namespace OpenAIVideos.Client
{
    /// <summary>
    /// The state one wait (of one or many videos) shares about reaching the server: since when no poll has reached it,
    /// and whether any ever did. A single answer for any video ends the spell, so a thousand waiters agree on one clock.
    /// </summary>
    internal sealed class UnreachableSpell
    {
        private readonly object _gate = new object();
        private readonly TimeSpan _limit;
        private long? _since;
        private string? _reason;
        private bool _everReached;

        public UnreachableSpell(TimeSpan limit) => _limit = limit;

        /// <summary>Whether the server is out of reach right now.</summary>
        public bool IsUnreachable
        {
            get
            {
                lock (_gate)
                {
                    return _since is not null;
                }
            }
        }

        /// <summary>Whether any poll has reached the server.</summary>
        public bool EverReached
        {
            get
            {
                lock (_gate)
                {
                    return _everReached;
                }
            }
        }

        /// <summary>The last reason the server could not be reached.</summary>
        public string? Reason
        {
            get
            {
                lock (_gate)
                {
                    return _reason;
                }
            }
        }

        /// <summary>A poll had an answer; returns the report to make when that ends a spell, else null.</summary>
        public ServerReachability? Reached()
        {
            lock (_gate)
            {
                _everReached = true;
                if (_since is null)
                {
                    return null;
                }

                _since = null;
                _reason = null;
                return new ServerReachability(true, true, TimeSpan.Zero, _limit, null);
            }
        }

        /// <summary>A poll could not reach the server: the report to make, and whether the spell has outlasted the limit.</summary>
        public ServerReachability Missed(string reason, out bool exceeded)
        {
            lock (_gate)
            {
                var now = Stopwatch.GetTimestamp();
                _since ??= now;
                _reason = reason;
                var elapsed = TimeSpan.FromSeconds((now - _since.Value) / (double)Stopwatch.Frequency);
                exceeded = elapsed >= _limit;
                return new ServerReachability(false, _everReached, elapsed, _limit, reason);
            }
        }
    }
}
