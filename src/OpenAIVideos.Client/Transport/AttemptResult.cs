using System;
using System.Net.Http;

namespace OpenAIVideos.Client.Transport
{
    /// <summary>What one attempt got back: a response (success or error, body already read when buffered).</summary>
    internal sealed class AttemptResult : IDisposable
    {
        public AttemptResult(HttpResponseMessage response, byte[]? body, string? errorBody, bool retryable, bool answered = false)
        {
            Response = response;
            Body = body;
            ErrorBody = errorBody;
            Retryable = retryable;
            _answered = answered;
        }

        private readonly bool _answered;

        public HttpResponseMessage Response { get; }

        /// <summary>The whole body of a buffered success; null for a streamed one.</summary>
        public byte[]? Body { get; }

        /// <summary>The (bounded) body of an error answer.</summary>
        public string? ErrorBody { get; }

        /// <summary>A 2xx, or an error status whose body is the answer asked for (a failed video, see
        /// <see cref="ApiRequest.ErrorMayCarryFailedVideo"/>).</summary>
        public bool IsSuccess => _answered || Response.IsSuccessStatusCode;

        public bool Retryable { get; }

        public void Dispose() => Response.Dispose();
    }

    /// <summary>An attempt that got no usable response: no connection, a timeout, a body cut off.</summary>
    internal sealed class AttemptFailure : Exception
    {
        public AttemptFailure(string errorId, VideoErrorCategory category, string reason, bool retryable, Exception? cause)
            : base(reason, cause)
        {
            ErrorId = errorId;
            Category = category;
            Retryable = retryable;
        }

        public string ErrorId { get; }

        public VideoErrorCategory Category { get; }

        public bool Retryable { get; }
    }
}
