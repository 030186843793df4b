using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OpenAIVideos.Client;

namespace OpenAIVideos.Commands
{
    /// <summary>
    /// <para type="synopsis">Makes a new video by editing a completed one.</para>
    /// <para type="description">Edits (<c>POST /videos/edits</c>) a completed video given by id, or an MP4
    /// uploaded from -Path. Billed; -WhatIf shows what would be done.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "VideoEdit", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByIdSet)]
    [OutputType(typeof(Video))]
    public sealed class InvokeVideoEditCommand : SourceVideoCmdlet
    {
        /// <inheritdoc />
        protected override string Action => "Edit video (billed)";

        /// <inheritdoc />
        protected override Task<Video> SendAsync(VideosClient client, string? videoId, UploadFile? file, IDictionary<string, object?> extras, CancellationToken token) =>
            client.EditAsync(new VideoEditRequest { VideoId = videoId, VideoFile = file, Prompt = Prompt, AdditionalProperties = extras }, token);
    }
}
