using OpenAIVideos.Emulator.Api;

namespace OpenAIVideos.Emulator.Dialects.Gemini
{
    /// <summary>
    /// A video as the Gemini API's Sora-compatible route writes it: OpenAI's video object where the docs show it
    /// (<c>id</c>, <c>status</c>), <c>processing</c> while Veo runs, and the finished file at <c>url</c> (no
    /// <c>/content</c> route). <c>progress</c> is left out: the Veo operation it wraps reports none. Which other OpenAI
    /// fields the real answer carries was not pinned down.
    /// </summary>
    internal sealed record GeminiVideoResource(
        string Id,
        string Object,
        string Model,
        string Status,
        long CreatedAt,
        long? CompletedAt,
        string Seconds,
        string Size,
        string? Url,
        VideoErrorResource? Error);
}
