using System.Management.Automation;
using OpenAIVideos.Client;
using OpenAIVideos.Commands.Completion;
using OpenAIVideos.Commands.Pipeline;

namespace OpenAIVideos.Commands
{
    /// <summary>
    /// <para type="synopsis">Makes a new video from a completed one with a changed prompt.</para>
    /// <para type="description">Remixes (<c>POST /videos/{id}/remix</c>) each video given or piped. Billed like a new
    /// video; -WhatIf shows what would be remixed.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "VideoRemix", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = DefaultSet)]
    [OutputType(typeof(Video))]
    public sealed class InvokeVideoRemixCommand : VideoApiCmdlet
    {
        private const string DefaultSet = "Default";

        /// <summary>The completed video to remix; video objects bind by their Id, piped strings as ids.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "video_id")]
        [PipelineText(nameof(VideoId), "Id", "video_id")]
        [ArgumentCompleter(typeof(VideoIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string VideoId { get; set; } = string.Empty;

        /// <summary>What to change.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Prompt { get; set; } = string.Empty;

        /// <summary>Waits for the new video to finish and writes it.</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>With -Wait, gives up waiting after this many seconds; 0 waits until it ends.</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int TimeoutSec { get; set; }

        /// <summary>Remixes one video.</summary>
        protected override void ProcessRecord()
        {
            // A remix is billed like a new video of the source's model, size and length.
            var cost = SourceCostText(VideoId, source => new VideoCreateRequest { Prompt = Prompt, Model = source.Model, Size = source.Size, Seconds = source.Seconds });
            if (!ShouldProcess(VideoId, $"Remix video (billed) with prompt '{VideoFormatter.PromptCell(Prompt, 60)}'{cost}"))
            {
                return;
            }

            var id = VideoId;
            var prompt = Prompt;
            if (TryRun((client, token) => client.RemixAsync(id, prompt, token), id, out var created))
            {
                WriteCreated(created, Wait, TimeoutSec);
            }
        }
    }
}
