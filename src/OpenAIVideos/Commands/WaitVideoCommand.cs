using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading.Tasks;
using OpenAIVideos.Client;
using OpenAIVideos.Commands.Completion;
using OpenAIVideos.Commands.Pipeline;

namespace OpenAIVideos.Commands
{
    /// <summary>
    /// <para type="synopsis">Waits for videos to finish and writes each as it does.</para>
    /// <para type="description">Collects every id given or piped, then waits on all at once, showing an overall progress
    /// bar and, under it, one per video for up to 10 videos at a time. Each video is written as it finishes, in the
    /// order they finish. A video that ends failed, cancelled or expired is written AND reported as a VideoFailed, VideoCancelled or VideoExpired error (so -ErrorAction Stop and $? work);
    /// one still running at -TimeoutSec is reported as WaitTimedOut and goes on running on the server.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Wait, "Video", DefaultParameterSetName = DefaultSet)]
    [OutputType(typeof(Video))]
    public sealed class WaitVideoCommand : VideoApiCmdlet
    {
        private const string DefaultSet = "Default";
        private readonly List<string> _ids = new List<string>();
        private readonly HashSet<string> _seen = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>The videos to wait for; video objects bind by their Id.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "video_id")]
        [PipelineText(nameof(VideoId), "Id", "video_id", Many = true)]
        [ArgumentCompleter(typeof(VideoIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] VideoId { get; set; } = Array.Empty<string>();

        /// <summary>Gives up after this many seconds overall (the jobs go on running); 0 waits until they end.</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int TimeoutSec { get; set; }

        /// <summary>Seconds between polls of each video; by default the server's hint, else 1.</summary>
        [Parameter]
        [ValidateRange(0.1, 3600.0)]
        public double PollIntervalSec { get; set; }

        /// <summary>Collects the ids (each once).</summary>
        protected override void ProcessRecord()
        {
            foreach (var id in VideoId)
            {
                if (_seen.Add(id))
                {
                    _ids.Add(id);
                }
            }
        }

        /// <summary>Waits for all of them.</summary>
        protected override void EndProcessing()
        {
            if (_ids.Count > 0)
            {
                WaitAll();
            }

            base.EndProcessing();
        }

        private void WaitAll() => WaitAllAndWrite(_ids, new VideoWaitOptions
        {
            Timeout = TimeoutSec > 0 ? TimeSpan.FromSeconds(TimeoutSec) : (TimeSpan?)null,
            PollInterval = MyInvocation.BoundParameters.ContainsKey(nameof(PollIntervalSec)) ? TimeSpan.FromSeconds(PollIntervalSec) : (TimeSpan?)null,
        });
    }
}
