using System;

namespace OpenAIVideos.Client
{
    /// <summary>
    /// What one kind of server does differently from OpenAI's spec. The one place those decisions live: the transport,
    /// the client and the cmdlets ask the profile instead of testing the server kind themselves.
    /// </summary>
    public sealed class ServerProfile
    {
        private ServerProfile(ServerKind kind, int maxConcurrentJobs, bool honoursIdempotencyKey)
        {
            Kind = kind;
            MaxConcurrentJobs = maxConcurrentJobs;
            HonoursIdempotencyKey = honoursIdempotencyKey;
        }

        /// <summary>The server kind this profile describes.</summary>
        public ServerKind Kind { get; }

        /// <summary>How many generation jobs the server runs at once before it queues or rejects more: a batch's default throttle.</summary>
        public int MaxConcurrentJobs { get; }

        /// <summary>Whether a repeated create with the same <c>Idempotency-Key</c> answers the first job instead of making another.</summary>
        public bool HonoursIdempotencyKey { get; }

        /// <summary>The profile of <paramref name="kind"/>.</summary>
        public static ServerProfile For(ServerKind kind) => kind switch
        {
            ServerKind.Generic => new ServerProfile(kind, maxConcurrentJobs: 4, honoursIdempotencyKey: true),
            ServerKind.OpenAI => new ServerProfile(kind, maxConcurrentJobs: 4, honoursIdempotencyKey: true),
            ServerKind.Azure => new ServerProfile(kind, maxConcurrentJobs: 2, honoursIdempotencyKey: false),
            ServerKind.LiteLLM => new ServerProfile(kind, maxConcurrentJobs: 4, honoursIdempotencyKey: false),
            ServerKind.VllmOmni => new ServerProfile(kind, maxConcurrentJobs: 1, honoursIdempotencyKey: false),
            ServerKind.SGLang => new ServerProfile(kind, maxConcurrentJobs: 1, honoursIdempotencyKey: false),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown server kind."),
        };
    }
}
