using System;

namespace OpenAIVideos.Client
{
    /// <summary>
    /// Where and how to reach a server of the Videos API. Every setting has the official SDKs' default; the environment
    /// fills what the caller leaves out (see <see cref="FromEnvironment"/>).
    /// </summary>
    public sealed class VideoClientOptions
    {
        /// <summary>OpenAI's own endpoint (its Videos API was retired on 2026-09-24).</summary>
        public static readonly Uri OpenAIBaseUri = new Uri("https://api.openai.com/v1");

        /// <summary>The key, or null for a server that needs none.</summary>
        public ApiKeySecret? ApiKey { get; set; }

        /// <summary>The API root, up to and including the version segment, e.g. <c>http://127.0.0.1:5000/v1</c>.</summary>
        public Uri BaseUri { get; set; } = OpenAIBaseUri;

        /// <summary>Sent as <c>OpenAI-Organization</c>.</summary>
        public string? Organization { get; set; }

        /// <summary>Sent as <c>OpenAI-Project</c>.</summary>
        public string? Project { get; set; }

        /// <summary>
        /// The kind of server: its profile decides encoding, authentication, paths and which operations exist. Default
        /// Generic; <see cref="FromEnvironment"/> infers it from the address (<see cref="ServerProfile.Infer"/>).
        /// </summary>
        public ServerKind Server { get; set; } = ServerKind.Generic;

        /// <summary>The profile of <see cref="Server"/>.</summary>
        public ServerProfile Profile => ServerProfile.For(Server);

        /// <summary>Bearer (default) or Azure's <c>api-key</c> header.</summary>
        public AuthenticationStyle AuthenticationStyle { get; set; } = AuthenticationStyle.Bearer;

        /// <summary>How long to wait for a response, and for each read of a streamed body. Default 600 s.</summary>
        public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(600);

        /// <summary>How long to wait for a TCP connection (PowerShell 7 only). Default 5 s.</summary>
        public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

        /// <summary>Retries after the first attempt, as the SDKs count them. Default 2.</summary>
        public int MaxRetries { get; set; } = 2;

        /// <summary>Upper bound on a server-requested retry delay (<c>retry-after</c>). Default 60 s, as the SDKs.</summary>
        public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

        /// <summary>
        /// When set, every request waits while the gate is closed, and a 429 (or a 503 with <c>Retry-After</c>) closes it
        /// for the delay the server asks: the clients of a batch run share one, so the whole run slows down. Null: each
        /// request backs off on its own.
        /// </summary>
        public ServerBackoffGate? Backoff { get; set; }

        /// <summary>
        /// Options from the environment: <c>OPENAI_API_KEY</c>, <c>OPENAI_BASE_URL</c>, <c>OPENAI_ORG_ID</c>,
        /// <c>OPENAI_PROJECT_ID</c>; failing an OpenAI key, <c>AZURE_OPENAI_API_KEY</c> with
        /// <c>AZURE_OPENAI_ENDPOINT</c> selects Azure style.
        /// </summary>
        /// <param name="getVariable">Reads a variable; the process environment when null (tests pass their own).</param>
        /// <param name="preferAzure">When connecting to Azure on purpose, its key and endpoint win over OpenAI's.</param>
        public static VideoClientOptions FromEnvironment(Func<string, string?>? getVariable = null, bool preferAzure = false)
        {
            getVariable ??= Environment.GetEnvironmentVariable;
            var options = new VideoClientOptions
            {
                ApiKey = ApiKeySecret.FromPlainText(getVariable("OPENAI_API_KEY")),
                Organization = NullIfBlank(getVariable("OPENAI_ORG_ID")),
                Project = NullIfBlank(getVariable("OPENAI_PROJECT_ID")),
            };

            var azureKey = ApiKeySecret.FromPlainText(getVariable("AZURE_OPENAI_API_KEY"));
            var azureEndpoint = NullIfBlank(getVariable("AZURE_OPENAI_ENDPOINT"));
            if ((options.ApiKey is null || preferAzure) && azureKey is not null && azureEndpoint is not null)
            {
                options.ApiKey = azureKey;
                options.AuthenticationStyle = AuthenticationStyle.ApiKeyHeader;
                options.BaseUri = AzureBaseUri(azureEndpoint);
            }

            var baseUrl = NullIfBlank(getVariable("OPENAI_BASE_URL"));
            if (baseUrl is not null)
            {
                options.BaseUri = ParseBaseUri(baseUrl);
            }

            options.Server = ServerProfile.Infer(options.BaseUri, options.AuthenticationStyle);
            return options;
        }

        /// <summary>Azure OpenAI's v1 root for a resource endpoint such as <c>https://NAME.openai.azure.com</c>.</summary>
        public static Uri AzureBaseUri(string resourceEndpoint)
        {
            var root = ParseBaseUri(resourceEndpoint).AbsoluteUri.TrimEnd('/');
            return root.EndsWith("/openai/v1", StringComparison.OrdinalIgnoreCase) ? new Uri(root) : new Uri(root + "/openai/v1");
        }

        /// <summary>Parses an absolute http(s) base URL, with a message that says what is wrong.</summary>
        public static Uri ParseBaseUri(string value)
        {
            if (!Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw new ArgumentException(
                    $"'{value}' is not a usable base URL: give an absolute http or https URL such as http://127.0.0.1:5000/v1 or https://NAME.openai.azure.com/openai/v1.",
                    nameof(value));
            }

            return uri;
        }

        /// <summary>A copy that can be changed without touching this one.</summary>
        public VideoClientOptions Clone() => (VideoClientOptions)MemberwiseClone();

        /// <summary>Describes the endpoint without the key.</summary>
        public override string ToString() => $"{BaseUri} ({Server}, {AuthenticationStyle}{(ApiKey is null ? ", no key" : ", key set")})";

        private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
    }
}
