using System;
using System.Collections.Generic;

namespace OpenAIVideos.Emulator.Diagnostics
{
    /// <summary>
    /// One request as received. Credential headers (<c>Authorization</c>, <c>api-key</c>, …) hold
    /// <see cref="RequestLog.Redacted"/> instead of their values; the body is cut at the log's byte cap.
    /// </summary>
    public sealed record RecordedRequest(
        DateTimeOffset Timestamp,
        string Method,
        string PathAndQuery,
        IReadOnlyDictionary<string, string> Headers,
        string? ContentType,
        byte[] Body,
        bool BodyTruncated,
        string RequestId);
}
