using System.Globalization;

namespace OpenAIVideos.Emulator.Content
{
    /// <summary>A single <c>Range: bytes=a-b</c> request resolved against a length; multi-range requests are not served.</summary>
    internal readonly record struct ByteRange(long Start, long Length)
    {
        /// <summary>
        /// Parses the header. Returns false when it is absent or not a single byte range (serve the whole body);
        /// sets <paramref name="unsatisfiable"/> when the range lies outside the content (answer 416).
        /// </summary>
        public static bool TryParse(string? header, long totalLength, out ByteRange range, out bool unsatisfiable)
        {
            range = default;
            unsatisfiable = false;
            if (string.IsNullOrEmpty(header) || !header.StartsWith("bytes=", System.StringComparison.OrdinalIgnoreCase) || header.Contains(','))
            {
                return false;
            }

            string spec = header.Substring(6).Trim();
            int dash = spec.IndexOf('-');
            if (dash < 0)
            {
                return false;
            }

            string first = spec.Substring(0, dash);
            string last = spec.Substring(dash + 1);
            if (first.Length == 0)
            {
                // Suffix range: the last N bytes.
                if (!long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out long suffix) || suffix == 0)
                {
                    unsatisfiable = true;
                    return false;
                }

                long start = System.Math.Max(0, totalLength - suffix);
                range = new ByteRange(start, totalLength - start);
                return true;
            }

            if (!long.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out long from))
            {
                return false;
            }

            long to = totalLength - 1;
            if (last.Length > 0 && !long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out to))
            {
                return false;
            }

            if (from >= totalLength || to < from)
            {
                unsatisfiable = true;
                return false;
            }

            to = System.Math.Min(to, totalLength - 1);
            range = new ByteRange(from, to - from + 1);
            return true;
        }
    }
}
