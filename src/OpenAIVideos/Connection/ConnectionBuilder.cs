using System;
using OpenAIVideos.Client;
using OpenAIVideos.Client.Emulation;

namespace OpenAIVideos.Commands.Connection
{
    /// <summary>The kind of server <c>Connect-OpenAIVideo</c> targets.</summary>
    public enum ConnectionKind
    {
        /// <summary>OpenAI, or any server of the same wire format (LiteLLM, vLLM-Omni, ...), with a bearer key.</summary>
        Default,

        /// <summary>Azure OpenAI: <c>api-key</c> header, <c>/openai/v1</c> root.</summary>
        Azure,

        /// <summary>The local OpenAIVideos emulator.</summary>
        Emulator,
    }

    /// <summary>Builds the session default <c>Connect-OpenAIVideo</c> sets, from its parameters over the environment.</summary>
    public static class ConnectionBuilder
    {
        /// <summary>Where <c>-Emulator</c> connects unless <c>-BaseUri</c> is given.</summary>
        public static readonly Uri EmulatorBaseUri = new Uri("http://127.0.0.1:5080/v1");

        /// <summary>The key <c>-Emulator</c> uses unless <c>-ApiKey</c> is given.</summary>
        public const string EmulatorApiKey = "emulator";

        /// <summary>
        /// The settings <c>-Emulator</c> uses for an emulator running in this session: its base URI, key and dialect,
        /// each unless given explicitly.
        /// </summary>
        public static VideoConnectionSettings ForRunningEmulator(VideoConnectionSettings given, LocalVideoEmulator emulator)
        {
            if (given is null || emulator is null)
            {
                throw new ArgumentNullException(given is null ? nameof(given) : nameof(emulator));
            }

            return new VideoConnectionSettings
            {
                ApiKey = given.ApiKey ?? emulator.KeyForConnection(),
                BaseUri = given.BaseUri ?? emulator.BaseUri,
                Organization = given.Organization,
                Project = given.Project,
                AuthenticationStyle = given.AuthenticationStyle,
                Server = given.Server ?? emulator.Server,
                MaxRetries = given.MaxRetries,
                RequestTimeout = given.RequestTimeout,
            };
        }

        /// <summary>The options for a connection of <paramref name="kind"/>.</summary>
        /// <param name="kind">Default, Azure or Emulator.</param>
        /// <param name="given">The values given explicitly (override everything).</param>
        /// <param name="environment">The environment's options (copied before use).</param>
        /// <exception cref="ArgumentException">A bad base URI, or Azure without an endpoint.</exception>
        public static VideoClientOptions Build(ConnectionKind kind, VideoConnectionSettings given, VideoClientOptions environment)
        {
            if (given is null || environment is null)
            {
                throw new ArgumentNullException(given is null ? nameof(given) : nameof(environment));
            }

            var options = environment.Clone();
            var baseUri = given.BaseUri is null ? null : VideoClientOptions.ParseBaseUri(given.BaseUri.OriginalString);
            switch (kind)
            {
                case ConnectionKind.Emulator:
                    options.Server = ServerKind.Generic;
                    // A root with its prefix as given: the emulator's BaseUri is already the API root (Azure's /openai/v1).
                    options.BaseUri = baseUri ?? EmulatorBaseUri;
                    options.ApiKey = given.ApiKey ?? ApiKeySecret.FromPlainText(EmulatorApiKey);
                    options.AuthenticationStyle = AuthenticationStyle.Bearer;
                    options.Organization = null;
                    options.Project = null;
                    break;
                case ConnectionKind.Azure:
                    options.Server = ServerKind.Azure;
                    options.AuthenticationStyle = AuthenticationStyle.ApiKeyHeader;
                    if (baseUri is not null)
                    {
                        // A resource endpoint (https://NAME.openai.azure.com) gets Azure's /openai/v1 root; a full root is kept.
                        options.BaseUri = options.Profile.ApiRootFor(baseUri);
                    }
                    else if (string.Equals(options.BaseUri.Host, VideoClientOptions.OpenAIBaseUri.Host, StringComparison.OrdinalIgnoreCase))
                    {
                        throw new ArgumentException("-Azure needs the resource endpoint: give -BaseUri https://NAME.openai.azure.com, or set $env:AZURE_OPENAI_ENDPOINT.", "BaseUri");
                    }

                    break;
                default:
                    if (baseUri is not null)
                    {
                        options.BaseUri = baseUri;
                    }

                    options.Server = ServerProfile.Infer(options.BaseUri, given.AuthenticationStyle ?? options.AuthenticationStyle);
                    if (baseUri is not null)
                    {
                        // A server told from its address shapes its root as if named (openrouter.ai gets /api/v1).
                        options.BaseUri = options.Profile.ApiRootFor(baseUri);
                    }

                    break;
            }

            var rest = new VideoConnectionSettings
            {
                ApiKey = given.ApiKey,
                Organization = given.Organization,
                Project = given.Project,
                AuthenticationStyle = given.AuthenticationStyle,
                Server = given.Server,
                BaseUri = given.Server is not null ? baseUri : null, // a named server may shape the root (Azure's /openai/v1)
                MaxRetries = given.MaxRetries,
                RequestTimeout = given.RequestTimeout,
            };
            return rest.ApplyTo(options);
        }
    }
}
