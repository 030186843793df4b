using System;

namespace OpenAIVideos
{
    /// <summary>
    /// One downloadable asset of a completed video: the MP4 itself, a WebP thumbnail or a JPEG spritesheet. The set is
    /// open; an unknown name is passed to the server as given and expected as an opaque binary.
    /// </summary>
    public sealed class VideoContentVariant : IEquatable<VideoContentVariant>
    {
        /// <summary>The video itself (MP4).</summary>
        public static readonly VideoContentVariant Video = new VideoContentVariant("video", "video/mp4", ".mp4");

        /// <summary>A still image (WebP).</summary>
        public static readonly VideoContentVariant Thumbnail = new VideoContentVariant("thumbnail", "image/webp", ".webp");

        /// <summary>A grid of frames (JPEG).</summary>
        public static readonly VideoContentVariant Spritesheet = new VideoContentVariant("spritesheet", "image/jpeg", ".jpg");

        /// <summary>The variants the API documents.</summary>
        public static readonly VideoContentVariant[] Known = { Video, Thumbnail, Spritesheet };

        private VideoContentVariant(string name, string mediaType, string fileExtension)
        {
            Name = name;
            MediaType = mediaType;
            FileExtension = fileExtension;
        }

        /// <summary>The value of the <c>variant</c> query parameter.</summary>
        public string Name { get; }

        /// <summary>The content type the server is expected to answer with.</summary>
        public string MediaType { get; }

        /// <summary>The file extension, with its dot, used when a file is named after the video.</summary>
        public string FileExtension { get; }

        /// <summary>The known variant of that name (any case), or an open one that accepts any binary content.</summary>
        public static VideoContentVariant Parse(string name)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new ArgumentException("A content variant name is required (video, thumbnail or spritesheet).", nameof(name));
            }

            foreach (var known in Known)
            {
                if (string.Equals(known.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    return known;
                }
            }

            return new VideoContentVariant(name.Trim(), "application/octet-stream", ".bin");
        }

        /// <summary>True when the server's content type is acceptable for this variant.</summary>
        public bool Accepts(string? contentType)
        {
            // An open variant has no expectation; a server that names no type is given the benefit of the doubt.
            if (MediaType == "application/octet-stream" || string.IsNullOrEmpty(contentType))
            {
                return true;
            }

            var mediaType = contentType!.Split(';')[0].Trim();
            return string.Equals(mediaType, MediaType, StringComparison.OrdinalIgnoreCase)
                || string.Equals(mediaType, "application/octet-stream", StringComparison.OrdinalIgnoreCase)
                || (this == Spritesheet && string.Equals(mediaType, "image/jpg", StringComparison.OrdinalIgnoreCase));
        }

        /// <inheritdoc />
        public bool Equals(VideoContentVariant? other) => other is not null && string.Equals(Name, other.Name, StringComparison.OrdinalIgnoreCase);

        /// <inheritdoc />
        public override bool Equals(object? obj) => Equals(obj as VideoContentVariant);

        /// <inheritdoc />
        public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Name);

        /// <summary>The variant's name.</summary>
        public override string ToString() => Name;

        /// <summary>Equality by name.</summary>
        public static bool operator ==(VideoContentVariant? left, VideoContentVariant? right) => left is null ? right is null : left.Equals(right);

        /// <summary>Inequality by name.</summary>
        public static bool operator !=(VideoContentVariant? left, VideoContentVariant? right) => !(left == right);
    }
}
