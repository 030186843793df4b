using System.Collections;
using System.Linq;
using System.Management.Automation;
using OpenAIVideos.Client;
using OpenAIVideos.Commands.Completion;
using OpenAIVideos.Commands.Content;
using OpenAIVideos.Commands.Pipeline;

namespace OpenAIVideos.Commands
{
    /// <summary>
    /// <para type="synopsis">Starts generating a video from a prompt.</para>
    /// <para type="description">Creates a video job (<c>POST /videos</c>) for each prompt given or piped, and writes the
    /// job as the server answered (status queued), or with -Wait the finished video. Generation is billed: -WhatIf shows
    /// the estimated cost without creating anything. Piped objects bind by property name (Prompt, Model, Seconds, Size,
    /// InputReference, Character), so rows from Import-Csv or ConvertFrom-Json each make a video; an object without a
    /// Prompt is refused, never sent.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "Video", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = DefaultSet)]
    [OutputType(typeof(Video))]
    public sealed class NewVideoCommand : VideoApiCmdlet
    {
        private const string DefaultSet = "Default";
        private VideoInputReference? _reference;
        private string? _resolvedReference;

        /// <summary>
        /// What the video shows (1 to 32,000 characters). Piped strings each make a video; piped objects give their
        /// Prompt property, and an object without one is refused.
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [PipelineText(nameof(Prompt))]
        [ValidateNotNullOrEmpty]
        public string Prompt { get; set; } = string.Empty;

        /// <summary>The model, or on Azure the deployment name (default sora-2).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ModelCompleter))]
        public string? Model { get; set; }

        /// <summary>The duration in seconds, as the API's string: 4, 8 or 12 (default 4); numbers typed are converted.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(SecondsCompleter))]
        public string? Seconds { get; set; }

        /// <summary>The resolution as WIDTHxHEIGHT, e.g. 720x1280 (default) or 1280x720.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(SizeCompleter))]
        public string? Size { get; set; }

        /// <summary>
        /// The image the video starts from: a local image path (relative to the current location), an http(s) or data URL,
        /// or a file id (file-...). It must match -Size exactly.
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? InputReference { get; set; }

        /// <summary>Ids of characters (New-VideoCharacter) to appear; at most two.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("CharacterId")]
        public string[]? Character { get; set; }

        /// <summary>Extra request fields for servers that take them, e.g. @{ seed = 42; negative_prompt = 'blur' }.</summary>
        [Parameter]
        public Hashtable? AdditionalProperties { get; set; }

        /// <summary>Waits for the video to finish and writes the finished video.</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>With -Wait, gives up waiting after this many seconds (the job goes on); 0 waits until it ends.</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int TimeoutSec { get; set; }

        /// <summary>Creates one video.</summary>
        protected override void ProcessRecord()
        {
            if (!TryResolveReference())
            {
                return;
            }

            // Rows may leave a column empty: that means the server's default, as an absent column does.
            var model = ParameterValues.NullIfBlank(Model);
            var seconds = ParameterValues.NullIfBlank(Seconds);
            var size = ParameterValues.NullIfBlank(Size);
            var estimate = VideoCostEstimator.Estimate(model, size, seconds);
            var action = $"Create a {seconds ?? VideoCostEstimator.DefaultSeconds} s video ({model ?? VideoCostEstimator.DefaultModel}, "
                + $"{size ?? VideoCostEstimator.DefaultSize}{(_reference is null ? string.Empty : ", from " + _reference)}), estimated cost {estimate}";
            if (!ShouldProcess($"'{VideoFormatter.PromptCell(Prompt, 60)}'", action))
            {
                return;
            }

            var request = new VideoCreateRequest
            {
                Prompt = Prompt,
                Model = model,
                Seconds = seconds,
                Size = size,
                InputReference = _reference,
                CharacterIds = (Character ?? new string[0]).Where(id => ParameterValues.NullIfBlank(id) is not null).ToArray(),
                AdditionalProperties = ToAdditionalProperties(AdditionalProperties),
            };
            if (TryRun((client, token) => client.CreateAsync(request, token), Prompt, out var created))
            {
                WriteCreated(created, Wait, TimeoutSec);
            }
        }

        // Resolves the input reference once per distinct value (it may come from each row); a bad one fails that row only.
        private bool TryResolveReference()
        {
            // An empty cell (a CSV row without a reference) means none.
            if (string.IsNullOrWhiteSpace(InputReference))
            {
                _reference = null;
                _resolvedReference = null;
                return true;
            }

            if (InputReference == _resolvedReference)
            {
                return true;
            }

            try
            {
                _reference = InputReferenceResolver.Resolve(InputReference!, ResolvePath, System.IO.File.Exists);
                _resolvedReference = InputReference;
                return true;
            }
            catch (VideoApiException exception)
            {
                WriteApiError(exception, InputReference);
                return false;
            }
        }
    }
}
