namespace OpenAIVideos.Client
{
    /// <summary>What a finished download wrote.</summary>
    public sealed class ContentDownloadResult
    {
        /// <summary>The video the content belongs to.</summary>
        public string VideoId { get; set; } = string.Empty;

        /// <summary>Which asset was downloaded.</summary>
        public VideoContentVariant Variant { get; set; } = VideoContentVariant.Video;

        /// <summary>The file written, when the destination was a file.</summary>
        public string? Path { get; set; }

        /// <summary>Bytes written.</summary>
        public long Bytes { get; set; }

        /// <summary>The server's content type.</summary>
        public string? ContentType { get; set; }
    }
}
