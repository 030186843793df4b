using System;
using System.Collections.Concurrent;
using System.IO;

namespace OpenAIVideos.Emulator.Content
{
    /// <summary>
    /// The embedded downloadable files (see Assets/generate.sh): per size an MP4, a WebP thumbnail of the same size,
    /// and a JPEG spritesheet (2x2 frames, each a quarter of the video's width and height).
    /// </summary>
    internal static class ContentAssets
    {
        private static readonly ConcurrentDictionary<string, byte[]> Cache = new ConcurrentDictionary<string, byte[]>(StringComparer.Ordinal);

        public static (byte[] Bytes, string ContentType) Get(string variant, string size)
        {
            (string prefix, string extension, string contentType) = variant switch
            {
                "thumbnail" => ("thumbnail", "webp", "image/webp"),
                "spritesheet" => ("spritesheet", "jpg", "image/jpeg"),
                _ => ("video", "mp4", "video/mp4"),
            };
            return (Cache.GetOrAdd($"assets/{prefix}-{size}.{extension}", Load), contentType);
        }

        private static byte[] Load(string name)
        {
            using Stream stream = typeof(ContentAssets).Assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"Embedded asset '{name}' is missing; run Assets/generate.sh.");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
    }
}
