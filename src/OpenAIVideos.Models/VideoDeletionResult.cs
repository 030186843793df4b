namespace OpenAIVideos
{
    /// <summary>The API's confirmation that a video was deleted (<c>object: "video.deleted"</c>).</summary>
    public sealed class VideoDeletionResult
    {
        /// <summary>The id of the deleted video.</summary>
        public string Id { get; set; } = string.Empty;

        /// <summary>The object type, <c>video.deleted</c>.</summary>
        public string Object { get; set; } = "video.deleted";

        /// <summary>True when the server deleted the video.</summary>
        public bool Deleted { get; set; }

        /// <summary>The id of the deleted video.</summary>
        public override string ToString() => Id;
    }
}
