using System.Collections;
using System.Management.Automation;
using OpenAIVideos.Client;
using OpenAIVideos.Commands.Completion;
using OpenAIVideos.Commands.Content;

namespace OpenAIVideos.Commands
{
    /// <summary>
    /// <para type="synopsis">Starts generating a video from a prompt.</para>
    /// <para type="description">Creates a video job (<c>POST /videos</c>) for each prompt given or piped, and writes the
    /// job as the server answered (status queued), or with -Wait the finished video. Generation is billed: -WhatIf shows
    /// the estimated cost without creating anything.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "Video", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = DefaultSet)]
    [OutputType(typeof(Video))]
    public sealed class NewVideoCommand : VideoApiCmdlet
    {
        private const string DefaultSet = "Default";
        private VideoInputReference? _reference;

        /// <summary>What the video shows (1 to 32,000 characters). Piped strings each make a video.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ValidateNotNullOrEmpty]
        public string Prompt { get; set; } = string.Empty;

        /// <summary>The model, or on Azure the deployment name (default sora-2).</summary>
        [Parameter]
        [ArgumentCompleter(typeof(ModelCompleter))]
        public string? Model { get; set; }

        /// <summary>The duration in seconds, as the API's string: 4, 8 or 12 (default 4); numbers typed are converted.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(SecondsCompleter))]
        public string? Seconds { get; set; }

        /// <summary>The resolution as WIDTHxHEIGHT, e.g. 720x1280 (default) or 1280x720.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(SizeCompleter))]
        public string? Size { get; set; }

        /// <summary>
        /// The image the video starts from: a local image path (relative to the current location), an http(s) or data URL,
        /// or a file id (file-...). It must match -Size exactly.
        /// </summary>
        [Parameter]
        public string? InputReference { get; set; }

        /// <summary>Ids of characters (New-VideoCharacter) to appear; at most two.</summary>
        [Parameter]
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

        /// <summary>Resolves the input reference once for every prompt.</summary>
        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (InputReference is null)
            {
                return;
            }

            try
            {
                _reference = InputReferenceResolver.Resolve(InputReference, ResolvePath, System.IO.File.Exists);
            }
            catch (VideoApiException exception)
            {
                ThrowArgumentError(exception, exception.ErrorId, InputReference);
            }
        }

        /// <summary>Creates one video.</summary>
        protected override void ProcessRecord()
        {
            var estimate = VideoCostEstimator.Estimate(Model, Size, Seconds);
            var action = $"Create a {Seconds ?? VideoCostEstimator.DefaultSeconds} s video ({Model ?? VideoCostEstimator.DefaultModel}, "
                + $"{Size ?? VideoCostEstimator.DefaultSize}{(_reference is null ? string.Empty : ", from " + _reference)}), estimated cost {estimate}";
            if (!ShouldProcess($"'{VideoFormatter.PromptCell(Prompt, 60)}'", action))
            {
                return;
            }

            var request = new VideoCreateRequest
            {
                Prompt = Prompt,
                Model = Model,
                Seconds = Seconds,
                Size = Size,
                InputReference = _reference,
                CharacterIds = Character ?? new string[0],
                AdditionalProperties = ToAdditionalProperties(AdditionalProperties),
            };
            if (TryRun((client, token) => client.CreateAsync(request, token), Prompt, out var created))
            {
                WriteCreated(created, Wait, TimeoutSec);
            }
        }
    }
}
