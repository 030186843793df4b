using System.Collections;
using System.Management.Automation;
using OpenAIVideos.Client;
using OpenAIVideos.Commands.Completion;

namespace OpenAIVideos.Commands
{
    /// <summary>
    /// <para type="synopsis">Makes a new video by editing a completed one.</para>
    /// <para type="description">Edits (<c>POST /videos/edits</c>) a completed video given by id, or an MP4
    /// uploaded from -Path. Billed; -WhatIf shows what would be done.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "VideoEdit", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByIdSet)]
    [OutputType(typeof(Video))]
    public sealed class InvokeVideoEditCommand : VideoApiCmdlet
    {
        private const string ByIdSet = "ById";
        private const string ByFileSet = "ByFile";

        /// <summary>The completed video to edit; video objects bind by their Id.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "video_id")]
        [ArgumentCompleter(typeof(VideoIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string? VideoId { get; set; }

        /// <summary>An MP4 to upload and edit.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByFileSet)]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }

        /// <summary>How to change the video.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Prompt { get; set; } = string.Empty;

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

        /// <summary>Edits one video.</summary>
        protected override void ProcessRecord()
        {
            var source = ParameterSetName == ByFileSet ? ResolvePath(Path!) : VideoId!;
            if (!ShouldProcess(source, $"Edit video (billed) with prompt '{VideoFormatter.PromptCell(Prompt, 60)}'"))
            {
                return;
            }

            var request = new VideoEditRequest
            {
                Prompt = Prompt,
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

            if (TryRun((client, token) => client.EditAsync(request, token), source, out var created))
            {
                WriteCreated(created, Wait, TimeoutSec);
            }
        }
    }
}
