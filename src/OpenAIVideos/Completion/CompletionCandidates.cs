using System;
using System.Collections.Generic;

namespace OpenAIVideos.Commands.Completion
{
    /// <summary>One tab-completion candidate: the text inserted and a tooltip.</summary>
    public sealed class CompletionCandidate
    {
        /// <summary>Creates a candidate.</summary>
        public CompletionCandidate(string completionText, string listItemText, string toolTip)
        {
            CompletionText = completionText;
            ListItemText = listItemText;
            ToolTip = toolTip;
        }

        /// <summary>What is inserted (quoted when needed).</summary>
        public string CompletionText { get; }

        /// <summary>What the menu shows.</summary>
        public string ListItemText { get; }

        /// <summary>The tooltip.</summary>
        public string ToolTip { get; }
    }

    /// <summary>
    /// The fixed values offered for completion and the matching rule (model values come from the server's catalogue,
    /// <see cref="ModelValueSuggestions"/>). The sets are open: suggestions, so other values can still be typed.
    /// </summary>
    public static class CompletionCandidates
    {
        /// <summary>Downloadable assets.</summary>
        public static readonly IReadOnlyList<string> Variants = Array.ConvertAll(VideoContentVariant.Known, v => v.Name);

        /// <summary>Statuses.</summary>
        public static readonly IReadOnlyList<string> Statuses = VideoStatus.Known;

        /// <summary>The values that start with what was typed (case-insensitive; surrounding quotes ignored), in order.</summary>
        public static IReadOnlyList<CompletionCandidate> Match(IEnumerable<string> values, string? wordToComplete)
        {
            var typed = Unquote(wordToComplete);
            var matches = new List<CompletionCandidate>();
            foreach (var value in values)
            {
                if (value.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                {
                    matches.Add(new CompletionCandidate(Quote(value), value, value));
                }
            }

            return matches;
        }

        /// <summary>Video ids that start with what was typed; the tooltip shows status and prompt.</summary>
        public static IReadOnlyList<CompletionCandidate> MatchVideos(IEnumerable<Video> videos, string? wordToComplete)
        {
            var typed = Unquote(wordToComplete);
            var matches = new List<CompletionCandidate>();
            foreach (var video in videos)
            {
                if (!string.IsNullOrEmpty(video.Id) && video.Id.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                {
                    var tip = $"{video.Status} {VideoFormatter.ProgressCell(video.Progress).TrimStart()} | {VideoFormatter.PromptCell(video.Prompt, 60)}";
                    matches.Add(new CompletionCandidate(Quote(video.Id), video.Id, tip));
                }
            }

            return matches;
        }

        private static string Unquote(string? word)
        {
            var text = word ?? string.Empty;
            return text.Trim('\'', '"');
        }

        // Single-quote anything PowerShell would otherwise split or interpret; double embedded single quotes.
        private static string Quote(string value)
        {
            foreach (var c in value)
            {
                if (char.IsWhiteSpace(c) || "'\"`$&@(){};,|<>#".IndexOf(c) >= 0)
                {
                    return "'" + value.Replace("'", "''") + "'";
                }
            }

            return value;
        }
    }
}
