using System.Globalization;

namespace OpenAIVideos
{
    /// <summary>
    /// The API sends and expects durations as strings ("4", "8", "12"); integers are rejected. These helpers keep that
    /// rule in one place.
    /// </summary>
    public static class VideoSeconds
    {
        /// <summary>Durations the spec allows for a new video.</summary>
        public static readonly string[] Known = { "4", "8", "12" };

        /// <summary>Durations the guide allows for an extension segment.</summary>
        public static readonly string[] KnownForExtension = { "4", "8", "12", "16", "20" };

        /// <summary>Reads a duration string as a number of seconds.</summary>
        public static bool TryParse(string? text, out double seconds) =>
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out seconds) && seconds >= 0;
    }
}
