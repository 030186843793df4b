using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace OpenAIVideos.Emulator.Dialects.OpenRouter
{
    // OpenRouter's wire shapes, from its TypeScript SDK models VideoGenerationResponse and VideoGenerationUsage
    // (openrouter.ai/docs/agent-sdk/typescript/api-reference/models/videogenerationresponse, read 2026-12-06) and the
    // API reference's download step (signed storage URL urls[0], authenticated content proxy unsigned_urls[0]).

    /// <summary>
    /// A video job. Optional fields are left out until they apply: <c>generation_id</c> once processed,
    /// <c>unsigned_urls</c>, <c>urls</c> and <c>usage</c> once completed, <c>error</c> once it failed, was cancelled or expired.
    /// </summary>
    internal sealed record OpenRouterVideoJob(string Id, string PollingUrl, string Status)
    {
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? GenerationId { get; init; }

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public IReadOnlyList<string>? UnsignedUrls { get; init; }

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public IReadOnlyList<string>? Urls { get; init; }

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public OpenRouterUsage? Usage { get; init; }

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? Error { get; init; }
    }

    /// <summary><c>usage</c>: what the job was charged, in US dollars (the SDK's example: <c>{"cost": 0.5, "is_byok": false}</c>).</summary>
    internal sealed record OpenRouterUsage(decimal Cost, bool IsByok);

    /// <summary><c>GET /api/v1/videos/models</c>: <c>{"data": [ … ]}</c>.</summary>
    internal sealed record OpenRouterModelList(IReadOnlyList<VideoModelCapabilities> Data);
}
