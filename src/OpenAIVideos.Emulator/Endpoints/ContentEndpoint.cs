using OpenAIVideos.Emulator.Api;
using OpenAIVideos.Emulator.Content;
using OpenAIVideos.Emulator.Dialects;
using OpenAIVideos.Emulator.Dialects.OpenAI;
using OpenAIVideos.Emulator.Hosting;
using OpenAIVideos.Emulator.Jobs;
using OpenAIVideos.Emulator.Validation;
using System.Threading.Tasks;

using OpenAIVideos.Emulator.Http;

namespace OpenAIVideos.Emulator.Endpoints
{
    /// <summary>
    /// <c>GET /videos/{id}/content</c> as OpenAI serves it: the MP4, WebP thumbnail or JPEG spritesheet of a completed,
    /// unexpired video (see <see cref="ContentStreamer"/> for the bytes and ranges).
    /// </summary>
    internal static class ContentEndpoint
    {
        private static readonly string[] Variants = { "video", "thumbnail", "spritesheet" };

        public static void Map(RouteTable routes) =>
            routes.Map("GET", "/videos/{videoId}/content", c => DownloadAsync(c.RouteValue("videoId"), c, c.State), "content");

        private static async Task DownloadAsync(string videoId, ApiContext context, EmulatorState state)
        {
            var dialect = (OpenAICompatibleDialect)state.Dialect;
            string variant = context.Request.Query.TryGetValue("variant", out var value) && dialect.ForwardsContentQuery ? value.ToString() : "video";
            VideoValues.OneOf("variant", variant, Variants);
            VideoJob job = dialect.FindVideo(state, context, videoId);
            JobState jobState = state.StateOf(job);
            if (jobState.Status != JobState.Completed)
            {
                throw SourceVideos.NotReady(videoId, jobState.Status, "downloaded");
            }

            if (jobState.IsContentExpired(state.Now))
            {
                throw new ApiException(410, $"The content of video '{videoId}' has expired. Video assets are kept for one hour after completion.", null, "video_expired");
            }

            dialect.DecorateContent(context.Response, videoId);
            await ContentStreamer.WriteAsync(context, state, job, variant, honourRange: dialect.ForwardsContentQuery);
        }
    }
}
