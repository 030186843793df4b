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

        /// <summary>
        /// The asset of <paramref name="variant"/> for <paramref name="size"/>; a size without an asset of its own (vLLM-Omni's
        /// and SGLang's free sizes, or none) gets the 1280x720 or 720x1280 one of the same orientation.
        /// </summary>
        public static (byte[] Bytes, string ContentType) Get(string variant, string? size)
        {
            size = WithAsset(size);
            (string prefix, string extension, string contentType) = variant switch
            {
                "thumbnail" => ("thumbnail", "webp", "image/webp"),
                "spritesheet" => ("spritesheet", "jpg", "image/jpeg"),
                _ => ("video", "mp4", "video/mp4"),
            };
            return (Cache.GetOrAdd($"assets/{prefix}-{size}.{extension}", Load), contentType);
        }

        private static string WithAsset(string? size)
        {
            if (size != null && Array.IndexOf(Sizes, size) >= 0)
            {
                return size;
            }

            string[] parts = (size ?? string.Empty).Split('x');
            bool portrait = parts.Length == 2 && int.TryParse(parts[0], out int width) && int.TryParse(parts[1], out int height) && height > width;
            return portrait ? "720x1280" : "1280x720";
        }

        private static readonly string[] Sizes = { "720x1280", "1280x720", "1024x1792", "1792x1024", "1920x1080", "1080x1920" };

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
