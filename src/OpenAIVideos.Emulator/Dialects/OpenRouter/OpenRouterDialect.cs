using System;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OpenAIVideos.Emulator.Api;
using OpenAIVideos.Emulator.Dialects.FastApi;
using OpenAIVideos.Emulator.Hosting;
using OpenAIVideos.Emulator.Jobs;

namespace OpenAIVideos.Emulator.Dialects.OpenRouter
{
    /// <summary>
    /// OpenRouter's asynchronous Video Generation API, as its public docs describe it (read 2026-12-06 through the search
    /// index): the API reference "Video Generation" (openrouter.ai/docs/api-reference/videos: routes under
    /// <c>https://openrouter.ai/api/v1</c>, Bearer key, submit answers 202 with <c>id</c> and a relative
    /// <c>polling_url</c>, terminal statuses completed, failed, cancelled and expired, results as the signed storage URL
    /// <c>urls[0]</c> or the authenticated content proxy <c>unsigned_urls[0]</c>, polling every 10–30 s), the TypeScript
    /// SDK's <c>VideoGenerationRequest</c>/<c>VideoGenerationResponse</c>, and the "Video Generation" guide for
    /// <c>/videos/models</c>, which needs no key. Statuses: <c>pending</c> while queued, then <c>in_progress</c>.
    /// Not pinned down: the id format (the SDK's example is <c>job-abc123</c>), a progress field, how unknown routes answer.
    /// </summary>
    internal sealed class OpenRouterDialect : ServerDialect
    {
        public override string ApiPrefix => "/api/v1";

        public override bool UsesStorageOrigin => true;

        public override int CreatedStatus => StatusCodes.Status202Accepted;

        public override void Map(IEndpointRouteBuilder api, RouteTable routes) => OpenRouterEndpoints.Map(api, routes);

        public override bool AllowsAnonymous(HttpRequest request) =>
            HttpMethods.IsGet(request.Method) && string.Equals(request.Path.Value?.TrimEnd('/'), ApiPrefix + "/videos/models", StringComparison.Ordinal);

        public override string? PresentedKey(HttpRequest request) => ApiKeyHeaders.Bearer(request);

        public override ApiException Unauthorized(bool keyMissing) => OpenRouterErrors.Unauthorized(keyMissing);

        public override object ErrorBody(ApiException error) => OpenRouterErrors.Body(error.Status, error.Message);

        public override ApiException UnknownRoute(HttpContext context, RouteTable routes) =>
            FastApiErrors.UnmatchedRoute(context, routes, OpenRouterErrors.Error);

        public override string NewVideoId() => "job-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

        public override ApiException NotFound(string publicId) => OpenRouterErrors.Error(404, $"Video generation job {publicId} not found.");

        /// <summary>The submit answer: <c>{id, polling_url, status: "pending"}</c>.</summary>
        public override object PresentCreated(EmulatorState state, VideoJob job) => new OpenRouterVideoJob(job.Id, PollingUrl(job), "pending");

        /// <summary>The job with its content proxy URL relative to the API root (retrieves use the absolute form).</summary>
        public override object Present(EmulatorState state, VideoJob job) => Present(state, job, null);

        /// <summary>
        /// The job as a poll answers it. <c>unsigned_urls</c> is the content route on the API's own origin
        /// (<paramref name="apiRoot"/>; it needs the key), <c>urls</c> the bearer link on the storage origin (no key).
        /// </summary>
        public static OpenRouterVideoJob Present(EmulatorState state, VideoJob job, Uri? apiRoot)
        {
            JobState jobState = state.StateOf(job);
            var details = (OpenRouterJobDetails)job.Details!;
            string status = StatusOf(jobState, state.Now);
            bool completed = status == JobState.Completed;
            string content = $"{PollingUrl(job)}/content?index=0";
            return new OpenRouterVideoJob(job.Id, PollingUrl(job), status)
            {
                GenerationId = jobState.IsTerminal ? details.GenerationId : null,
                UnsignedUrls = completed ? new[] { apiRoot is null ? content : new Uri(apiRoot, content).AbsoluteUri } : null,
                Urls = completed ? new[] { state.Storage.UrlFor(job).AbsoluteUri } : null,
                Usage = completed ? new OpenRouterUsage(details.Cost, false) : null,
                Error = status switch
                {
                    JobState.Failed => jobState.ErrorMessage,
                    JobState.Cancelled => "The video generation job was cancelled.",
                    JobState.Expired => "The video generation job expired.",
                    _ => null,
                },
            };
        }

        /// <summary>
        /// <c>pending</c> while queued, <c>in_progress</c> while running, otherwise the terminal status; a completed job
        /// whose output has expired (<c>ExpireNow</c>, or an hour after completion) reports <c>expired</c>, "output expired
        /// before retrieval" as the openrouter-client crate's <c>VideoStatus</c> documents it (docs.rs, read 2026-12-06).
        /// </summary>
        public static string StatusOf(JobState jobState, DateTimeOffset now) =>
            jobState.Status == JobState.Queued ? "pending"
            : jobState.Status == JobState.Completed && jobState.IsContentExpired(now) ? JobState.Expired
            : jobState.Status;

        private static string PollingUrl(VideoJob job) => $"/api/v1/videos/{job.Id}";
    }
}
