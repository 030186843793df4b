using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

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

        /// <summary>Records the request, reading at most the body cap and rewinding so the handler still sees the whole body.</summary>
        internal async Task RecordAsync(HttpContext context, string requestId, DateTimeOffset timestamp)
        {
            HttpRequest request = context.Request;
            var headers = request.Headers.ToDictionary(
                header => header.Key,
                header => CredentialHeaders.Contains(header.Key) ? Redacted : header.Value.ToString(),
                StringComparer.OrdinalIgnoreCase);
            (byte[] body, bool truncated) = await CaptureBodyAsync(request);
            var entry = new RecordedRequest(timestamp, request.Method, request.Path + request.QueryString, headers,
                request.ContentType, body, truncated, requestId);
            lock (_gate)
            {
                _entries.AddLast(entry);
                while (_entries.Count > _capacity)
                {
                    _entries.RemoveFirst();
                }
            }
        }

        private async Task<(byte[] Body, bool Truncated)> CaptureBodyAsync(HttpRequest request)
        {
            if (_bodyCap == 0 || request.ContentLength == 0 || (request.ContentLength is null && !request.Headers.ContainsKey("Transfer-Encoding")))
            {
                return (Array.Empty<byte>(), false);
            }

            request.EnableBuffering();
            byte[] buffer = new byte[_bodyCap + 1];
            int read = 0;
            while (read < buffer.Length)
            {
                int n = await request.Body.ReadAsync(buffer.AsMemory(read), request.HttpContext.RequestAborted);
                if (n == 0)
                {
                    break;
                }

                read += n;
            }

            request.Body.Seek(0, SeekOrigin.Begin);
            bool truncated = read > _bodyCap;
            return (buffer.AsSpan(0, Math.Min(read, _bodyCap)).ToArray(), truncated);
        }
    }
}
