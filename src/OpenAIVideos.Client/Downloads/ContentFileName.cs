using System;

namespace OpenAIVideos.Client
{
    /// <summary>
    /// The file name of a downloaded asset: <c>NAME.mp4</c> for the video, <c>NAME.thumbnail.webp</c> and
    /// <c>NAME.spritesheet.jpg</c> for the others (an unknown variant <c>v</c> gives <c>NAME.v.bin</c>), where NAME is
    /// the video id (Save-VideoContent) or a batch item's name (Invoke-VideoBatch).
    /// </summary>
    public static class ContentFileName
    {
        /// <summary>The file name for one variant.</summary>
        public static string For(string baseName, VideoContentVariant variant)
        {
            if (string.IsNullOrWhiteSpace(baseName))
            {
                throw new ArgumentException("A name is required.", nameof(baseName));
            }

            if (variant is null)
            {
                throw new ArgumentNullException(nameof(variant));
            }

            var safeName = Sanitize(baseName);
            return variant == VideoContentVariant.Video
                ? safeName + variant.FileExtension
                : safeName + "." + Sanitize(variant.Name) + variant.FileExtension;
        }

        // Names come from a server or a CSV; never let one climb out of the folder or carry characters no file system accepts.
        private static string Sanitize(string name)
        {
            var invalid = System.IO.Path.GetInvalidFileNameChars();
            var chars = name.Trim().ToCharArray();
            for (var i = 0; i < chars.Length; i++)
            {
                if (Array.IndexOf(invalid, chars[i]) >= 0 || chars[i] == '/' || chars[i] == '\\' || chars[i] == ':')
                {
                    chars[i] = '_';
                }
            }

            var text = new string(chars);
            return text.Trim('.').Length == 0 ? "_" : text;
        }
    }
}
