using System;
using System.IO;

namespace OpenAIVideos.Client
{
    /// <summary>
    /// The image a new video starts from: an uploaded file (sent as multipart), or an object naming an
    /// <c>image_url</c> (http(s) or a base64 data URL) or a <c>file_id</c> (sent as JSON). The image must match the
    /// requested size exactly.
    /// </summary>
    public sealed class VideoInputReference
    {
        private VideoInputReference(UploadFile? file, string? imageUrl, string? fileId)
        {
            File = file;
            ImageUrl = imageUrl;
            FileId = fileId;
        }

        /// <summary>The uploaded image, when the reference is a local file.</summary>
        public UploadFile? File { get; }

        /// <summary>The URL or data URL, when the reference is one.</summary>
        public string? ImageUrl { get; }

        /// <summary>The Files API id, when the reference is one.</summary>
        public string? FileId { get; }

        /// <summary>A local image file, uploaded with its real MIME type.</summary>
        public static VideoInputReference FromFile(UploadFile file) => new VideoInputReference(file ?? throw new ArgumentNullException(nameof(file)), null, null);

        /// <summary>An http(s) URL or a <c>data:image/...;base64,</c> URL.</summary>
        public static VideoInputReference FromImageUrl(string url) => new VideoInputReference(null, url, null);

        /// <summary>The id of an image uploaded through the Files API.</summary>
        public static VideoInputReference FromFileId(string fileId) => new VideoInputReference(null, null, fileId);

        /// <summary>
        /// Reads what a user typed: an http(s) or data URL, a <c>file-…</c> id, or else a local path (which must exist
        /// and be an image).
        /// </summary>
        public static VideoInputReference Parse(string value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new VideoApiException(VideoErrorIds.InvalidArgument, VideoErrorCategory.InvalidArgument,
                    "An input reference is empty: give a local image path, an http(s) or data URL, or a file id such as file-abc123.");
            }

            var text = value.Trim();
            if (text.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
                || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                || text.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
            {
                return FromImageUrl(text);
            }

            if (text.StartsWith("file-", StringComparison.Ordinal) && !System.IO.File.Exists(text))
            {
                return FromFileId(text);
            }

            var file = UploadFile.FromPath(text);
            if (!file.IsImage)
            {
                throw new VideoApiException(VideoErrorIds.InvalidArgument, VideoErrorCategory.InvalidArgument,
                    $"The input reference '{Path.GetFullPath(text)}' is a {file.ContentType} file, not an image: give a PNG, JPEG or WebP image of the requested size.");
            }

            return FromFile(file);
        }

        /// <summary>
        /// The reference as a URL for servers that take images by URL only: the URL as given, or a local file as a base64
        /// <c>data:</c> URL; null for a Files API id, which such servers cannot resolve.
        /// </summary>
        public string? AsUrl()
        {
            if (File is null)
            {
                return ImageUrl;
            }

            using var stream = File.OpenRead();
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            return "data:" + File.ContentType + ";base64," + Convert.ToBase64String(buffer.GetBuffer(), 0, (int)buffer.Length);
        }

        /// <summary>What the reference is, for messages and -WhatIf.</summary>
        public override string ToString() => File?.ToString() ?? ImageUrl ?? FileId ?? string.Empty;
    }
}
