using System.Management.Automation;
using OpenAIVideos.Commands.Completion;
using OpenAIVideos.Commands.Pipeline;

namespace OpenAIVideos.Commands
{
    /// <summary>
    /// <para type="synopsis">Deletes videos.</para>
    /// <para type="description">Deletes each video given or piped (only completed or failed videos can be deleted). A
    /// failure is reported for that video and the pipeline goes on, so
    /// <c>Get-Video | Where-Object Status -eq failed | Remove-Video</c> works.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "Video", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = DefaultSet)]
    [OutputType(typeof(VideoDeletionResult))]
    public sealed class RemoveVideoCommand : VideoApiCmdlet
    {
        private const string DefaultSet = "Default";

        /// <summary>The id of the video to delete; video objects bind by their Id.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "video_id")]
        [PipelineText(nameof(VideoId), "Id", "video_id")]
        [ArgumentCompleter(typeof(VideoIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string VideoId { get; set; } = string.Empty;

        /// <summary>
        /// Deletes without the confirmation that <c>$ConfirmPreference</c> asks for (Medium or Low; the default, High, asks
        /// nothing for this Medium-impact cmdlet), as other -Force switches do. An explicit -Confirm still asks, and -WhatIf
        /// still only shows what would happen.
        /// </summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Writes the server's deletion result.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Deletes one video.</summary>
        protected override void ProcessRecord()
        {
            // -Force as in "Everything you wanted to know about ShouldProcess" (learn.microsoft.com, PowerShell deep dives):
            // `if ($Force -and -not $Confirm) { $ConfirmPreference = 'None' }`, so an explicit -Confirm still asks.
            var proceed = Force && !IsWhatIf() && !IsConfirmGiven() ? true : ShouldProcess(VideoId, "Remove video");
            if (!proceed)
            {
                return;
            }

            var id = VideoId;
            if (TryRun((client, token) => client.DeleteAsync(id, token), id, out var result) && PassThru)
            {
                WriteObject(result);
            }
        }
    }
}
