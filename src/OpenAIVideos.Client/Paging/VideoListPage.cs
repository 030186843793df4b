using System.Collections.Generic;

namespace OpenAIVideos.Client
{
    /// <summary>One page of <c>GET /videos</c>.</summary>
    public sealed class VideoListPage
    {
        /// <summary>The videos on this page.</summary>
        public IReadOnlyList<Video> Data { get; set; } = new List<Video>();

        /// <summary>Id of the first video on the page.</summary>
        public string? FirstId { get; set; }

        /// <summary>Id of the last video on the page: the cursor for the next.</summary>
        public string? LastId { get; set; }

        /// <summary>True when another page follows.</summary>
        public bool HasMore { get; set; }
    }
}
