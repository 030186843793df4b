using System;
using System.Collections.Generic;
using System.Linq;
using OpenAIVideos.Emulator.Api;
using OpenAIVideos.Emulator.Dialects.OpenAI;
using OpenAIVideos.Emulator.Validation;

using OpenAIVideos.Emulator.Http;

namespace OpenAIVideos.Emulator.Dialects.Azure
{
    /// <summary>
    /// Azure OpenAI's v1 API for Sora 2 (Microsoft Learn, "Video generation with Sora" concepts and quickstart: the v1 API
    /// "aligns with OpenAI's native Sora 2 schema"): OpenAI's endpoints and shapes under <c>{endpoint}/openai/v1</c>, the
    /// key in <c>api-key</c> (or <c>Authorization: Bearer</c>), and remix but no extensions, edits or characters.
    /// Reported by users, not confirmed (see the emulator README): <c>api-version=preview</c>, sora-2 rendering only
    /// 1280x720 and 720x1280, and a 429 beyond about two running jobs per key.
    /// </summary>
    internal sealed class AzureDialect : OpenAICompatibleDialect
    {

        /// <summary>
        /// <c>api-version</c> values the v1 routes take: none (the v1 API needs none, per Microsoft Learn), <c>preview</c>
        /// (what users report video routes need) and <c>latest</c>. Dated versions belong to the older deployment routes.
        /// </summary>
        public static readonly string[] ApiVersions = { "preview", "latest" };

        /// <summary>Running videos one key may have before a create is a 429 (reported by users, not confirmed).</summary>
        public override int? DefaultMaxRunningJobsPerKey => 2;

        public override string ApiPrefix => "/openai/v1";

        protected override bool HasExtensionsEditsAndCharacters => false;

        public override string? PresentedKey(ApiRequest request) =>
            ApiKeyHeaders.Named(request, "api-key") ?? ApiKeyHeaders.Bearer(request);

        /// <summary>Azure AI services' well-known 401 body.</summary>
        public override ApiException Unauthorized(bool keyMissing) => AzureError(401, "401",
            "Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.");

        public override ApiException UnknownRoute(ApiContext context, RouteTable routes) => AzureError(404, "404", "Resource not found");

        /// <summary>Sora 2 on Azure: every deployment renders only 1280x720 and 720x1280 (reported by users, not confirmed).</summary>
        public override void CheckSize(string model, string size)
        {
            if (!VideoValues.Sora2Sizes.Contains(size, StringComparer.Ordinal))
            {
                throw ApiException.BadRequest($"Invalid value: '{size}'. Supported values for model '{model}' are: {VideoValues.Listing(VideoValues.Sora2Sizes)}.", "size", "invalid_value");
            }
        }

        public override void CheckRequest(ApiRequest request)
        {
            if (request.Query.TryGetValue("api-version", out var version) && !ApiVersions.Contains(version.ToString(), StringComparer.Ordinal))
            {
                throw AzureError(400, "BadRequest", "API version not supported");
            }
        }

        /// <summary>Azure's own envelope: <c>{"error": {"code", "message"}}</c>, code a string.</summary>
        private static ApiException AzureError(int status, string code, string message) => ApiException.WithBody(
            status, new Dictionary<string, object> { ["error"] = new Dictionary<string, string> { ["code"] = code, ["message"] = message } }, message);
    }
}
