namespace OpenAIVideos.Client
{
    /// <summary>Which videos to list, and how many per request.</summary>
    public sealed class VideoListQuery
    {
        /// <summary>Items per page (1 to 100); the server's default when null.</summary>
        public int? PageSize { get; set; }

        /// <summary><c>asc</c> or <c>desc</c> by creation time; the server's default (<c>desc</c>) when null.</summary>
        public string? Order { get; set; }

        /// <summary>Start after this video id (the cursor of the previous page).</summary>
        public string? After { get; set; }
    }
}
