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

        /// <summary>True when another page follows (or, when <see cref="HasMoreInferred"/>, may follow).</summary>
        public bool HasMore { get; set; }

        /// <summary>True when the server sent no <c>has_more</c> and <see cref="HasMore"/> is the client's guess from the page's fullness.</summary>
        public bool HasMoreInferred { get; set; }
    }
}
