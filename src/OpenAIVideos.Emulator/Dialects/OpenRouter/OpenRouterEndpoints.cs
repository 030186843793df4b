using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OpenAIVideos.Emulator.Api;
using OpenAIVideos.Emulator.Endpoints;
using OpenAIVideos.Emulator.Hosting;
using OpenAIVideos.Emulator.Jobs;

namespace OpenAIVideos.Emulator.Dialects.OpenRouter
{
    /// <summary>
    /// The four routes of OpenRouter's Video Generation API (its API reference's endpoint table): submit (202), poll,
    /// content and the model list. There is no list, delete, remix, extension, edit or character route.
    /// </summary>
    internal static class OpenRouterEndpoints
    {
        public static void Map(IEndpointRouteBuilder api, RouteTable routes)
        {
            routes.Map(api, "POST", "/videos", CreateAsync, "create");
            routes.Map(api, "GET", "/videos/models", Models, "models");
            routes.Map(api, "GET", "/videos/{videoId}", Retrieve, "retrieve");
            routes.Map(api, "GET", "/videos/{videoId}/content", DownloadAsync, "content");
        }

        private static Task<IResult> CreateAsync(HttpContext context, EmulatorState state) =>
            VideoCreation.CreateAsync(context, state, () => OpenRouterCreateRequest.ValidateAsync(context.Request));

        private static IResult Models() => new ApiResult(new OpenRouterModelList(OpenRouterCatalogue.Models));

        private static IResult Retrieve(string videoId, HttpContext context, EmulatorState state)
        {
            VideoJob job = state.Dialect.FindVideo(state, context, videoId);
            var apiRoot = new Uri($"{context.Request.Scheme}://{context.Request.Host}/");
            return new ApiResult(OpenRouterDialect.Present(state, job, apiRoot));
        }

        /// <summary>
        /// The MP4 of a completed job, with single-range support. <c>index</c> picks one of <c>unsigned_urls</c>; there is
        /// one output, so only 0. Not pinned down: the answers for a job that is not (or no longer) completed and for a bad
        /// index (400 here).
        /// </summary>
        private static async Task DownloadAsync(string videoId, HttpContext context, EmulatorState state)
        {
            VideoJob job = state.Dialect.FindVideo(state, context, videoId);
            string index = context.Request.Query.TryGetValue("index", out var value) ? value.ToString() : "0";
            if (index != "0")
            {
                throw OpenRouterErrors.BadRequest($"Invalid index '{index}': this job has 1 output (index 0).");
            }

            string status = OpenRouterDialect.StatusOf(state.StateOf(job), state.Now);
            if (status != JobState.Completed)
            {
                throw OpenRouterErrors.BadRequest($"Video generation job {videoId} is not completed (status: {status}).");
            }

            await ContentStreamer.WriteAsync(context, state, job, "video");
        }
    }
}
