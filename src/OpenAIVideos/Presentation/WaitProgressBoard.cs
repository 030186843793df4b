using System;
using System.Collections.Generic;

namespace OpenAIVideos.Commands
{
    /// <summary>
    /// Which progress bars Wait-Video draws: one overall bar and, under it, a bar per video for at most
    /// <see cref="MaxVideoBars"/> videos at a time, so that waiting on thousands of ids does not bury the host in
    /// bars. A finished video's bar is closed and its place goes to the next unfinished video that reports. The overall
    /// bar is the mean of every video's progress (a finished one counts 100), so it moves while jobs of equal length run
    /// side by side instead of staying at 0 until they all finish at once.
    /// </summary>
    public sealed class WaitProgressBoard
    {
        /// <summary>The overall bar's id; the videos' bars are its children.</summary>
        public const int OverallActivityId = 1;

        /// <summary>How many video bars are open at once (about what a terminal shows under one parent).</summary>
        public const int MaxVideoBars = 10;

        private const string OverallActivity = "Waiting for videos";
        private readonly Dictionary<string, int> _activityIds = new Dictionary<string, int>(StringComparer.Ordinal);
        private readonly HashSet<string> _open = new HashSet<string>(StringComparer.Ordinal);
        private readonly HashSet<string> _finished = new HashSet<string>(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _progress = new Dictionary<string, int>(StringComparer.Ordinal);
        private int _overallShown = -1;

        // Each bar's title as last drawn, so its closing update names it the same way.
        private readonly Dictionary<string, string> _titles = new Dictionary<string, string>(StringComparer.Ordinal);

        /// <summary>A board for these videos (distinct ids, in the order given).</summary>
        public WaitProgressBoard(IReadOnlyList<string> videoIds)
        {
            if (videoIds is null)
            {
                throw new ArgumentNullException(nameof(videoIds));
            }

            foreach (var id in videoIds)
            {
                Track(id);
            }
        }

        /// <summary>Adds a video learnt of after the board was made (a batch creates its videos as it goes).</summary>
        public void Track(string videoId)
        {
            if (!string.IsNullOrEmpty(videoId) && !_activityIds.ContainsKey(videoId))
            {
                _activityIds[videoId] = OverallActivityId + 1 + _activityIds.Count;
            }
        }

        /// <summary>How many of the videos have finished.</summary>
        public int Done => _finished.Count;

        private string Title(string videoId) =>
            _titles.TryGetValue(videoId, out var title) ? title : VideoFormatter.ProgressTitle(videoId, null);

        /// <summary>The overall bar as it stands, with <paramref name="note"/> (e.g. "server unreachable, retrying") after the count.</summary>
        public ProgressBarUpdate Overall(string? note = null)
        {
            var total = _activityIds.Count;
            _overallShown = OverallPercent();
            return new ProgressBarUpdate(OverallActivityId, -1, OverallActivity, $"{Done} of {total} done" + (note is null ? string.Empty : $"; {note}"),
                _overallShown, completed: false);
        }

        /// <summary>The overall bar when a poll has moved it since it was last drawn, else null (no redraw per poll).</summary>
        public ProgressBarUpdate? OverallIfMoved() => OverallPercent() == _overallShown ? null : Overall();

        private int OverallPercent()
        {
            var total = _activityIds.Count;
            if (total == 0)
            {
                return 100;
            }

            long sum = _finished.Count * 100L;
            foreach (var entry in _progress)
            {
                if (!_finished.Contains(entry.Key))
                {
                    sum += entry.Value;
                }
            }

            return (int)(sum / total);
        }

        /// <summary>The bar for a poll's report, or null when it gets none (finished, unknown, or no place free).</summary>
        public ProgressBarUpdate? Polled(Video video)
        {
            if (video is null)
            {
                throw new ArgumentNullException(nameof(video));
            }

            // A late poll report must not revive a finished bar.
            if (_finished.Contains(video.Id) || !_activityIds.TryGetValue(video.Id, out var activityId))
            {
                return null;
            }

            _progress[video.Id] = Math.Max(0, Math.Min(99, video.Progress));

            if (!_open.Contains(video.Id))
            {
                if (_open.Count >= MaxVideoBars)
                {
                    return null;
                }

                _open.Add(video.Id);
            }

            _titles[video.Id] = VideoFormatter.ProgressTitle(video.Id, video.Prompt);
            return new ProgressBarUpdate(activityId, OverallActivityId, _titles[video.Id], VideoFormatter.ProgressStatus(video),
                Math.Max(0, Math.Min(100, video.Progress)), completed: false);
        }

        /// <summary>What changes when a video finishes: its bar closes (if it had one) and the overall bar moves.</summary>
        public IReadOnlyList<ProgressBarUpdate> Finished(string videoId)
        {
            if (!_activityIds.TryGetValue(videoId, out var activityId) || !_finished.Add(videoId))
            {
                return Array.Empty<ProgressBarUpdate>();
            }

            var updates = new List<ProgressBarUpdate>(2);
            if (_open.Remove(videoId))
            {
                updates.Add(new ProgressBarUpdate(activityId, OverallActivityId, Title(videoId), "Done", 100, completed: true));
            }

            updates.Add(Overall());
            return updates;
        }

        /// <summary>Closes the overall bar (and so what is left under it).</summary>
        public ProgressBarUpdate Close() => new ProgressBarUpdate(OverallActivityId, -1, OverallActivity, "Done", 100, completed: true);
    }
}
