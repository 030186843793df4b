using System;
using System.Net;
using System.Text;

namespace OpenAIVideos.Client
{
    /// <summary>
    /// Every failure the engine reports: an error answer from the server, a connection or timeout failure, an answer
    /// that is not the API, a failed or timed-out job. It carries what a user needs to act: a stable
    /// <see cref="ErrorId"/>, the API's own message, type, code and parameter, the HTTP status and the request id.
    /// The key is never part of it.
    /// </summary>
    public class VideoApiException : Exception
    {
        /// <summary>Creates an exception; <paramref name="message"/> is the full, user-facing sentence.</summary>
        public VideoApiException(string errorId, VideoErrorCategory category, string message, Exception? innerException = null)
            : base(message, innerException)
        {
            ErrorId = errorId;
            Category = category;
        }

        /// <summary>Stable, PascalCase identifier for scripts to match on (e.g. <c>VideoNotFound</c>, <c>RateLimited</c>).</summary>
        public string ErrorId { get; }

        /// <summary>The PowerShell error category, by name.</summary>
        public VideoErrorCategory Category { get; }

        /// <summary>The HTTP status, when a response arrived.</summary>
        public HttpStatusCode? StatusCode { get; init; }

        /// <summary>The API's <c>error.message</c>, unaltered but for the key being scrubbed.</summary>
        public string? ApiMessage { get; init; }

        /// <summary>The API's <c>error.type</c>, e.g. <c>invalid_request_error</c>.</summary>
        public string? ApiErrorType { get; init; }

        /// <summary>The API's <c>error.code</c>, e.g. <c>moderation_blocked</c>.</summary>
        public string? ApiErrorCode { get; init; }

        /// <summary>The API's <c>error.param</c>: which field was wrong.</summary>
        public string? Param { get; init; }

        /// <summary>The server's <c>x-request-id</c>, to quote to its operator.</summary>
        public string? RequestId { get; init; }

        /// <summary>The id of the video concerned, when there is one.</summary>
        public string? VideoId { get; init; }

        /// <summary>The video as last seen, for a failed or timed-out job.</summary>
        public Video? Video { get; init; }

        /// <summary>Message, then the API's details on one line each, for logs and <c>$Error</c>.</summary>
        public override string ToString()
        {
            var text = new StringBuilder();
            text.Append(GetType().FullName).Append(" (").Append(ErrorId).Append("): ").Append(Message);
            if (StatusCode is not null)
            {
                text.Append(Environment.NewLine).Append("  HTTP status: ").Append((int)StatusCode.Value);
            }

            if (RequestId is not null)
            {
                text.Append(Environment.NewLine).Append("  Request id: ").Append(RequestId);
            }

            if (InnerException is not null)
            {
                text.Append(Environment.NewLine).Append("  Caused by: ").Append(InnerException.GetType().Name).Append(": ").Append(InnerException.Message);
            }

            return text.ToString();
        }
    }
}
