using System.Collections;
using System.Management.Automation;
using OpenAIVideos.Client;
using OpenAIVideos.Commands.Completion;

namespace OpenAIVideos.Commands
{
    /// <summary>
    /// <para type="synopsis">Continues a video with a new segment.</para>
    /// <para type="description">Extends (<c>POST /videos/extensions</c>) a completed video given by id, or an MP4
    /// uploaded from -Path. The new video's Seconds is the stitched total. Billed; -WhatIf shows what would be done.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "VideoExtension", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByIdSet)]
    [OutputType(typeof(Video))]
    public sealed class InvokeVideoExtensionCommand : VideoApiCmdlet
    {
        private const string ByIdSet = "ById";
        private const string ByFileSet = "ByFile";

        /// <summary>The completed video to extend; video objects bind by their Id.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "video_id")]
        [ArgumentCompleter(typeof(VideoIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string? VideoId { get; set; }

        /// <summary>An MP4 to upload and extend.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByFileSet)]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }

        /// <summary>What happens in the new segment.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Prompt { get; set; } = string.Empty;

        /// <summary>Length of the new segment: 4, 8, 12, 16 or 20.</summary>
        [Parameter(Mandatory = true)]
        [ArgumentCompleter(typeof(SecondsCompleter))]
        [ValidateNotNullOrEmpty]
        public string Seconds { get; set; } = string.Empty;

        /// <summary>Extra request fields for servers that take them.</summary>
        [Parameter]
        public Hashtable? AdditionalProperties { get; set; }

        /// <summary>Waits for the new video to finish and writes it.</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>With -Wait, gives up waiting after this many seconds; 0 waits until it ends.</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int TimeoutSec { get; set; }

        /// <summary>Extends one video.</summary>
        protected override void ProcessRecord()
        {
            var source = ParameterSetName == ByFileSet ? ResolvePath(Path!) : VideoId!;
            if (!ShouldProcess(source, $"Extend video by {Seconds} s (billed) with prompt '{VideoFormatter.PromptCell(Prompt, 60)}'"))
            {
                return;
            }

            var request = new VideoExtendRequest
            {
                Prompt = Prompt,
                Seconds = Seconds,
                AdditionalProperties = ToAdditionalProperties(AdditionalProperties),
            };
            try
            {
                if (ParameterSetName == ByFileSet)
                {
                    request.VideoFile = UploadFile.FromPath(source);
                }
                else
                {
                    request.VideoId = source;
                }
            }
            catch (VideoApiException exception)
            {
                WriteApiError(exception, source);
                return;
            }

            if (TryRun((client, token) => client.ExtendAsync(request, token), source, out var created))
            {
                WriteCreated(created, Wait, TimeoutSec);
            }
        }
    }
}
