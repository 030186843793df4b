using System.Collections.Generic;
using OpenAIVideos.Emulator.Api;
using OpenAIVideos.Emulator.Dialects.FastApi;
using OpenAIVideos.Emulator.Dialects.OpenAI;
using OpenAIVideos.Emulator.Hosting;
using OpenAIVideos.Emulator.Jobs;

using OpenAIVideos.Emulator.Http;

namespace OpenAIVideos.Emulator.Dialects.LiteLLM
{
    /// <summary>
    /// A LiteLLM proxy routing <c>/v1/videos</c> to OpenAI (BerriAI/litellm docs/my-website/docs/videos.md @
    /// 050d1b1319f2fdee83abf008baef46f2eb49499a): OpenAI's answers, but ids rewritten to encode provider and model
    /// (<see cref="LiteLLMVideoIds"/>), each video owned by the key that made it (403 <c>Forbidden</c> for other keys, and
    /// lists show only the caller's videos while keeping the provider's cursors: litellm/proxy/video_endpoints/ownership.py
    /// @ 0a0b608bdb80b6c7879b9d475bb5f6396c31b6e8), listing needing <c>custom_llm_provider</c>, and keys accepted in
    /// <c>Authorization: Bearer</c>, <c>x-litellm-api-key</c> or <c>api-key</c>. Errors use LiteLLM's ProxyException
    /// envelope: <c>param</c> <c>"None"</c> when absent and <c>code</c> the status as a string (recalled from
    /// litellm/proxy/_types.py, not looked up in this session).
    /// </summary>
    internal sealed class LiteLLMDialect : OpenAICompatibleDialect
    {
        /// <summary>The provider every emulated deployment routes to.</summary>
        public const string Provider = "openai";

        /// <summary>Every video route is served under <c>/v1</c> and at the root (<c>/videos</c>), as endpoints.py maps both.</summary>
        public override IReadOnlyList<string> ApiPrefixes => new[] { ApiPrefix, string.Empty };

        public override string? PresentedKey(ApiRequest request) =>
            ApiKeyHeaders.Bearer(request) ?? ApiKeyHeaders.Named(request, "x-litellm-api-key") ?? ApiKeyHeaders.Named(request, "api-key");

        public override ApiException Unauthorized(bool keyMissing) => new ApiException(401, keyMissing
            // LiteLLM's wrong-key message also shows a masked key and its hash; the emulator never echoes a key.
            ? "Authentication Error, No api key passed in."
            : "Authentication Error, Invalid proxy server token passed.", null, null, "auth_error");

        public override object ErrorBody(ApiException error) => new Dictionary<string, object>
        {
            ["error"] = new Dictionary<string, string>
            {
                ["message"] = error.Message,
                ["type"] = error.Type,
                ["param"] = error.Param ?? "None",
                ["code"] = error.Status.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
        };

        public override ApiException UnknownRoute(ApiContext context, RouteTable routes) =>
            FastApiErrors.UnmatchedRoute(context, routes);

        public override string PublicId(VideoJob job) => LiteLLMVideoIds.Encode(job.Id, Provider, job.Model);

        public override string StoredId(string publicId) => LiteLLMVideoIds.Decode(publicId) ?? publicId;

        public override void Authorize(VideoJob job, ApiContext context)
        {
            if (job.Owner != RequestOwner.Of(context))
            {
                throw new ApiException(403, "Forbidden", null, null, "None");
            }
        }

        /// <summary>
        /// The docs: "video_list requires custom_llm_provider since there's no video_id to decode from". The status and the
        /// wording of LiteLLM's answer without it were not pinned down; this 400 is the emulator's.
        /// </summary>
        public override void CheckList(ApiContext context)
        {
            bool named = context.Request.Query["custom_llm_provider"].ToString().Length > 0
                || context.Request.Headers["custom-llm-provider"].ToString().Length > 0;
            if (!named)
            {
                throw new ApiException(400, "custom_llm_provider is required to list videos: pass ?custom_llm_provider=openai or a custom-llm-provider header.", "custom_llm_provider", null, "None");
            }
        }

        public override bool ListShows(VideoJob job, ApiContext context) => job.Owner == RequestOwner.Of(context);

        /// <summary>
        /// The proxy's content route builds its call from the id (and <c>model</c>) only, then answers the bytes as
        /// <c>video/mp4</c> with a Content-Disposition (litellm/proxy/video_endpoints/endpoints.py @
        /// 02ac6ac5ce8c56ab739f3045242ede72208a1143): <c>variant</c> and <c>Range</c> never reach OpenAI.
        /// </summary>
        public override bool ForwardsContentQuery => false;

        public override void DecorateContent(ApiResponse response, string publicId) =>
            response.Headers["Content-Disposition"] = $"attachment; filename=video_{publicId}.mp4";
    }
}
