using System;
using OpenAIVideos.Client;

namespace OpenAIVideos.Commands.Connection
{
    /// <summary>
    /// The connection values one cmdlet invocation was given explicitly; null means "not given", so the session default
    /// or the environment decides.
    /// </summary>
    public sealed class VideoConnectionSettings
    {
        /// <summary>The key, already converted from a SecureString or plain text.</summary>
        public ApiKeySecret? ApiKey { get; set; }

        /// <summary>The API root.</summary>
        public Uri? BaseUri { get; set; }

        /// <summary>Sent as <c>OpenAI-Organization</c>.</summary>
        public string? Organization { get; set; }

        /// <summary>Sent as <c>OpenAI-Project</c>.</summary>
        public string? Project { get; set; }

        /// <summary>How the key is presented.</summary>
        public AuthenticationStyle? AuthenticationStyle { get; set; }

        /// <summary>The kind of server (its dialect).</summary>
        public ServerKind? Server { get; set; }

        /// <summary>Retries after the first attempt.</summary>
        public int? MaxRetries { get; set; }

        /// <summary>Per-request timeout.</summary>
        public TimeSpan? RequestTimeout { get; set; }

        /// <summary>Copies every value that was given onto <paramref name="options"/> (which is changed and returned).</summary>
        public VideoClientOptions ApplyTo(VideoClientOptions options)
        {
            if (options is null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            if (ApiKey is not null)
            {
                options.ApiKey = ApiKey;
            }

            if (Server is { } server)
            {
                // A named server brings its own key style unless one is named too.
                options.Server = server;
                options.AuthenticationStyle = AuthenticationStyle ?? options.Profile.DefaultAuthentication;
            }
            else if (BaseUri is not null && options.Profile.IsInferable)
            {
                // A kind read off the old address is read off the new one; a kind someone named stays.
                options.Server = ServerProfile.Infer(BaseUri, AuthenticationStyle ?? options.AuthenticationStyle);
            }

            if (BaseUri is not null)
            {
                options.BaseUri = options.Profile.ApiRootFor(BaseUri);
            }

            options.Organization = Organization ?? options.Organization;
            options.Project = Project ?? options.Project;
            if (AuthenticationStyle is { } style)
            {
                options.AuthenticationStyle = style;
            }

            if (MaxRetries is { } retries)
            {
                options.MaxRetries = retries;
            }

            if (RequestTimeout is { } timeout)
            {
                options.RequestTimeout = timeout;
            }

            return options;
        }
    }
}
