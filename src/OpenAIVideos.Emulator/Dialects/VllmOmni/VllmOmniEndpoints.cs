using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using OpenAIVideos.Emulator.Api;
using OpenAIVideos.Emulator.Dialects.FastApi;
using OpenAIVideos.Emulator.Endpoints;
using OpenAIVideos.Emulator.Hosting;
using OpenAIVideos.Emulator.Jobs;

using OpenAIVideos.Emulator.Http;

namespace OpenAIVideos.Emulator.Dialects.VllmOmni
{
    /// <summary>
    /// vLLM-Omni's routes (david6666666/vllm-omni vllm_omni/entrypoints/openai/api_server.py @
    /// 003aed99d008635e65e4370f2f65a0651f5dbf9a; <c>/v1/videos/sync</c> from later revisions): no remix, extensions,
    /// edits or characters.
    /// </summary>
    internal static class VllmOmniEndpoints
    {
        public static void Map(RouteTable routes)
        {
            routes.Map("POST", "/videos", c => CreateAsync(c, c.State), "create");
            routes.Map("POST", "/videos/sync", c => CreateSyncAsync(c, c.State), "create_sync");
            routes.Map("GET", "/videos", c => List(c, c.State), "list");
            routes.Map("GET", "/videos/{videoId}", c => Retrieve(c.RouteValue("videoId"), c, c.State), "retrieve");
            routes.Map("DELETE", "/videos/{videoId}", c => Delete(c.RouteValue("videoId"), c, c.State), "delete");
            routes.Map("GET", "/videos/{videoId}/content", c => DownloadAsync(c.RouteValue("videoId"), c, c.State), "content");
        }

        private static VllmOmniDialect Dialect(EmulatorState state) => (VllmOmniDialect)state.Dialect;

        private static Task<ApiResult> CreateAsync(ApiContext context, EmulatorState state) =>
            VideoCreation.CreateAsync(context, state, () => VllmOmniCreateForm.ValidateAsync(context.Request, Dialect(state)));

        /// <summary>Generates at once and answers the raw MP4; nothing is stored.</summary>
        private static async Task CreateSyncAsync(ApiContext context, EmulatorState state)
        {
            VideoSpec spec = await VllmOmniCreateForm.ValidateAsync(context.Request, Dialect(state));
            var rendered = new VideoJob(state.Dialect.NewVideoId(), -1, spec.Model, spec.Prompt, spec.Size, spec.Seconds, state.Now, null);
            await ContentStreamer.WriteAsync(context, state, rendered, "video");
        }

        private static ApiResult List(ApiContext context, EmulatorState state)
        {
            QueryValues query = context.Request.Query;
            var issues = new List<ValidationIssue>();
            int? limit = null;
            if (query.TryGetValue("limit", out var limitValues))
            {
                string text = limitValues.ToString();
                if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int parsed))
                {
                    issues.Add(ValidationIssue.IntParsing("query", "limit", text));
                }
                else if (parsed < 0)
                {
                    issues.Add(ValidationIssue.GreaterThanEqual("query", "limit", text, 0));
                }
                else if (parsed > 100)
                {
                    issues.Add(ValidationIssue.LessThanEqual("query", "limit", text, 100));
                }
                else
                {
                    limit = parsed;
                }
            }

            string order = query.TryGetValue("order", out var orderValues) ? orderValues.ToString() : "desc";
            if (order is not ("asc" or "desc"))
            {
                issues.Add(ValidationIssue.Literal("query", "order", order, "asc", "desc"));
            }

            if (issues.Count > 0)
            {
                throw VllmOmniCreateForm.ValidationFailed(issues);
            }

            List<VideoJob> jobs = CreationOrder.Sort(state.Videos.Snapshot(), order == "desc");
            if (query.TryGetValue("after", out var after))
            {
                jobs = CreationOrder.After(jobs, after.ToString());
            }

            bool hasMore = limit is int max && jobs.Count > max;
            var page = (limit is int take ? jobs.Take(take) : jobs).Select(job => (VllmOmniVideoResource)state.Dialect.Present(state, job)).ToList();
            return new ApiResult(new VllmOmniVideoList(page.FirstOrDefault()?.Id, page.LastOrDefault()?.Id, hasMore, page, "list"));
        }

        /// <summary>A failed job answers with its error code as the HTTP status and the video as the body.</summary>
        private static ApiResult Retrieve(string videoId, ApiContext context, EmulatorState state)
        {
            VideoJob job = state.Dialect.FindVideo(state, context, videoId);
            JobState jobState = state.StateOf(job);
            int status = jobState.Status == JobState.Failed ? VllmOmniDialect.ErrorStatus(jobState) : 200;
            return new ApiResult(state.Dialect.Present(state, job), status);
        }

        /// <summary>Any status may be deleted: a queued or running job is cancelled first.</summary>
        private static ApiResult Delete(string videoId, ApiContext context, EmulatorState state)
        {
            VideoJob job = state.Dialect.FindVideo(state, context, videoId);
            state.Videos.Remove(job.Id);
            return new ApiResult(new VllmOmniVideoDeleted(job.Id, true, "video.deleted"));
        }

        /// <summary>Always the MP4: the route has no <c>variant</c> parameter, so one sent is ignored.</summary>
        private static async Task DownloadAsync(string videoId, ApiContext context, EmulatorState state)
        {
            VideoJob job = state.Dialect.FindVideo(state, context, videoId);
            string status = state.StateOf(job).Status;
            if (status == JobState.Failed)
            {
                throw new ApiException(422, "Video generation failed. Check job status for error details.", null, null);
            }

            if (status != JobState.Completed)
            {
                throw new ApiException(404, "Generation is still in-progress", null, null);
            }

            // Starlette's FileResponse(filename=job.file_name) names the download.
            context.Response.Headers["Content-Disposition"] = $"attachment; filename=\"{job.Id}.mp4\"";
            await ContentStreamer.WriteAsync(context, state, job, "video");
        }
    }
}
