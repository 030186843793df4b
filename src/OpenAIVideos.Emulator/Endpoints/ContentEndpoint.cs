using System;
using System.Globalization;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OpenAIVideos.Emulator.Api;
using OpenAIVideos.Emulator.Content;
using OpenAIVideos.Emulator.Hosting;
using OpenAIVideos.Emulator.Jobs;
using OpenAIVideos.Emulator.Validation;

namespace OpenAIVideos.Emulator.Endpoints
{
    /// <summary>
    /// <c>GET /v1/videos/{id}/content</c>: streams the MP4, WebP thumbnail or JPEG spritesheet with a Content-Length
    /// and honours a single-range <c>Range</c> header (206), so resumable downloads can be tested.
    /// </summary>
    internal static class ContentEndpoint
    {
        private static readonly string[] Variants = { "video", "thumbnail", "spritesheet" };

        public static void Map(IEndpointRouteBuilder api) =>
            api.MapGet("/videos/{videoId}/content", DownloadAsync).WithMetadata(new ApiOperation("content"));

        private static async Task DownloadAsync(string videoId, HttpContext context, EmulatorState state)
        {
            string variant = context.Request.Query.TryGetValue("variant", out var value) ? value.ToString() : "video";
            VideoValues.OneOf("variant", variant, Variants);
            VideoJob job = state.Videos.Find(videoId) ?? throw ApiException.VideoNotFound(videoId);
            JobState jobState = state.StateOf(job);
            if (jobState.Status != JobState.Completed)
            {
                throw SourceVideos.NotReady(videoId, jobState.Status, "downloaded");
            }

            if (jobState.IsContentExpired(state.Now))
            {
                throw new ApiException(410, $"The content of video '{videoId}' has expired. Video assets are kept for one hour after completion.", null, "video_expired");
            }

            bool synthetic = variant == "video" && job.Markers.ContentBytes.HasValue;
            byte[]? asset = null;
            string contentType = "video/mp4";
            long length;
            if (synthetic)
            {
                length = job.Markers.ContentBytes!.Value;
            }
            else
            {
                (asset, contentType) = ContentAssets.Get(variant, job.Size);
                length = asset.Length;
            }

            HttpResponse response = context.Response;
            response.ContentType = contentType;
            response.Headers.AcceptRanges = "bytes";
            long start = 0, count = length;
            if (ByteRange.TryParse(context.Request.Headers.Range.ToString(), length, out ByteRange range, out bool unsatisfiable))
            {
                (start, count) = (range.Start, range.Length);
                response.StatusCode = StatusCodes.Status206PartialContent;
                response.Headers.ContentRange = $"bytes {start}-{start + count - 1}/{length}";
            }
            else if (unsatisfiable)
            {
                response.Headers.ContentRange = "bytes */" + length.ToString(CultureInfo.InvariantCulture);
                throw new ApiException(416, $"Requested range not satisfiable for content of {length} bytes.", "range", "range_not_satisfiable");
            }

            response.ContentLength = count;
            if (asset != null)
            {
                // Counted before writing: once a client holds the bytes, the statistics already include them.
                state.Statistics.RecordContentBytes(count);
                await response.Body.WriteAsync(asset.AsMemory((int)start, (int)count), context.RequestAborted);
                return;
            }

            await SyntheticVideoContent.WriteAsync(response.Body, length, start, count, state.Statistics.RecordContentBytes, context.RequestAborted);
        }
    }
}
