using System;
using System.Management.Automation;
using OpenAIVideos.Client;
using OpenAIVideos.Client.Emulation;
using OpenAIVideos.Commands.Completion;
using OpenAIVideos.Commands.Connection;
using OpenAIVideos.Commands.Errors;

namespace OpenAIVideos.Commands
{
    /// <summary>
    /// <para type="synopsis">Sets the server, key and options every cmdlet in this session uses by default.</para>
    /// <para type="description">Values not given come from the environment (OPENAI_API_KEY, OPENAI_BASE_URL,
    /// OPENAI_ORG_ID, OPENAI_PROJECT_ID; AZURE_OPENAI_API_KEY and AZURE_OPENAI_ENDPOINT). -Azure uses Azure OpenAI's
    /// api-key header and /openai/v1 root; -Emulator the local emulator. -Server names the server's dialect (what it
    /// serves, how it wants requests encoded). A cmdlet's own -ApiKey, -BaseUri, -Server, ... still win. OpenAI retired its own Videos API on 2026-09-24: point this at the server you use.</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "OpenAIVideo", DefaultParameterSetName = DefaultSet)]
    [OutputType(typeof(OpenAIVideoConnection))]
    public sealed class ConnectOpenAIVideoCommand : PSCmdlet
    {
        private const string DefaultSet = "Default";
        private const string AzureSet = "Azure";
        private const string EmulatorSet = "Emulator";
        private const string RunningEmulatorSet = "RunningEmulator";

        /// <summary>The API root, e.g. http://127.0.0.1:5000/v1; with -Azure the resource endpoint https://NAME.openai.azure.com.</summary>
        [Parameter(Position = 0)]
        public Uri? BaseUri { get; set; }

        /// <summary>The API key: a SecureString (Read-Host -AsSecureString) or plain text. Never displayed.</summary>
        [Parameter]
        public object? ApiKey { get; set; }

        /// <summary>The organization to send as OpenAI-Organization.</summary>
        [Parameter(ParameterSetName = DefaultSet)]
        [Parameter(ParameterSetName = AzureSet)]
        public string? Organization { get; set; }

        /// <summary>The project to send as OpenAI-Project.</summary>
        [Parameter(ParameterSetName = DefaultSet)]
        [Parameter(ParameterSetName = AzureSet)]
        public string? Project { get; set; }

        /// <summary>How the key is sent: Bearer (default), ApiKeyHeader (Azure), LiteLLMKeyHeader or None.</summary>
        [Parameter(ParameterSetName = DefaultSet)]
        public AuthenticationStyle AuthenticationStyle { get; set; }

        /// <summary>
        /// The kind of server, whose dialect the module then speaks: Generic (the spec as written), OpenAI, Azure, LiteLLM,
        /// VllmOmni, SGLang, Gemini or OpenRouter. Default: Azure with -Azure (or an Azure address or key style), OpenAI for
        /// api.openai.com, Gemini for generativelanguage.googleapis.com, OpenRouter for openrouter.ai, otherwise Generic.
        /// </summary>
        [Parameter]
        public ServerKind Server { get; set; }

        /// <summary>Connects to Azure OpenAI (api-key header; a resource endpoint gets the /openai/v1 root).</summary>
        [Parameter(Mandatory = true, ParameterSetName = AzureSet)]
        public SwitchParameter Azure { get; set; }

        /// <summary>
        /// Connects to the emulator: the newest one Start-VideoEmulator started in this session (its address, key and
        /// dialect), else the standalone one at http://127.0.0.1:5080/v1 with key 'emulator'; -BaseUri and -ApiKey win.
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = EmulatorSet)]
        public SwitchParameter Emulator { get; set; }

        /// <summary>An emulator of this session (Start-VideoEmulator -PassThru or Get-VideoEmulator) to connect to.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = RunningEmulatorSet)]
        public LocalVideoEmulator? InputObject { get; set; }

        /// <summary>Retries after the first attempt (default 2).</summary>
        [Parameter]
        [ValidateRange(0, 10)]
        public int MaxRetries { get; set; }

        /// <summary>Seconds to wait for each response (default 600).</summary>
        [Parameter]
        [ValidateRange(1, 86400)]
        public int TimeoutSec { get; set; }

        /// <summary>Writes the connection (without the key).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Sets the session default.</summary>
        protected override void EndProcessing()
        {
            var bound = MyInvocation.BoundParameters;
            VideoClientOptions options;
            try
            {
                var given = new VideoConnectionSettings
                {
                    ApiKey = ConnectionResolver.ToApiKey(ApiKey, value => value is PSObject wrapped ? wrapped.BaseObject : value),
                    BaseUri = BaseUri,
                    Organization = Organization,
                    Project = Project,
                    AuthenticationStyle = bound.ContainsKey(nameof(AuthenticationStyle)) ? AuthenticationStyle : (AuthenticationStyle?)null,
                    Server = bound.ContainsKey(nameof(Server)) ? Server : (ServerKind?)null,
                    MaxRetries = bound.ContainsKey(nameof(MaxRetries)) ? MaxRetries : (int?)null,
                    RequestTimeout = bound.ContainsKey(nameof(TimeoutSec)) ? TimeSpan.FromSeconds(TimeoutSec) : (TimeSpan?)null,
                };
                var kind = ParameterSetName switch
                {
                    AzureSet => ConnectionKind.Azure,
                    EmulatorSet or RunningEmulatorSet => ConnectionKind.Emulator,
                    _ => ConnectionKind.Default,
                };
                var running = ParameterSetName == RunningEmulatorSet ? InputObject : kind == ConnectionKind.Emulator ? LocalEmulators.Newest : null;
                if (running is not null)
                {
                    given = ConnectionBuilder.ForRunningEmulator(given, running);
                }

                if (kind == ConnectionKind.Azure && given.Server is { } named && named != ServerKind.Azure)
                {
                    throw new ArgumentException($"-Azure connects to Azure OpenAI; it cannot be combined with -Server {named}.", nameof(Server));
                }

                options = ConnectionBuilder.Build(kind, given, VideoClientOptions.FromEnvironment(preferAzure: kind == ConnectionKind.Azure));
            }
            catch (ArgumentException exception)
            {
                ThrowTerminatingError(ErrorRecordFactory.Create(exception,
                    VideoErrorReport.FromArgument(VideoErrorReport.InvalidConnectionParameterId, exception, BaseUri)));
                return;
            }

            VideoSession.Set(options);
            VideoIdCache.ClearAll();
            OpenAIVideos.Client.VideoModelCatalogue.ClearAll();
            WriteVerbose($"Session default: {options}.");
            var missing = ConnectionResolver.MissingKeyReason(options);
            if (missing is not null)
            {
                WriteWarning(missing);
            }

            if (PassThru)
            {
                WriteObject(OpenAIVideoConnection.From(options, ConnectionSource.Session));
            }
        }
    }
}
