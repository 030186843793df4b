using System.Globalization;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using OpenAIVideos.Emulator.Api;
using OpenAIVideos.Emulator.Content;
using OpenAIVideos.Emulator.Hosting;
using OpenAIVideos.Emulator.Jobs;

namespace OpenAIVideos.Emulator.Endpoints
{
    /// <summary>
    /// Writes one variant of a video's content with a Content-Length and honours a single-range <c>Range</c> header
    /// (206), so resumable downloads can be tested under every dialect.
    /// </summary>
    internal static class ContentStreamer
    {
        /// <summary>Writes <paramref name="variant"/> of <paramref name="job"/>; <paramref name="honourRange"/> false (LiteLLM re-sends whole bodies) means no 206 and no Accept-Ranges.</summary>
        public static async Task WriteAsync(HttpContext context, EmulatorState state, VideoJob job, string variant, bool honourRange = true)
        {
            var body = VideoContentBody.For(job, variant);
            long length = body.Length;
            HttpResponse response = context.Response;
            response.ContentType = body.ContentType;
            long start = 0, count = length;
            string rangeHeader = honourRange ? context.Request.Headers.Range.ToString() : string.Empty;
            if (honourRange)
            {
                response.Headers.AcceptRanges = "bytes";
            }

            if (ByteRange.TryParse(rangeHeader, length, out ByteRange range, out bool unsatisfiable))
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
            await body.WriteAsync(response.Body, start, count, state.Statistics.RecordContentBytes, context.RequestAborted);
        }
    }
}
