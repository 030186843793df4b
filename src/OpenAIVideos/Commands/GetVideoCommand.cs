using System;
using System.Management.Automation;
using OpenAIVideos.Client;
using OpenAIVideos.Commands.Completion;
using OpenAIVideos.Commands.Pipeline;

namespace OpenAIVideos.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets videos: by id, or every video the server lists.</para>
    /// <para type="description">With -VideoId, fetches each video's latest state. Without, lists videos page by page
    /// (newest first unless -Order asc), filtered by -Status; -First and -Skip stop requesting pages once satisfied.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "Video", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(Video))]
    public sealed class GetVideoCommand : VideoApiCmdlet
    {
        private const string ListSet = "List";
        private const string ByIdSet = "ById";

        /// <summary>The ids of the videos to get; video objects bind by their Id.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "video_id")]
        [PipelineText(nameof(VideoId), "Id", "video_id", Many = true)]
        [ArgumentCompleter(typeof(VideoIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] VideoId { get; set; } = Array.Empty<string>();

        /// <summary>Only videos with one of these statuses (queued, in_progress, completed, failed, or a gateway's own); any case.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ArgumentCompleter(typeof(StatusCompleter))]
        public string[]? Status { get; set; }

        /// <summary>asc (oldest first) or desc (newest first, the server's default).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("asc", "desc", IgnoreCase = true)]
        public string? Order { get; set; }

        /// <summary>Videos per request, 1 to 100 (the server's default when not given).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, 100)]
        public int PageSize { get; set; }

        /// <summary>Gets each id given or piped.</summary>
        protected override void ProcessRecord()
        {
            if (ParameterSetName != ByIdSet)
            {
                return;
            }

            foreach (var id in VideoId)
            {
                if (TryRun((client, token) => client.RetrieveAsync(id, token), id, out var video))
                {
                    WriteObject(video);
                }
            }
        }

        /// <summary>Lists, streaming page by page.</summary>
        protected override void EndProcessing()
        {
            if (ParameterSetName == ListSet)
            {
                List();
            }

            base.EndProcessing();
        }

        private void List()
        {
            if (PagingParameters.IncludeTotalCount)
            {
                // The API gives no total; accuracy 0 says "unknown".
                WriteObject(PagingParameters.NewTotalCount(0, 0.0));
            }

            var window = new VideoListWindow(Status, PagingParameters.Skip, PagingParameters.First);
            var query = new VideoListQuery
            {
                Order = Order?.ToLowerInvariant(),
                PageSize = MyInvocation.BoundParameters.ContainsKey(nameof(PageSize)) ? PageSize : window.SuggestedPageSize(),
            };
            if (window.IsSatisfied)
            {
                return;
            }

            try
            {
                // Pulled on the pipeline thread: the rest of a page is written with no thread hand-off per video, and
                // the next page is requested only when the pipeline asks for more.
                ForEach((client, token) => client.ListAsync(query, token), video =>
                {
                    var decision = window.Offer(video);
                    if (decision.Emit)
                    {
                        WriteObject(video);
                    }

                    return !decision.Stop;
                });
            }
            catch (VideoApiException exception)
            {
                WriteApiError(exception, null);
            }
        }
    }
}
