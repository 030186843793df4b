using System;
using System.Collections.Generic;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OpenAIVideos.Emulator.Api;
using OpenAIVideos.Emulator.Dialects.Azure;
using OpenAIVideos.Emulator.Dialects.Gemini;
using OpenAIVideos.Emulator.Dialects.LiteLLM;
using OpenAIVideos.Emulator.Dialects.OpenAI;
using OpenAIVideos.Emulator.Dialects.OpenRouter;
using OpenAIVideos.Emulator.Dialects.SGLang;
using OpenAIVideos.Emulator.Dialects.VllmOmni;
using OpenAIVideos.Emulator.Hosting;
using OpenAIVideos.Emulator.Jobs;

namespace OpenAIVideos.Emulator.Dialects
{
    /// <summary>
    /// The server a flavor imitates. Everything that differs between servers (routes, auth headers, error shapes, ids,
    /// how a video looks on the wire) is asked of this object, so endpoints and middleware never test the flavor.
    /// </summary>
    internal abstract class ServerDialect
    {
        public static ServerDialect For(EmulatorOptions options) => options.Flavor switch
        {
            EmulatorFlavor.OpenAI => new OpenAIDialect(),
            EmulatorFlavor.Gateway => new GatewayDialect(),
            EmulatorFlavor.VllmOmni => new VllmOmniDialect(options.ServedModel ?? EmulatorOptions.DefaultServedModel),
            EmulatorFlavor.SGLang => new SGLangDialect(),
            EmulatorFlavor.LiteLLM => new LiteLLMDialect(),
            EmulatorFlavor.Azure => new AzureDialect(),
            EmulatorFlavor.Gemini => new GeminiDialect(),
            EmulatorFlavor.OpenRouter => new OpenRouterDialect(),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Flavor, "Unknown emulator flavor."),
        };

        /// <summary>Path prefix of the API routes: <c>/v1</c>, or <c>/openai/v1</c> for Azure.</summary>
        public virtual string ApiPrefix => "/v1";

        /// <summary>Every prefix the routes are served under; the first is <see cref="ApiPrefix"/>.</summary>
        public virtual IReadOnlyList<string> ApiPrefixes => new[] { ApiPrefix };

        /// <summary>Whether a POST with <c>Idempotency-Key</c> is answered with the resource the first one made.</summary>
        public virtual bool HonoursIdempotencyKey => false;

        /// <summary>Maps the routes this server has; <paramref name="routes"/> remembers them for 404/405 answers.</summary>
        public abstract void Map(IEndpointRouteBuilder api, RouteTable routes);

        /// <summary>Whether this request needs no key (OpenRouter's public model list).</summary>
        public virtual bool AllowsAnonymous(HttpRequest request) => false;

        /// <summary>Whether completed videos are handed out as URLs on the storage origin, which then runs beside the API.</summary>
        public virtual bool UsesStorageOrigin => false;

        /// <summary>The HTTP status of a successful create (OpenRouter answers 202).</summary>
        public virtual int CreatedStatus => StatusCodes.Status200OK;

        /// <summary>What a successful create answers; most servers answer the video itself.</summary>
        public virtual object PresentCreated(EmulatorState state, VideoJob job) => Present(state, job);

        /// <summary>The API key a request presents, or null.</summary>
        public virtual string? PresentedKey(HttpRequest request) =>
            ApiKeyHeaders.Bearer(request) ?? ApiKeyHeaders.Named(request, "api-key");

        /// <summary>The answer to a request without a key (<paramref name="keyMissing"/>) or with a wrong one.</summary>
        public virtual ApiException Unauthorized(bool keyMissing) => OpenAIErrors.Unauthorized(keyMissing);

        /// <summary>The body of an error, in the server's own shape.</summary>
        public virtual object ErrorBody(ApiException error) => error.ToEnvelope();

        /// <summary>The answer to a path (or method) this server has no route for.</summary>
        public virtual ApiException UnknownRoute(HttpContext context, RouteTable routes) =>
            new ApiException(404, $"Invalid URL ({context.Request.Method} {context.Request.Path}).", null, "unknown_url");

        /// <summary>A fresh id for a new video, in the server's own shape.</summary>
        public virtual string NewVideoId() => ResourceIds.NewVideoId();

        /// <summary>The id clients see for a stored video.</summary>
        public virtual string PublicId(VideoJob job) => job.Id;

        /// <summary>The stored id behind an id a client sent.</summary>
        public virtual string StoredId(string publicId) => publicId;

        /// <summary>Throws when the caller may not touch <paramref name="job"/>.</summary>
        public virtual void Authorize(VideoJob job, HttpContext context)
        {
        }

        /// <summary>Unfinished videos one key may have when <see cref="EmulatorOptions.MaxRunningJobsPerKey"/> is not set; null is no limit.</summary>
        public virtual int? DefaultMaxRunningJobsPerKey => null;

        /// <summary>Throws (429 with <c>Retry-After</c>) when the caller may not start another video now.</summary>
        public void BeforeCreate(EmulatorState state, HttpContext context)
        {
            if ((state.Options.MaxRunningJobsPerKey ?? DefaultMaxRunningJobsPerKey) is int limit)
            {
                RunningJobLimit.Check(state, RequestOwner.Of(context), limit);
            }
        }

        /// <summary>The answer for an id no video has.</summary>
        public virtual ApiException NotFound(string publicId) => ApiException.VideoNotFound(publicId);

        /// <summary>A video as this server writes it.</summary>
        public abstract object Present(EmulatorState state, VideoJob job);

        /// <summary>Finds the video a client names, checking that the caller may see it.</summary>
        public VideoJob FindVideo(EmulatorState state, HttpContext context, string publicId)
        {
            VideoJob job = state.Videos.Find(StoredId(publicId)) ?? throw NotFound(publicId);
            Authorize(job, context);
            return job;
        }
    }
}
