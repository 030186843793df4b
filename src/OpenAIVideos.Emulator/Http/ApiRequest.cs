using System;
using System.IO;

namespace OpenAIVideos.Emulator.Http
{
    /// <summary>
    /// A request as the emulator's handlers see it, whatever host received it. The body is buffered before any handler
    /// runs (the host caps it at <see cref="EmulatorOptions.MaxRequestBodyBytes"/>), so the request log and the handler
    /// can both read it.
    /// </summary>
    internal sealed class ApiRequest
    {
        private readonly ReadOnlyMemory<byte> _body;
        private FormData? _form;

        /// <param name="method">GET, POST, ...</param>
        /// <param name="target">The request target as sent: path and query, still percent-encoded.</param>
        /// <param name="headers">The request headers.</param>
        /// <param name="body">The whole body, or its first bytes when <paramref name="bodyOverLimit"/>.</param>
        /// <param name="bodyOverLimit">Whether the host stopped reading a body longer than the emulator accepts.</param>
        public ApiRequest(string method, string target, HeaderValues headers, ReadOnlyMemory<byte> body, bool bodyOverLimit = false)
        {
            BodyOverLimit = bodyOverLimit;
            Method = method;
            int question = target.IndexOf('?');
            string rawPath = question < 0 ? target : target.Substring(0, question);
            RawPath = rawPath.Length == 0 ? "/" : rawPath;
            Path = Uri.UnescapeDataString(RawPath);
            QueryString = question < 0 ? string.Empty : target.Substring(question);
            Query = new QueryValues(question < 0 ? string.Empty : target.Substring(question + 1));
            Headers = headers;
            _body = body;
            Body = System.Runtime.InteropServices.MemoryMarshal.TryGetArray(body, out ArraySegment<byte> segment)
                ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
                : new MemoryStream(body.ToArray(), writable: false);
        }

        public string Method { get; }

        /// <summary>The path, percent-decoded.</summary>
        public string Path { get; }

        /// <summary>The path as sent, still percent-encoded; routes split it into segments before decoding each.</summary>
        public string RawPath { get; }

        /// <summary>The query string with its leading <c>?</c>, or empty.</summary>
        public string QueryString { get; }

        public QueryValues Query { get; }

        public HeaderValues Headers { get; }

        public string? ContentType => Headers.ContainsKey("Content-Type") ? Headers["Content-Type"] : null;

        /// <summary>The declared length; null for a chunked body.</summary>
        public long? ContentLength => long.TryParse(Headers["Content-Length"], out long length) ? length : null;

        /// <summary>The buffered body, readable from the start.</summary>
        public Stream Body { get; }

        /// <summary>The buffered body's bytes.</summary>
        public ReadOnlyMemory<byte> BodyBytes => _body;

        /// <summary>Whether the body was longer than the emulator accepts (and is not all here).</summary>
        public bool BodyOverLimit { get; }

        public bool HasFormContentType => FormReader.IsForm(ContentType);

        /// <summary>The body read as a form; a body that is not a form reads as an empty one.</summary>
        public FormData ReadForm() => _form ??= FormReader.Read(ContentType, _body);
    }
}
