using OpenAIVideos.Emulator.Content;

namespace OpenAIVideos.Emulator.Storage
{
    /// <summary>What the storage origin answers: a text (its errors) or a range of a video's bytes.</summary>
    internal sealed record StorageAnswer(int Status, string? Text, VideoContentBody? Body, long Start, long Count)
    {
        public static StorageAnswer Plain(int status, string text) => new StorageAnswer(status, text, null, 0, 0);
    }
}
