using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace OpenAIVideos.Emulator.Api
{
    // The wire shapes of the Videos API, independent of the client's models so the emulator can catch client bugs.

    /// <summary>A video job as served (<c>VideoResource</c> in the spec); every required field is always written.</summary>
    internal sealed record VideoResource(
        string Id,
        string Object,
        string Model,
        string Status,
        int Progress,
        long CreatedAt,
        long? CompletedAt,
        long? ExpiresAt,
        string? Prompt,
        string? Size,
        string Seconds,
        string? RemixedFromVideoId,
        VideoErrorResource? Error)
    {
        /// <summary>Only gateways send it; absent (not null) for the OpenAI flavour.</summary>
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? Quality { get; init; }
    }

    /// <summary>Why a job failed.</summary>
    internal sealed record VideoErrorResource(string Code, string Message);

    /// <summary>One page of <c>GET /videos</c>.</summary>
    internal sealed record VideoListResource(string Object, IReadOnlyList<object> Data, string? FirstId, string? LastId, bool HasMore);

    /// <summary>The answer to a delete.</summary>
    internal sealed record DeletedVideoResource(string Id, string Object, bool Deleted);

    /// <summary>A character made from an uploaded video.</summary>
    internal sealed record VideoCharacterResource(string Id, string Name, long CreatedAt);
}
