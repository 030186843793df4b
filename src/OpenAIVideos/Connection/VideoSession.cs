using System;
using OpenAIVideos.Client;

namespace OpenAIVideos.Commands.Connection
{
    /// <summary>
    /// The connection <c>Connect-OpenAIVideo</c> set for this process: used by every cmdlet that is not given its own
    /// values, until <c>Disconnect-OpenAIVideo</c>. Thread-safe (runspaces in one process share it, as they share the
    /// engine's connection pool).
    /// </summary>
    public static class VideoSession
    {
        private static readonly object Gate = new object();
        private static VideoClientOptions? _default;

        /// <summary>A copy of the session default, or null when none is set.</summary>
        public static VideoClientOptions? Default
        {
            get
            {
                lock (Gate)
                {
                    return _default?.Clone();
                }
            }
        }

        /// <summary>Makes <paramref name="options"/> (copied) the session default.</summary>
        public static void Set(VideoClientOptions options)
        {
            if (options is null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            lock (Gate)
            {
                _default = options.Clone();
            }
        }

        /// <summary>Forgets the session default; cmdlets fall back to the environment.</summary>
        public static void Clear()
        {
            lock (Gate)
            {
                _default = null;
            }
        }
    }
}
