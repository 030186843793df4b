namespace OpenAIVideos.Emulator.Api
{
    /// <summary>The body of an error: <c>{"error": {message, type, param, code}}</c>.</summary>
    internal sealed record ErrorEnvelope(ErrorDetail Error);

    /// <summary>The inner error object; <c>param</c> and <c>code</c> are written as null when absent, as OpenAI does.</summary>
    internal sealed record ErrorDetail(string Message, string Type, string? Param, string? Code);
}
