using System;
using System.Collections.Generic;

namespace OpenAIVideos.Client
{
    /// <summary>Makes a new video by editing a completed one (by id) or an uploaded clip.</summary>
    public sealed class VideoEditRequest
    {
        /// <summary>The completed video to edit; set this or <see cref="VideoFile"/>.</summary>
        public string? VideoId { get; set; }

        /// <summary>An MP4 to edit, uploaded as multipart.</summary>
        public UploadFile? VideoFile { get; set; }

        /// <summary>How to change the video.</summary>
        public string Prompt { get; set; } = string.Empty;

        /// <summary>Extra fields for servers that take them.</summary>
        public IDictionary<string, object?> AdditionalProperties { get; set; } = new Dictionary<string, object?>(StringComparer.Ordinal);
    }
}
