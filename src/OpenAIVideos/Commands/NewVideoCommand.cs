using System.Collections;
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

        /// <summary>
        /// The duration in seconds (e.g. 4, 8, 12 for sora-2; 4, 6, 8 for Veo); sent in the server's own field and type
        /// (a string for the spec, an integer for Gemini, a number for OpenRouter). Completion offers what the model takes.
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Duration")]
        [ArgumentCompleter(typeof(SecondsCompleter))]
        public string? Seconds { get; set; }

        /// <summary>The resolution as WIDTHxHEIGHT, e.g. 720x1280 or 1280x720.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(SizeCompleter))]
        public string? Size { get; set; }

        /// <summary>The aspect ratio, e.g. 16:9 or 9:16 (Gemini, OpenRouter).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(AspectRatioCompleter))]
        public string? AspectRatio { get; set; }

        /// <summary>The resolution class, e.g. 720p or 1080p (Gemini, OpenRouter).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ResolutionCompleter))]
        public string? Resolution { get; set; }

        /// <summary>What the video should not show (Gemini, vLLM-Omni, SGLang).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? NegativePrompt { get; set; }

        /// <summary>A seed for repeatable results (Gemini, OpenRouter, vLLM-Omni, SGLang).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public long Seed { get; set; }

        /// <summary>Generate an audio track (-Audio), or not (-Audio:$false), where the server lets it be chosen (OpenRouter).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public SwitchParameter Audio { get; set; }

        /// <summary>
        /// The image the video starts from (its first frame): a local image path (relative to the current location), an
        /// http(s) or data URL, or a file id (file-...). For sora-2 it must match -Size exactly.
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? InputReference { get; set; }

        /// <summary>The image the video ends on: a local image path or an http(s) or data URL (Gemini, OpenRouter).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? LastFrame { get; set; }

        /// <summary>Up to three images of a subject or style to keep: local paths or http(s) or data URLs (Gemini, OpenRouter).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateCount(1, VideoRequestValues.MaxReferenceImages)]
        public string[]? ReferenceImage { get; set; }

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
            VideoCreateRequest request;
            try
            {
                request = new VideoRequestValues
                {
                    Prompt = Prompt,
                    Model = Model,
                    Seconds = Seconds,
                    Size = Size,
                    AspectRatio = AspectRatio,
                    Resolution = Resolution,
                    NegativePrompt = NegativePrompt,
                    Seed = MyInvocation.BoundParameters.ContainsKey(nameof(Seed)) ? Seed.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
                    Audio = MyInvocation.BoundParameters.ContainsKey(nameof(Audio)) ? Audio.IsPresent : (bool?)null,
                    InputReference = InputReference,
                    LastFrame = LastFrame,
                    ReferenceImages = ReferenceImage ?? new string[0],
                    Characters = Character ?? new string[0],
                    AdditionalProperties = ToAdditionalProperties(AdditionalProperties),
                }.ToRequest(ResolvePath, System.IO.File.Exists);
            }
            catch (VideoApiException exception)
            {
                // Values may come from each row (Import-Csv): a bad one fails that row only.
                WriteApiError(exception, Prompt);
                return;
            }

            var action = CreateDescription.Describe(Client.Profile, ModelsForEstimate(), request);
            if (!ShouldProcess($"'{VideoFormatter.PromptCell(Prompt, 60)}'", action))
            {
                return;
            }

            if (TryRun((client, token) => client.CreateAsync(request, token), Prompt, out var created))
            {
                WriteCreated(created, Wait, TimeoutSec);
            }
        }
    }
}
