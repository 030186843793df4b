using System;

namespace OpenAIVideos.Client
{
    /// <summary>
    /// What a wait knows about reaching the server, reported through <see cref="VideoWaitOptions.Reachability"/>: on every
    /// poll that could not reach it (connection refused, no connection, no answer), and once when it answers again.
    /// </summary>
    public sealed class ServerReachability
    {
        internal ServerReachability(bool reachable, bool everReached, TimeSpan unreachableFor, TimeSpan limit, string? reason)
        {
            Reachable = reachable;
            EverReached = everReached;
            UnreachableFor = unreachableFor;
            Limit = limit;
            Reason = reason;
        }

        /// <summary>True when the server answered again after a spell without answers.</summary>
        public bool Reachable { get; }

        /// <summary>Whether any poll of this wait has had an answer from the server.</summary>
        public bool EverReached { get; }

        /// <summary>How long the server has been out of reach so far (zero once it answers again).</summary>
        public TimeSpan UnreachableFor { get; }

        /// <summary>How long the wait rides out an unreachable server before failing (<see cref="VideoWaitOptions.UnreachableTimeout"/>).</summary>
        public TimeSpan Limit { get; }

        /// <summary>Why the last poll did not reach it, e.g. "the connection to 127.0.0.1:5999 failed (Connection refused)".</summary>
        public string? Reason { get; }

        /// <summary>A short status line for a progress bar.</summary>
        public override string ToString() => Reachable
            ? "server reachable again"
            : $"server unreachable, retrying ({UnreachableFor.TotalSeconds:0} s of {Limit.TotalSeconds:0} s)";
    }
}
