using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
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
    public sealed class InvokeVideoExtensionCommand : SourceVideoCmdlet
    {
        /// <summary>Length of the new segment: 4, 8, 12, 16 or 20.</summary>
        [Parameter(Mandatory = true)]
        [ArgumentCompleter(typeof(SecondsCompleter))]
        [ValidateNotNullOrEmpty]
        public string Seconds { get; set; } = string.Empty;

        /// <inheritdoc />
        protected override string Action => $"Extend video by {Seconds} s (billed)";

        /// <summary>An extension is billed like a new video of the source's model and size, as long as the new segment.</summary>
        protected override System.Func<Video, VideoCreateRequest>? PricedLike =>
            source => new VideoCreateRequest { Prompt = Prompt, Model = source.Model, Size = source.Size, Seconds = Seconds };

        /// <inheritdoc />
        protected override Task<Video> SendAsync(VideosClient client, string? videoId, UploadFile? file, IDictionary<string, object?> extras, CancellationToken token) =>
            client.ExtendAsync(new VideoExtendRequest { VideoId = videoId, VideoFile = file, Prompt = Prompt, Seconds = Seconds, AdditionalProperties = extras }, token);
    }
}
