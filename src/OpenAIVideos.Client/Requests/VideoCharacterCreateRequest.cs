namespace OpenAIVideos.Client
{
    /// <summary>Creates a reusable character from a short MP4 of it.</summary>
    public sealed class VideoCharacterCreateRequest
    {
        /// <summary>Display name, 1 to 80 characters.</summary>
        public string Name { get; set; } = string.Empty;

        /// <summary>The MP4 showing the character.</summary>
        public UploadFile? Video { get; set; }
    }
}
