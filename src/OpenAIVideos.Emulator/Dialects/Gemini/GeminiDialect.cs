using System;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OpenAIVideos.Emulator.Api;
using OpenAIVideos.Emulator.Hosting;
using OpenAIVideos.Emulator.Jobs;

namespace OpenAIVideos.Emulator.Dialects.Gemini
{
    /// <summary>
    /// The Gemini API's OpenAI compatibility layer for Veo, as its public docs describe it (read 2026-12-06 through the
    /// search index): the Gemini API "OpenAI compatibility" page (ai.google.dev/gemini-api/docs/openai, section "Generate a
    /// video": a "Sora-compatible <c>/v1/videos</c>" under <c>https://generativelanguage.googleapis.com/v1beta/openai/</c>,
    /// Bearer key, multipart create, the job <c>processing</c> until done, the result at <c>url</c>, polled every 10 s) and
    /// the Veo 3.1 page (ai.google.dev/gemini-api/docs/veo) for the parameter values. Not pinned down: the id format
    /// (the docs call it a long-running operation id; an opaque token stands in), whether any other route exists, and
    /// the host behind <c>url</c> (served here by the storage origin, without a key).
    /// </summary>
    internal sealed class GeminiDialect : ServerDialect
    {
        public const string RunningStatus = "processing";

        public override string ApiPrefix => "/v1beta/openai";

        public override bool UsesStorageOrigin => true;

        public override void Map(IEndpointRouteBuilder api, RouteTable routes) => GeminiEndpoints.Map(api, routes);

        /// <summary>The docs use <c>Authorization: Bearer</c>; the Gemini API's own <c>x-goog-api-key</c> is read too.</summary>
        public override string? PresentedKey(HttpRequest request) =>
            ApiKeyHeaders.Bearer(request) ?? ApiKeyHeaders.Named(request, "x-goog-api-key");

        public override ApiException Unauthorized(bool keyMissing) => GeminiErrors.Unauthorized(keyMissing);

        public override object ErrorBody(ApiException error) => GeminiErrors.Body(error.Status, error.Message);

        public override ApiException UnknownRoute(HttpContext context, RouteTable routes) =>
            GeminiErrors.Error(404, $"Method not found: {context.Request.Method} {context.Request.Path}.");

        public override string NewVideoId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

        public override ApiException NotFound(string publicId) => GeminiErrors.Error(404, $"Video {publicId} not found.");

        /// <summary><c>processing</c> while queued or running, otherwise the terminal status.</summary>
        public static string StatusOf(JobState jobState) => jobState.IsTerminal ? jobState.Status : RunningStatus;

        public override object Present(EmulatorState state, VideoJob job)
        {
            JobState jobState = state.StateOf(job);
            string status = StatusOf(jobState);
            bool completed = jobState.Status == JobState.Completed;
            return new GeminiVideoResource(
                job.Id,
                "video",
                job.Model,
                status,
                job.CreatedAt.ToUnixTimeSeconds(),
                jobState.CompletedAt?.ToUnixTimeSeconds(),
                job.Seconds,
                job.Size ?? "1280x720",
                completed ? state.Storage.UrlFor(job).AbsoluteUri : null,
                jobState.ErrorCode is null ? null : new VideoErrorResource(jobState.ErrorCode, jobState.ErrorMessage ?? string.Empty));
        }
    }
}
