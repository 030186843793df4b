using System;
using System.Globalization;
using System.Threading.Tasks;
using OpenAIVideos.Emulator.Api;
using OpenAIVideos.Emulator.Content;
using OpenAIVideos.Emulator.Hosting;
using OpenAIVideos.Emulator.Jobs;

using OpenAIVideos.Emulator.Http;

namespace OpenAIVideos.Emulator.Endpoints
{
    /// <summary>
    /// Writes one variant of a video's content with a Content-Length and honours a single-range <c>Range</c> header
    /// (206), so resumable downloads can be tested under every dialect.
    /// </summary>
    internal static class ContentStreamer
    {
        /// <summary>Writes <paramref name="variant"/> of <paramref name="job"/>; <paramref name="honourRange"/> false (LiteLLM re-sends whole bodies) means no 206 and no Accept-Ranges.</summary>
        public static async Task WriteAsync(ApiContext context, EmulatorState state, VideoJob job, string variant, bool honourRange = true)
        {
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

            ApiResponse response = context.Response;
            response.ContentType = contentType;
            long start = 0, count = length;
            string rangeHeader = honourRange ? context.Request.Headers["Range"] : string.Empty;
            if (honourRange)
            {
                response.Headers["Accept-Ranges"] = "bytes";
            }

            if (ByteRange.TryParse(rangeHeader, length, out ByteRange range, out bool unsatisfiable))
            {
                (start, count) = (range.Start, range.Length);
                response.StatusCode = 206;
                response.Headers["Content-Range"] = $"bytes {start}-{start + count - 1}/{length}";
            }
            else if (unsatisfiable)
            {
                response.Headers["Content-Range"] = "bytes */" + length.ToString(CultureInfo.InvariantCulture);
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
