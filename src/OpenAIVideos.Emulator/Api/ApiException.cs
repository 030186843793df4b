using System;
using System.Collections.Generic;

namespace OpenAIVideos.Emulator.Api
{
    /// <summary>
    /// Thrown by handlers and validators to answer with an API error; the request envelope asks the flavor's dialect
    /// to shape it (OpenAI's envelope, FastAPI's <c>{"detail": …}</c>, …) unless <see cref="Body"/> fixes the body.
    /// Throwing keeps validation code linear instead of threading results through every helper.
    /// </summary>
    internal sealed class ApiException : Exception
    {
        public ApiException(int status, string message, string? param, string? code, string type = "invalid_request_error")
            : base(message)
        {
            Status = status;
            Param = param;
            Code = code;
            Type = type;
        }

        public int Status { get; }
        public string? Param { get; }
        public string? Code { get; }
        public string Type { get; }

        /// <summary>A body written as is, for answers whose shape only one dialect knows (FastAPI's 422 list, …).</summary>
        public object? Body { get; private init; }

        /// <summary>Headers sent with the error (<c>Retry-After</c>, <c>Allow</c>).</summary>
        public IReadOnlyDictionary<string, string> Headers { get; private init; } = new Dictionary<string, string>();

        public ErrorEnvelope ToEnvelope() => new ErrorEnvelope(new ErrorDetail(Message, Type, Param, Code));

        /// <summary>An error whose body is fixed; <paramref name="message"/> is for logs and exception text only.</summary>
        public static ApiException WithBody(int status, object body, string message, IReadOnlyDictionary<string, string>? headers = null) =>
            new ApiException(status, message, null, null) { Body = body, Headers = headers ?? new Dictionary<string, string>() };

        /// <summary>The same error with extra headers.</summary>
        public ApiException WithHeaders(IReadOnlyDictionary<string, string> headers) =>
            new ApiException(Status, Message, Param, Code, Type) { Body = Body, Headers = headers };

        public static ApiException BadRequest(string message, string? param, string? code) => new ApiException(400, message, param, code);

        public static ApiException InvalidValue(string param, string value, string supported) =>
            BadRequest($"Invalid value: '{value}'. Supported values are: {supported}.", param, "invalid_value");

        public static ApiException VideoNotFound(string id) =>
            new ApiException(404, $"Video with id '{id}' not found.", null, "video_not_found");

        public static ApiException TooLarge(string message) => new ApiException(413, message, null, "request_too_large");
    }
}
