using System.Globalization;
using System.Text.RegularExpressions;

namespace OpenAIVideos.Emulator.Jobs
{
    /// <summary>
    /// Markers a prompt can carry to steer the emulator: <c>[emulator:fail]</c> fails the job half-way with
    /// <c>moderation_blocked</c>; <c>[emulator:content-bytes=N]</c> makes the video download exactly N synthetic bytes.
    /// </summary>
    internal sealed record PromptMarkers(bool Fail, long? ContentBytes)
    {
        public const string FailMarker = "[emulator:fail]";

        private static readonly Regex ContentBytesPattern =
            new Regex(@"\[emulator:content-bytes=(\d{1,18})\]", RegexOptions.CultureInvariant);

        public static PromptMarkers Parse(string prompt)
        {
            Match match = ContentBytesPattern.Match(prompt);
            long? bytes = match.Success ? long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
            return new PromptMarkers(prompt.Contains(FailMarker, System.StringComparison.Ordinal), bytes);
        }
    }
}
