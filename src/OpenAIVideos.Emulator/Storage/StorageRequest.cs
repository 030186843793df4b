using System;
using System.Collections.Generic;

namespace OpenAIVideos.Emulator.Storage
{
    /// <summary>
    /// One request the storage origin received. It keeps header names, never their values, and says whether any
    /// credential came along, so a test can assert that a client never sent its API key to a storage host.
    /// </summary>
    /// <param name="Timestamp">When it arrived, on the emulator's clock.</param>
    /// <param name="Method">The HTTP method.</param>
    /// <param name="PathAndQuery">The path and query asked for.</param>
    /// <param name="HeaderNames">The names of the headers sent (values are not kept).</param>
    /// <param name="HadAuthorization">An <c>Authorization</c> header was present.</param>
    /// <param name="HadCredential">Any credential was present: <c>Authorization</c>, <c>api-key</c>, <c>x-api-key</c>,
    /// <c>x-goog-api-key</c>, <c>x-litellm-api-key</c>, <c>Cookie</c>, <c>Proxy-Authorization</c>, or a <c>key</c> query parameter.</param>
    /// <param name="ContainedApiKey">The emulator's configured <see cref="EmulatorOptions.ApiKey"/> appeared in a header value
    /// or in the URL (false when no key is configured).</param>
    /// <param name="Status">The HTTP status answered.</param>
    public sealed record StorageRequest(
        DateTimeOffset Timestamp,
        string Method,
        string PathAndQuery,
        IReadOnlyList<string> HeaderNames,
        bool HadAuthorization,
        bool HadCredential,
        bool ContainedApiKey,
        int Status);
}
