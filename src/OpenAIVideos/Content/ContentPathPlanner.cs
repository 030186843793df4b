using System;
using System.Collections.Generic;
using System.IO;
using OpenAIVideos.Client;

namespace OpenAIVideos.Commands.Content
{
    /// <summary>One file Save-VideoContent writes.</summary>
    public sealed class ContentTarget
    {
        internal ContentTarget(VideoContentVariant variant, string path)
        {
            Variant = variant;
            Path = path;
        }

        /// <summary>The asset.</summary>
        public VideoContentVariant Variant { get; }

        /// <summary>The full path of the file.</summary>
        public string Path { get; }
    }

    /// <summary>
    /// Where Save-VideoContent writes each asset. When <c>-Path</c> is an existing folder (or ends with a separator)
    /// files are named after the video: <c>video_123.mp4</c> for the video, <c>video_123.thumbnail.webp</c> and
    /// <c>video_123.spritesheet.jpg</c> for the others (an unknown variant <c>v</c> gives <c>video_123.v.bin</c>).
    /// Otherwise <c>-Path</c> is the file itself, which only works for one variant.
    /// </summary>
    public static class ContentPathPlanner
    {
        /// <summary>The file name for one variant of a video (see <see cref="ContentFileName"/>).</summary>
        public static string FileName(string videoId, VideoContentVariant variant)
        {
            if (string.IsNullOrWhiteSpace(videoId))
            {
                throw new ArgumentException("A video id is required.", nameof(videoId));
            }

            return ContentFileName.For(videoId, variant);
        }

        /// <summary>The files for <paramref name="variants"/> of a video, given the resolved <c>-Path</c>.</summary>
        /// <param name="videoId">The video.</param>
        /// <param name="variants">The assets asked for (duplicates are dropped).</param>
        /// <param name="path">The full file-system path the user gave.</param>
        /// <param name="directoryExists">Whether a folder exists (the file system in the cmdlet).</param>
        /// <exception cref="ArgumentException">Several variants and a path that is not a folder.</exception>
        public static IReadOnlyList<ContentTarget> Plan(string videoId, IEnumerable<VideoContentVariant> variants, string path, Func<string, bool> directoryExists)
        {
            if (variants is null)
            {
                throw new ArgumentNullException(nameof(variants));
            }

            if (string.IsNullOrWhiteSpace(path))
            {
                throw new ArgumentException("A path is required.", nameof(path));
            }

            var distinct = new List<VideoContentVariant>();
            foreach (var variant in variants)
            {
                if (!distinct.Contains(variant))
                {
                    distinct.Add(variant);
                }
            }

            var isFolder = EndsWithSeparator(path) || directoryExists(path);
            var targets = new List<ContentTarget>(distinct.Count);
            if (isFolder)
            {
                foreach (var variant in distinct)
                {
                    targets.Add(new ContentTarget(variant, System.IO.Path.Combine(path, FileName(videoId, variant))));
                }

                return targets;
            }

            if (distinct.Count > 1)
            {
                throw new ArgumentException(
                    $"-Path '{path}' is a file name, but {distinct.Count} variants were asked for: give an existing folder so each is named after the video, e.g. {FileName(videoId, distinct[1])}.",
                    nameof(path));
            }

            foreach (var variant in distinct)
            {
                targets.Add(new ContentTarget(variant, path));
            }

            return targets;
        }

        private static bool EndsWithSeparator(string path) =>
            path.EndsWith(System.IO.Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal)
            || path.EndsWith(System.IO.Path.AltDirectorySeparatorChar.ToString(), StringComparison.Ordinal);
    }
}
