using System.Collections.Generic;

namespace OpenAIVideos.Emulator.Dialects.SGLang
{
    // SGLang Diffusion's wire shapes, from mickqian/sglang python/sglang/multimodal_gen/runtime/entrypoints/openai/
    // protocol.py @ 168ec20700a87a310d4dfc531de1f602e94b455e (pydantic field order).

    /// <summary><c>VideoResponse</c>: <c>error</c> is a free dict (<c>{"message": …}</c> on failure, no code).</summary>
    internal sealed record SGLangVideoResource(
        string Id,
        string Object,
        string Model,
        string Status,
        int Progress,
        long CreatedAt,
        string Size,
        string Seconds,
        string Quality,
        string? RemixedFromVideoId,
        long? CompletedAt,
        long? ExpiresAt,
        IReadOnlyDictionary<string, string>? Error);

    /// <summary><c>VideoListResponse</c>: no <c>has_more</c>, <c>first_id</c> or <c>last_id</c>.</summary>
    internal sealed record SGLangVideoList(IReadOnlyList<SGLangVideoResource> Data, string Object);
}
