using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OpenAIVideos.Emulator.Api;
using OpenAIVideos.Emulator.Dialects.FastApi;
using OpenAIVideos.Emulator.Endpoints;
using OpenAIVideos.Emulator.Hosting;
using OpenAIVideos.Emulator.Jobs;

namespace OpenAIVideos.Emulator.Dialects.SGLang
{
    /// <summary>
    /// SGLang's <c>/v1/videos</c> router (sgl-project/sglang video_api.py @ 00ae37c817a8e1195bfa0cb3641f75d8a2d9f4a5):
    /// no remix, extensions, edits or characters.
    /// </summary>
    internal static class SGLangEndpoints
    {
        public static void Map(IEndpointRouteBuilder api, RouteTable routes)
        {
            routes.Map(api, "POST", "/videos", CreateAsync, "create");
            routes.Map(api, "GET", "/videos", List, "list");
            routes.Map(api, "GET", "/videos/{videoId}", VideoRetrieval.Retrieve, "retrieve");
            routes.Map(api, "DELETE", "/videos/{videoId}", Delete, "delete");
            routes.Map(api, "GET", "/videos/{videoId}/content", DownloadAsync, "content");
        }

        private static Task<IResult> CreateAsync(HttpContext context, EmulatorState state) =>
            VideoCreation.CreateAsync(context, state, () => SGLangCreateRequest.ValidateAsync(context.Request));

        /// <summary>
        /// <c>limit</c> is 1–100 (FastAPI's 422 otherwise), an unknown <c>order</c> means desc, an unknown <c>after</c>
        /// gives an empty page, and no <c>limit</c> lists everything. Without cursors in the answer, a client pages by
        /// passing the last id it got as <c>after</c> until a page comes back shorter than its <c>limit</c>.
        /// </summary>
        private static IResult List(HttpContext context, EmulatorState state)
        {
            IQueryCollection query = context.Request.Query;
            int? limit = null;
            if (query.TryGetValue("limit", out var limitValues))
            {
                string text = limitValues.ToString();
                ValidationIssue? issue = !int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int parsed)
                    ? ValidationIssue.IntParsing("query", "limit", text)
                    : parsed < 1 ? ValidationIssue.GreaterThanEqual("query", "limit", text, 1)
                    : parsed > 100 ? ValidationIssue.LessThanEqual("query", "limit", text, 100)
                    : null;
                if (issue != null)
                {
                    throw FastApiErrors.Unprocessable(new[] { issue });
                }

                limit = parsed;
            }

            string order = query.TryGetValue("order", out var orderValues) ? orderValues.ToString().ToLowerInvariant() : "desc";
            List<VideoJob> jobs = CreationOrder.Sort(state.Videos.Snapshot(), order != "asc");
            if (query.TryGetValue("after", out var after))
            {
                jobs = CreationOrder.After(jobs, after.ToString());
            }

            var page = (limit is int take ? jobs.Take(take) : jobs).Select(job => SGLangDialect.Present(state, job, deleted: false)).ToList();
            return new ApiResult(new SGLangVideoList(page, "list"));
        }

        /// <summary>Pops the job in any status (no cancellation) and answers it marked deleted.</summary>
        private static IResult Delete(string videoId, HttpContext context, EmulatorState state)
        {
            VideoJob job = state.Dialect.FindVideo(state, context, videoId);
            state.Videos.Remove(job.Id);
            return new ApiResult(SGLangDialect.Present(state, job, deleted: true));
        }

        /// <summary>The MP4 once the file exists; before that, and for failed jobs, a 404. <c>variant</c> is accepted and ignored.</summary>
        private static async Task DownloadAsync(string videoId, HttpContext context, EmulatorState state)
        {
            VideoJob job = state.Dialect.FindVideo(state, context, videoId);
            if (state.StateOf(job).Status != JobState.Completed)
            {
                throw FastApiErrors.HttpException(404, "Generation is still in-progress");
            }

            // Starlette's FileResponse(filename=basename(file_path)); the file is named after the request id.
            context.Response.Headers.ContentDisposition = $"attachment; filename=\"{job.Id}.mp4\"";
            await ContentStreamer.WriteAsync(context, state, job, "video");
        }
    }
}
