using System.Collections.Generic;
using System.Globalization;
using OpenAIVideos.Emulator.Api;
using OpenAIVideos.Emulator.Dialects.FastApi;
using OpenAIVideos.Emulator.Hosting;
using OpenAIVideos.Emulator.Jobs;

using OpenAIVideos.Emulator.Http;

namespace OpenAIVideos.Emulator.Dialects.VllmOmni
{
    /// <summary>
    /// vLLM-Omni's video API, followed from david6666666/vllm-omni vllm_omni/entrypoints/openai/api_server.py @
    /// 003aed99d008635e65e4370f2f65a0651f5dbf9a (routes, form fields, list, delete, content) and
    /// protocol/videos.py @ d5e40ece7bd90ccde0d47fbac2c184425a1f516e (shapes). Errors raised by its handlers go through
    /// vLLM's HTTPException handler (integer <c>code</c>); unmatched routes are Starlette's own <c>{"detail": …}</c>.
    /// </summary>
    internal sealed class VllmOmniDialect : ServerDialect
    {
        public VllmOmniDialect(string servedModel) => ServedModel = servedModel;

        /// <summary>The one model this server runs.</summary>
        public string ServedModel { get; }

        public override void Map(RouteTable routes) => VllmOmniEndpoints.Map(routes);

        public override string NewVideoId() => "video_gen_" + ResourceIds.Uuid4Hex();

        public override ApiException Unauthorized(bool keyMissing) => FastApiErrors.PlainUnauthorized();

        public override object ErrorBody(ApiException error) =>
            new VllmErrorEnvelope(new VllmErrorInfo(error.Message, ReasonPhrases.GetReasonPhrase(error.Status), error.Param, error.Status));

        public override ApiException UnknownRoute(ApiContext context, RouteTable routes) =>
            FastApiErrors.UnmatchedRoute(context, routes);

        public override ApiException NotFound(string publicId) => new ApiException(404, "Video not found", null, null);

        /// <summary>
        /// A failed job's error code as vLLM-Omni reports it: the HTTP status its retrieve answers with (issue 11, read at
        /// fork 740bb31). Codes that are not integers (the emulator's own <c>moderation_blocked</c>) become 500.
        /// </summary>
        public static int ErrorStatus(JobState state) =>
            int.TryParse(state.ErrorCode, NumberStyles.None, CultureInfo.InvariantCulture, out int code) && code is >= 400 and <= 599 ? code : 500;

        public override object Present(EmulatorState state, VideoJob job)
        {
            JobState jobState = state.StateOf(job);
            bool completed = jobState.Status == JobState.Completed;
            // vLLM-Omni stamps completed_at and inference_time_s on failures too.
            long? endedAt = jobState.EndedAt?.ToUnixTimeSeconds();
            double? inferenceSeconds = jobState.EndedAt is { } ended ? (ended - job.CreatedAt).TotalSeconds : null;
            return new VllmOmniVideoResource(
                job.Model,
                job.Prompt,
                job.Id,
                "video",
                jobState.Status,
                job.Size,
                // The job records progress 0 until the generation task stores 100 with the finished file.
                completed ? 100 : 0,
                job.Seconds,
                "default",
                endedAt,
                job.CreatedAt.ToUnixTimeSeconds(),
                null,
                jobState.Status == JobState.Failed ? new VllmOmniVideoError(ErrorStatus(jobState), jobState.ErrorMessage ?? string.Empty) : null,
                "video/mp4",
                null,
                completed ? job.Id + ".mp4" : null,
                inferenceSeconds,
                new Dictionary<string, double>(),
                0.0,
                null);
        }
    }
}
