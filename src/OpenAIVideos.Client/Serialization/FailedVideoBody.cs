using System.Text.Json;

namespace OpenAIVideos.Client.Serialization
{
    /// <summary>
    /// Recognises an error answer whose body is a video object that ended badly (vLLM-Omni's retrieve of a failed job),
    /// as opposed to an error envelope.
    /// </summary>
    internal static class FailedVideoBody
    {
        public static bool Is(string? body)
        {
            if (string.IsNullOrWhiteSpace(body) || body!.TrimStart()[0] != '{')
            {
                return false;
            }

            try
            {
                var wire = JsonSerializer.Deserialize(body, WireJsonContext.Default.VideoWire);
                return wire is not null && !string.IsNullOrEmpty(wire.Id) && VideoStatus.IsFailure(wire.Status);
            }
            catch (JsonException)
            {
                return false;
            }
        }
    }
}
