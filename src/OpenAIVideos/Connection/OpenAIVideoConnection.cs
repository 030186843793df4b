using System;
using OpenAIVideos.Client;

namespace OpenAIVideos.Commands
{
    /// <summary>
    /// A description of a connection for display (<c>Get-OpenAIVideoConnection</c>, <c>Connect-OpenAIVideo -PassThru</c>).
    /// It holds no key, only whether one is set, so writing it anywhere is safe.
    /// </summary>
    public sealed class OpenAIVideoConnection
    {
        /// <summary>The API root.</summary>
        public Uri BaseUri { get; private set; } = VideoClientOptions.OpenAIBaseUri;

        /// <summary>The kind of server, whose dialect the cmdlets speak.</summary>
        public ServerKind Server { get; private set; }

        /// <summary>How the key is presented.</summary>
        public AuthenticationStyle AuthenticationStyle { get; private set; }

        /// <summary>True when a key is configured.</summary>
        public bool HasApiKey { get; private set; }

        /// <summary>Sent as <c>OpenAI-Organization</c>.</summary>
        public string? Organization { get; private set; }

        /// <summary>Sent as <c>OpenAI-Project</c>.</summary>
        public string? Project { get; private set; }

        /// <summary>Retries after the first attempt.</summary>
        public int MaxRetries { get; private set; }

        /// <summary>Per-request timeout.</summary>
        public TimeSpan RequestTimeout { get; private set; }

        /// <summary>Session default or environment.</summary>
        public ConnectionSource Source { get; private set; }

        /// <summary>Describes <paramref name="options"/> without its key.</summary>
        public static OpenAIVideoConnection From(VideoClientOptions options, ConnectionSource source)
        {
            if (options is null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            return new OpenAIVideoConnection
            {
                BaseUri = options.BaseUri,
                Server = options.Server,
                AuthenticationStyle = options.AuthenticationStyle,
                HasApiKey = options.ApiKey is not null,
                Organization = options.Organization,
                Project = options.Project,
                MaxRetries = options.MaxRetries,
                RequestTimeout = options.RequestTimeout,
                Source = source,
            };
        }

        /// <summary>The base URI, server kind and style; never the key.</summary>
        public override string ToString() => $"{BaseUri} ({Server}, {AuthenticationStyle}, {(HasApiKey ? "key set" : "no key")})";
    }
}
