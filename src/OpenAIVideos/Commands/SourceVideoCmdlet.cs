using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OpenAIVideos.Client;
using OpenAIVideos.Commands.Completion;
using OpenAIVideos.Commands.Pipeline;

namespace OpenAIVideos.Commands
{
    /// <summary>
    /// What the cmdlets that make a new video from an existing one (edit, extension) share: the source as a completed
    /// video's id or an uploaded MP4, a prompt, extra fields, and -Wait. Each derived cmdlet says only what it sends.
    /// </summary>
    public abstract class SourceVideoCmdlet : VideoApiCmdlet
    {
        /// <summary>Parameter set: the source is a completed video on the server.</summary>
        protected const string ByIdSet = "ById";

        /// <summary>Parameter set: the source is a local MP4 that is uploaded.</summary>
        protected const string ByFileSet = "ByFile";

        /// <summary>The completed source video; video objects bind by their Id, piped strings as ids.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "video_id")]
        [PipelineText(nameof(VideoId), "Id", "video_id")]
        [ArgumentCompleter(typeof(VideoIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string? VideoId { get; set; }

        /// <summary>A local MP4 to upload as the source.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByFileSet)]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }

        /// <summary>What the new video should show.</summary>
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

        /// <summary>What -WhatIf and -Confirm say will be done, e.g. "Edit video (billed)".</summary>
        protected abstract string Action { get; }

        /// <summary>
        /// How the new video is priced from a source on the server (for -WhatIf), or null when the price cannot be told
        /// from the source alone (then -WhatIf reads nothing).
        /// </summary>
        protected virtual Func<Video, VideoCreateRequest>? PricedLike => null;

        /// <summary>Sends the request for one source: either <paramref name="videoId"/> or <paramref name="file"/> is set.</summary>
        protected abstract Task<Video> SendAsync(VideosClient client, string? videoId, UploadFile? file, IDictionary<string, object?> extras, CancellationToken token);

        /// <summary>Makes one new video from one source.</summary>
        protected override void ProcessRecord()
        {
            var byFile = ParameterSetName == ByFileSet;
            var source = byFile ? ResolvePath(Path!) : VideoId!;
            var cost = byFile || PricedLike is not { } priced ? string.Empty : SourceCostText(source, priced);
            if (!ShouldProcess(source, $"{Action} with prompt '{VideoFormatter.PromptCell(Prompt, 60)}'{cost}"))
            {
                return;
            }

            UploadFile? file;
            try
            {
                file = byFile ? UploadFile.FromPath(source) : null;
            }
            catch (VideoApiException exception)
            {
                WriteApiError(exception, source);
                return;
            }

            var extras = ToAdditionalProperties(AdditionalProperties);
            if (TryRun((client, token) => SendAsync(client, byFile ? null : source, file, extras, token), source, out var created))
            {
                WriteCreated(created, Wait, TimeoutSec);
            }
        }
    }
}
