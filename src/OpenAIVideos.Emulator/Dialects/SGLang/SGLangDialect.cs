using System;
using System.Collections.Generic;
using OpenAIVideos.Emulator.Api;
using OpenAIVideos.Emulator.Dialects.FastApi;
using OpenAIVideos.Emulator.Hosting;
using OpenAIVideos.Emulator.Jobs;

using OpenAIVideos.Emulator.Http;

namespace OpenAIVideos.Emulator.Dialects.SGLang
{
    /// <summary>
    /// SGLang Diffusion's video API. Routes and handlers follow the older, stricter sgl-project/sglang
    /// python/sglang/multimodal_gen/runtime/entrypoints/openai/video_api.py @ 00ae37c817a8e1195bfa0cb3641f75d8a2d9f4a5
    /// (a multipart create needs an <c>input_reference</c> file); the newer mickqian/sglang copy @
    /// 397d9becf40fc4a36a9d2e84fafd74c499a13ffe answers the same everywhere else. Every error is FastAPI's
    /// <c>{"detail": …}</c>; a job is <c>queued</c> until the scheduler reports it completed or failed.
    /// </summary>
    internal sealed class SGLangDialect : ServerDialect
    {
        /// <summary>
        /// The size a create without one reports: the pipeline's default sampling size (Wan2.1's 832x480; recalled, not
        /// looked up). The source derives it from the model, which the emulator does not have.
        /// </summary>
        public const string DefaultSize = "832x480";

        public override void Map(RouteTable routes) => SGLangEndpoints.Map(routes);

        // generate_request_id() was not pinned down; a UUID string stands in for it.
        public override string NewVideoId() => Guid.NewGuid().ToString();

        public override ApiException Unauthorized(bool keyMissing) => FastApiErrors.PlainUnauthorized();

        public override object ErrorBody(ApiException error) => FastApiErrors.Detail(error.Message);

        public override ApiException UnknownRoute(ApiContext context, RouteTable routes) =>
            FastApiErrors.UnmatchedRoute(context, routes);

        public override ApiException NotFound(string publicId) => FastApiErrors.HttpException(404, "Video not found");

        public override object Present(EmulatorState state, VideoJob job) => Present(state, job, deleted: false);

        /// <summary>The video; <paramref name="deleted"/> marks it <c>"status": "deleted"</c> as the delete answer does.</summary>
        public static SGLangVideoResource Present(EmulatorState state, VideoJob job, bool deleted)
        {
            JobState jobState = state.StateOf(job);
            // The job dict is written queued and only ever updated to completed or failed.
            string status = deleted ? "deleted" : jobState.IsTerminal ? jobState.Status : JobState.Queued;
            bool completed = jobState.Status == JobState.Completed;
            return new SGLangVideoResource(
                job.Id,
                "video",
                job.Model,
                status,
                completed ? 100 : 0,
                job.CreatedAt.ToUnixTimeSeconds(),
                job.Size ?? DefaultSize,
                job.Seconds,
                "standard",
                null,
                completed ? jobState.CompletedAt?.ToUnixTimeSeconds() : null,
                null,
                jobState.Status == JobState.Failed ? new Dictionary<string, string> { ["message"] = jobState.ErrorMessage ?? string.Empty } : null);
        }
    }
}
