using System;
using System.Globalization;
using System.Text;

namespace OpenAIVideos.Commands
{
    /// <summary>
    /// The text of the format views' computed cells (OpenAIVideos.Format.ps1xml calls these as
    /// <c>[OpenAIVideos.Commands.VideoFormatter]::PromptCell($_.Prompt)</c>), kept in C# so it is tested.
    /// </summary>
    public static class VideoFormatter
    {
        /// <summary>The width of the default table's Prompt column.</summary>
        public const int PromptWidth = 24;

        /// <summary>The width of the tables' Id column: the id's kind (<c>video_</c>) and enough of its tail to tell ids apart.</summary>
        public const int IdWidth = 20;

        /// <summary>How much of the prompt a progress bar's title shows.</summary>
        public const int ProgressPromptWidth = 40;

        private const string Ellipsis = "…";

        /// <summary>The prompt on one line, cut to <see cref="PromptWidth"/> characters.</summary>
        public static string PromptCell(string? prompt) => PromptCell(prompt, PromptWidth);

        /// <summary>The prompt on one line (runs of whitespace become one space), cut to <paramref name="width"/> with an ellipsis.</summary>
        public static string PromptCell(string? prompt, int width)
        {
            if (string.IsNullOrEmpty(prompt) || width <= 0)
            {
                return string.Empty;
            }

            var line = OneLine(prompt!);
            if (line.Length <= width)
            {
                return line;
            }

            return width == 1 ? Ellipsis : line.Substring(0, width - 1).TrimEnd() + Ellipsis;
        }

        /// <summary>An id cut to <see cref="IdWidth"/> characters; see <see cref="IdCell(string?, int)"/>.</summary>
        public static string IdCell(string? id) => IdCell(id, IdWidth);

        /// <summary>
        /// An id that fits <paramref name="width"/>, cut in the middle: its kind (the prefix up to the first <c>_</c>,
        /// when short) and its tail, which is where ids differ. Gateways' ids share a long head: LiteLLM's are
        /// <c>video_</c> + base64 of <c>litellm:custom_llm_provider:…;model_id:…;video_id:{provider's id}</c>, so only
        /// the end tells them apart. The tail is a literal suffix, so <c>Where-Object Id -like '*TAIL'</c> finds the video.
        /// </summary>
        public static string IdCell(string? id, int width)
        {
            if (string.IsNullOrEmpty(id) || width <= 0)
            {
                return string.Empty;
            }

            var value = id!;
            if (value.Length <= width)
            {
                return value;
            }

            if (width == 1)
            {
                return Ellipsis;
            }

            // The kind is kept only while it leaves at least two thirds of the width to the tail.
            var kindEnd = value.IndexOf('_');
            var kind = kindEnd > 0 && kindEnd + 1 <= width / 3 ? value.Substring(0, kindEnd + 1) : string.Empty;
            var tail = width - kind.Length - 1;
            return kind + Ellipsis + value.Substring(value.Length - tail);
        }

        /// <summary>What the server charged, <c>$0.40</c>; empty when it did not say (most servers never do).</summary>
        public static string ChargedCell(decimal? amount) => amount is { } value ? CostCell(value) : string.Empty;

        /// <summary>
        /// A progress bar's title for a video: its prompt (what the user wrote, so what tells the bars apart for them) and
        /// its short id, e.g. <c>'a paper boat on a river' (video_…3f2a9c1b04d7e)</c>; the short id alone when there is no prompt.
        /// </summary>
        public static string ProgressTitle(string videoId, string? prompt)
        {
            var id = IdCell(videoId);
            var text = PromptCell(prompt, ProgressPromptWidth);
            return text.Length == 0 ? id : "'" + text + "' (" + id + ")";
        }

        /// <summary>A batch row's item: its name when it has one, else its prompt, cut to <paramref name="width"/>.</summary>
        public static string ItemCell(string? name, string? prompt, int width) =>
            PromptCell(string.IsNullOrWhiteSpace(name) ? prompt : name, width);

        /// <summary>Progress as four right-aligned characters, e.g. <c> 45%</c>.</summary>
        public static string ProgressCell(int progress) =>
            Math.Max(0, Math.Min(100, progress)).ToString(CultureInfo.InvariantCulture).PadLeft(3) + "%";

        /// <summary>The creation time in local time, short: <c>Aug 21 14:05</c>, or <c>2025-12-31</c> for another year.</summary>
        public static string CreatedCell(DateTimeOffset created) => CreatedCell(created, DateTimeOffset.Now, TimeZoneInfo.Local);

        /// <summary>As <see cref="CreatedCell(DateTimeOffset)"/>, relative to <paramref name="now"/> in <paramref name="zone"/>.</summary>
        public static string CreatedCell(DateTimeOffset created, DateTimeOffset now, TimeZoneInfo zone)
        {
            if (created == default)
            {
                return string.Empty;
            }

            var local = TimeZoneInfo.ConvertTime(created, zone);
            var localNow = TimeZoneInfo.ConvertTime(now, zone);
            return local.Year == localNow.Year
                ? local.ToString("MMM dd HH:mm", CultureInfo.InvariantCulture)
                : local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        /// <summary>A local time with how long ago (or ahead) it is: <c>2026-08-21 14:05 (3 min ago)</c>.</summary>
        public static string LocalTimeText(DateTimeOffset? time) => LocalTimeText(time, DateTimeOffset.Now, TimeZoneInfo.Local);

        /// <summary>As <see cref="LocalTimeText(DateTimeOffset?)"/>, relative to <paramref name="now"/>.</summary>
        public static string LocalTimeText(DateTimeOffset? time, DateTimeOffset now, TimeZoneInfo zone)
        {
            if (time is not { } value || value == default)
            {
                return string.Empty;
            }

            var local = TimeZoneInfo.ConvertTime(value, zone);
            return local.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " (" + RelativeText(value, now) + ")";
        }

        /// <summary><c>just now</c>, <c>3 min ago</c>, <c>in 45 min</c>, <c>2 h ago</c>, <c>5 d ago</c>.</summary>
        public static string RelativeText(DateTimeOffset time, DateTimeOffset now)
        {
            var delta = now - time;
            var future = delta < TimeSpan.Zero;
            var span = future ? delta.Negate() : delta;
            string amount;
            if (span < TimeSpan.FromSeconds(45))
            {
                return "just now";
            }
            else if (span < TimeSpan.FromHours(1))
            {
                amount = Math.Max(1, (int)Math.Round(span.TotalMinutes)).ToString(CultureInfo.InvariantCulture) + " min";
            }
            else if (span < TimeSpan.FromDays(2))
            {
                amount = ((int)span.TotalHours).ToString(CultureInfo.InvariantCulture) + " h";
            }
            else
            {
                amount = ((int)span.TotalDays).ToString(CultureInfo.InvariantCulture) + " d";
            }

            return future ? "in " + amount : amount + " ago";
        }

        /// <summary>
        /// A byte count readable: <c>512 B</c>, <c>1.5 KiB</c>, <c>12.3 MiB</c>. Powers of 1024 carry the IEC names (KiB, MiB,
        /// GiB): a 3 GB file (3 × 10⁹ bytes) is 2.8 GiB, and labelling that "2.8 GB" made it look short.
        /// </summary>
        public static string BytesText(long bytes)
        {
            string[] units = { "B", "KiB", "MiB", "GiB", "TiB" };
            double value = bytes;
            var unit = 0;
            while (Math.Abs(value) >= 1024 && unit < units.Length - 1)
            {
                value /= 1024;
                unit++;
            }

            return unit == 0
                ? bytes.ToString(CultureInfo.InvariantCulture) + " B"
                : value.ToString("0.0", CultureInfo.InvariantCulture) + " " + units[unit];
        }

        /// <summary>A cost cell: <c>$0.40</c>, or <c>unknown</c>.</summary>
        public static string CostCell(decimal? amount) => new VideoCostEstimate(amount, null, null).ToString();

        /// <summary>Failures by error id on one line, most frequent first: <c>VideoFailed 2, InvalidRequest 1</c>.</summary>
        public static string FailuresCell(System.Collections.Generic.IDictionary<string, int>? failures)
        {
            if (failures is null || failures.Count == 0)
            {
                return string.Empty;
            }

            var parts = new System.Collections.Generic.List<System.Collections.Generic.KeyValuePair<string, int>>(failures);
            parts.Sort((a, b) => b.Value != a.Value ? b.Value.CompareTo(a.Value) : string.CompareOrdinal(a.Key, b.Key));
            return string.Join(", ", parts.ConvertAll(pair => pair.Key + " " + pair.Value.ToString(CultureInfo.InvariantCulture)));
        }

        /// <summary>The status line of a video's progress bar: <c>in_progress, 45%</c>.</summary>
        public static string ProgressStatus(Video video)
        {
            if (video is null)
            {
                throw new ArgumentNullException(nameof(video));
            }

            var status = string.IsNullOrEmpty(video.Status) ? "unknown" : video.Status;
            var text = status + ", " + ProgressCell(video.Progress).TrimStart();
            return video.Error is null ? text : text + " (" + video.Error.Code + ")";
        }

        /// <summary>A download's status line: <c>1.5 MiB of 12.0 MiB</c>, or <c>1.5 MiB</c> when the size is unknown.</summary>
        public static string DownloadStatus(long received, long? total) =>
            total is > 0 ? BytesText(received) + " of " + BytesText(total.Value) : BytesText(received);

        private static string OneLine(string text)
        {
            var line = new StringBuilder(text.Length);
            var space = false;
            foreach (var c in text.Trim())
            {
                if (char.IsWhiteSpace(c) || char.IsControl(c))
                {
                    space = true;
                    continue;
                }

                if (space && line.Length > 0)
                {
                    line.Append(' ');
                }

                space = false;
                line.Append(c);
            }

            return line.ToString();
        }
    }
}
