using System;
using System.Collections.Generic;
using System.Linq;

using OpenAIVideos.Emulator.Http;

namespace OpenAIVideos.Emulator.Diagnostics
{
    /// <summary>A bounded, thread-safe list of recent requests; the oldest entries drop out first.</summary>
    public sealed class RequestLog
    {
        /// <summary>What a credential header's value is replaced with. Nothing of the key survives, not even a mask.</summary>
        public const string Redacted = "[REDACTED]";

        private static readonly HashSet<string> CredentialHeaders = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "Authorization", "api-key", "x-api-key", "x-goog-api-key", "x-litellm-api-key", "Proxy-Authorization", "Cookie",
        };

        private readonly object _gate = new object();
        private readonly LinkedList<RecordedRequest> _entries = new LinkedList<RecordedRequest>();
        private readonly int _capacity;
        private readonly int _bodyCap;

        internal RequestLog(int capacity, int bodyCap)
        {
            _capacity = Math.Max(1, capacity);
            _bodyCap = Math.Max(0, bodyCap);
        }

        /// <summary>The recorded requests, oldest first.</summary>
        public IReadOnlyList<RecordedRequest> Entries
        {
            get { lock (_gate) { return _entries.ToList(); } }
        }

        /// <summary>Forgets every entry.</summary>
        public void Clear()
        {
            lock (_gate)
            {
                _entries.Clear();
            }
        }

        /// <summary>Records the request with at most the body cap of its (buffered) body.</summary>
        internal void Record(ApiRequest request, string requestId, DateTimeOffset timestamp)
        {
            var headers = request.Headers.ToDictionary(
                header => header.Key,
                header => CredentialHeaders.Contains(header.Key) ? Redacted : header.Value,
                StringComparer.OrdinalIgnoreCase);
            ReadOnlyMemory<byte> body = request.BodyBytes;
            bool truncated = body.Length > _bodyCap || request.BodyOverLimit;
            var entry = new RecordedRequest(timestamp, request.Method, request.Path + request.QueryString, headers,
                request.ContentType, body.Slice(0, Math.Min(body.Length, _bodyCap)).ToArray(), truncated, requestId);
            lock (_gate)
            {
                _entries.AddLast(entry);
                while (_entries.Count > _capacity)
                {
                    _entries.RemoveFirst();
                }
            }
        }
    }
}
