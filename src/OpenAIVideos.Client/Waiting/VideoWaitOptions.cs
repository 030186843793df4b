using System;

namespace OpenAIVideos.Client
{
    /// <summary>How to wait for jobs to finish.</summary>
    public sealed class VideoWaitOptions
    {
        /// <summary>The default interval between polls when neither the caller nor the server sets one.</summary>
        public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(1);

        /// <summary>
        /// Fixed interval between polls of one job. When null the server's <c>openai-poll-after-ms</c> header sets it,
        /// else 1 s.
        /// </summary>
        public TimeSpan? PollInterval { get; set; }

        /// <summary>The longest interval a server's hint may impose (the Go SDK's cap). Default 8 s.</summary>
        public TimeSpan MaxServerPollInterval { get; set; } = TimeSpan.FromSeconds(8);

        /// <summary>Give up after this long overall; null waits until cancelled.</summary>
        public TimeSpan? Timeout { get; set; }

        /// <summary>The default for <see cref="UnreachableTimeout"/>: long enough for a server or gateway to restart.</summary>
        public static readonly TimeSpan DefaultUnreachableTimeout = TimeSpan.FromSeconds(60);

        /// <summary>
        /// How long the wait rides out a server it cannot reach at all (connection refused, no connection, no answer)
        /// before failing with <see cref="VideoErrorIds.ConnectionFailed"/>; any answer from the server starts it again.
        /// Default 60 s. Errors the server answers with (5xx, 429) are ridden out for as long as the wait lasts.
        /// </summary>
        public TimeSpan UnreachableTimeout { get; set; } = DefaultUnreachableTimeout;

        /// <summary>Told on every poll that cannot reach the server, and once when it answers again.</summary>
        public IProgress<ServerReachability>? Reachability { get; set; }

        /// <summary>How many polls may be in flight at once when waiting on many jobs. Default 16.</summary>
        public int MaxConcurrentPolls { get; set; } = 16;
    }
}
