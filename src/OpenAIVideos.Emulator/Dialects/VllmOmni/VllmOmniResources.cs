using System.Collections.Generic;

namespace OpenAIVideos.Emulator.Dialects.VllmOmni
{
    // vLLM-Omni's wire shapes, field for field and in pydantic's field order, from david6666666/vllm-omni
    // vllm_omni/entrypoints/openai/protocol/videos.py @ d5e40ece7bd90ccde0d47fbac2c184425a1f516e.

    /// <summary><c>VideoResponse</c>: <c>size</c> may be null, <c>quality</c> is <c>default</c>, plus vLLM's own fields.</summary>
    internal sealed record VllmOmniVideoResource(
        string Model,
        string Prompt,
        string Id,
        string Object,
        string Status,
        string? Size,
        int Progress,
        string Seconds,
        string Quality,
        long? CompletedAt,
        long CreatedAt,
        string? RemixedFromVideoId,
        VllmOmniVideoError? Error,
        string MediaType,
        long? ExpiresAt,
        string? FileName,
        double? InferenceTimeS,
        IReadOnlyDictionary<string, double> StageDurations,
        double PeakMemoryMb,
        object? Action);

    /// <summary><c>VideoError</c>: <c>code</c> is <c>int | str</c>; this emulator always sends the integer status.</summary>
    internal sealed record VllmOmniVideoError(int Code, string Message);

    /// <summary><c>VideoListResponse</c>.</summary>
    internal sealed record VllmOmniVideoList(string? FirstId, string? LastId, bool HasMore, IReadOnlyList<VllmOmniVideoResource> Data, string Object);

    /// <summary><c>VideoDeleteResponse</c>.</summary>
    internal sealed record VllmOmniVideoDeleted(string Id, bool Deleted, string Object);

    /// <summary>
    /// vLLM's <c>ErrorResponse</c>: <c>{"error": {message, type, param, code}}</c>, <c>type</c> the status phrase and
    /// <c>code</c> the integer status (vllm-project/vllm vllm/frontend/entrypoints/serve/exception_handling/handlers/http.py
    /// @ 055e47c28003156421365af985d676fc921cb075).
    /// </summary>
    internal sealed record VllmErrorEnvelope(VllmErrorInfo Error);

    /// <summary>The inner error object.</summary>
    internal sealed record VllmErrorInfo(string Message, string Type, string? Param, int Code);
}
