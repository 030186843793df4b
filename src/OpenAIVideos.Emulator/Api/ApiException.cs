using System;

namespace OpenAIVideos.Emulator.Api
{
    /// <summary>
    /// Thrown by handlers and validators to answer with an API error; the error middleware turns it into the envelope.
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

        public ErrorEnvelope ToEnvelope() => new ErrorEnvelope(new ErrorDetail(Message, Type, Param, Code));

        public static ApiException BadRequest(string message, string? param, string? code) => new ApiException(400, message, param, code);

        public static ApiException InvalidValue(string param, string value, string supported) =>
            BadRequest($"Invalid value: '{value}'. Supported values are: {supported}.", param, "invalid_value");

        public static ApiException VideoNotFound(string id) =>
            new ApiException(404, $"Video with id '{id}' not found.", null, "video_not_found");

        public static ApiException TooLarge(string message) => new ApiException(413, message, null, "request_too_large");
    }
}
