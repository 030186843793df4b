using System;
using System.IO;

namespace OpenAIVideos.Client
{
    /// <summary>
    /// A file sent as a multipart part. Every part carries a filename and a real MIME type (servers reject
    /// <c>application/octet-stream</c> for images); the type is read from the file's first bytes, not trusted to its name.
    /// The content is opened afresh for each attempt, so a retried upload sends the whole file again.
    /// </summary>
    public sealed class UploadFile
    {
        private readonly Func<Stream> _open;

        /// <summary>A part from any re-openable source.</summary>
        public UploadFile(string fileName, string contentType, Func<Stream> open)
        {
            FileName = fileName ?? throw new ArgumentNullException(nameof(fileName));
            ContentType = contentType ?? throw new ArgumentNullException(nameof(contentType));
            _open = open ?? throw new ArgumentNullException(nameof(open));
        }

        /// <summary>The filename sent with the part.</summary>
        public string FileName { get; }

        /// <summary>The part's MIME type.</summary>
        public string ContentType { get; }

        /// <summary>The local path, when the part comes from a file.</summary>
        public string? Path { get; private set; }

        /// <summary>Opens the content for one attempt.</summary>
        public Stream OpenRead() => _open();

        /// <summary>
        /// A part from a local file, its type sniffed from its first bytes (PNG, JPEG, WebP, GIF, MP4, QuickTime, WebM).
        /// </summary>
        /// <exception cref="VideoApiException">The file does not exist or is not a known image or video.</exception>
        public static UploadFile FromPath(string path)
        {
            var fullPath = System.IO.Path.GetFullPath(path);
            if (!File.Exists(fullPath))
            {
                throw new VideoApiException(VideoErrorIds.InvalidArgument, VideoErrorCategory.ObjectNotFound,
                    $"The file '{fullPath}' does not exist. Give the path of an image (PNG, JPEG, WebP) or video (MP4).");
            }

            var header = new byte[32];
            int read;
            using (var stream = File.OpenRead(fullPath))
            {
                read = stream.Read(header, 0, header.Length);
            }

            var contentType = MediaTypeSniffer.Sniff(header, read);
            if (contentType is null)
            {
                throw new VideoApiException(VideoErrorIds.InvalidArgument, VideoErrorCategory.InvalidArgument,
                    $"The file '{fullPath}' is neither an image (PNG, JPEG, WebP, GIF) nor a video (MP4, MOV, WebM), judging by its content.");
            }

            return new UploadFile(System.IO.Path.GetFileName(fullPath), contentType, () => File.OpenRead(fullPath)) { Path = fullPath };
        }

        /// <summary>True when the part is an image.</summary>
        public bool IsImage => ContentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase);

        /// <summary>The filename and type.</summary>
        public override string ToString() => $"{FileName} ({ContentType})";
    }
}
