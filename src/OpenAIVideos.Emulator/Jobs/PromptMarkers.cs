using System.Globalization;
using System.Text.RegularExpressions;

namespace OpenAIVideos.Emulator.Jobs
{
    /// <summary>
    /// Markers a prompt can carry to steer the emulator: <c>[emulator:fail]</c> fails the job half-way with
    /// <c>moderation_blocked</c>; <c>[emulator:cancel]</c> and <c>[emulator:expire]</c> end it half-way as
    /// <c>cancelled</c> or <c>expired</c> (statuses OpenRouter reports); <c>[emulator:content-bytes=N]</c> makes the video
    /// download exactly N synthetic bytes.
    /// </summary>
    internal sealed record PromptMarkers(bool Fail, long? ContentBytes, bool Cancel = false, bool Expire = false)
    {
        public const string FailMarker = "[emulator:fail]";
        public const string CancelMarker = "[emulator:cancel]";
        public const string ExpireMarker = "[emulator:expire]";

        private static readonly Regex ContentBytesPattern =
            new Regex(@"\[emulator:content-bytes=(\d{1,18})\]", RegexOptions.CultureInvariant);

        public static PromptMarkers Parse(string prompt)
        {
            Match match = ContentBytesPattern.Match(prompt);
            long? bytes = match.Success ? long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
            return new PromptMarkers(Has(prompt, FailMarker), bytes, Has(prompt, CancelMarker), Has(prompt, ExpireMarker));
        }

        private static bool Has(string prompt, string marker) => prompt.Contains(marker, System.StringComparison.Ordinal);

        /// <summary>The status a marker ends the job in half-way (failed, cancelled or expired), or null.</summary>
        public string? HalfwayEnd => Fail ? JobState.Failed : Cancel ? JobState.Cancelled : Expire ? JobState.Expired : null;
    }
}
