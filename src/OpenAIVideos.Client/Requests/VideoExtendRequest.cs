using System;
using System.Collections.Generic;

namespace OpenAIVideos.Client
{
    /// <summary>Continues a completed video (by id) or an uploaded clip with a new segment.</summary>
    public sealed class VideoExtendRequest
    {
        /// <summary>The completed video to extend; set this or <see cref="VideoFile"/>.</summary>
        public string? VideoId { get; set; }

        /// <summary>An MP4 to extend, uploaded as multipart.</summary>
        public UploadFile? VideoFile { get; set; }

        /// <summary>What happens in the new segment.</summary>
        public string Prompt { get; set; } = string.Empty;

        /// <summary>Length of the new segment, as a string (<c>"4"</c> … <c>"20"</c>). Required by the API.</summary>
        public string Seconds { get; set; } = "4";

        /// <summary>Extra fields for servers that take them.</summary>
        public IDictionary<string, object?> AdditionalProperties { get; set; } = new Dictionary<string, object?>(StringComparer.Ordinal);
    }
}
