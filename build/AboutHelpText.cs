// Turns docs/en-US/about_*.md (PlatyPS's about format) into the about_*.help.txt text Get-Help prints.
// PlatyPS 1.x converts command help to MAML only; about topics it leaves to the module (PowerShell/platyPS#709), and
// Get-Help prints an about_*.help.txt as it is: markdown with its front matter, lines as long as paragraphs, which
// the console then breaks mid-word. So this writes the classic about layout (TOPIC, SHORT DESCRIPTION, ...),
// every line wrapped at word boundaries to fit an 80-column console.
//
// Compiled twice: by MSBuild's RoslynCodeTaskFactory as the WriteAboutHelpText task (build/OpenAIVideos.Layout.targets),
// and into tests/OpenAIVideos.Docs.Tests (with ABOUT_HELP_TEXT_TESTS, which leaves the MSBuild task out).
#nullable enable
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace OpenAIVideos.Build
{
    /// <summary>The conversion of an about topic's markdown into help text; no I/O.</summary>
    public static class AboutHelpText
    {
        /// <summary>The longest line written: one less than an 80-column console, since some hosts wrap at exactly the width.</summary>
        public const int MaxLineLength = 79;

        private const int BodyIndent = 4;
        private static readonly Regex ListItem = new Regex(@"^(\s*)([-*+]|\d+\.)\s+(.*)$");
        private static readonly Regex Link = new Regex(@"\[([^\]]+)\]\(([^)\s]+)\)");

        /// <summary>The help text of an about topic's markdown, lines separated by <paramref name="newLine"/>.</summary>
        public static string Convert(string markdown, string newLine)
        {
            if (markdown is null)
            {
                throw new ArgumentNullException(nameof(markdown));
            }

            var lines = markdown.Replace("\r\n", "\n").Split('\n');
            var output = new List<string>();
            var paragraph = new List<string>();
            var i = SkipFrontMatter(lines);
            while (i < lines.Length)
            {
                var line = lines[i];
                var trimmed = line.Trim();
                if (trimmed.StartsWith("```", StringComparison.Ordinal))
                {
                    Flush(paragraph, output);
                    i = Code(lines, i + 1, output);
                    continue;
                }

                if (trimmed.Length == 0 || trimmed.StartsWith("<!--", StringComparison.Ordinal))
                {
                    Flush(paragraph, output);
                }
                else if (trimmed.StartsWith("#", StringComparison.Ordinal))
                {
                    Flush(paragraph, output);
                    Heading(trimmed, output);
                }
                else if (trimmed.StartsWith("|", StringComparison.Ordinal))
                {
                    Flush(paragraph, output);
                    var rows = new List<string>();
                    while (i < lines.Length && lines[i].Trim().StartsWith("|", StringComparison.Ordinal))
                    {
                        rows.Add(lines[i].Trim());
                        i++;
                    }

                    Table(rows, output);
                    continue;
                }
                else if (ListItem.Match(line) is { Success: true } item)
                {
                    Flush(paragraph, output);
                    var depth = item.Groups[1].Value.Length / 2;
                    var marker = item.Groups[2].Value + " ";
                    var indent = BodyIndent + 2 * depth;
                    Separate(output, listItem: true);
                    output.AddRange(Wrap(Inline(item.Groups[3].Value), indent, indent + marker.Length, marker));
                }
                else
                {
                    paragraph.Add(trimmed);
                }

                i++;
            }

            Flush(paragraph, output);
            while (output.Count > 0 && output[output.Count - 1].Length == 0)
            {
                output.RemoveAt(output.Count - 1);
            }

            return string.Join(newLine, output) + newLine;
        }

        /// <summary>
        /// Lines of at most <see cref="MaxLineLength"/> characters, broken between words: the first starts at
        /// <paramref name="firstIndent"/> with <paramref name="marker"/>, the rest at <paramref name="indent"/>. A
        /// word longer than a line (a long URL) gets a line of its own.
        /// </summary>
        public static IReadOnlyList<string> Wrap(string text, int firstIndent, int indent, string marker = "")
        {
            var lines = new List<string>();
            var line = new StringBuilder(new string(' ', firstIndent) + marker);
            var lineHasWord = false;
            foreach (var word in text.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries))
            {
                if (lineHasWord && line.Length + 1 + word.Length > MaxLineLength)
                {
                    lines.Add(line.ToString());
                    line.Clear().Append(' ', indent);
                    lineHasWord = false;
                }

                if (lineHasWord)
                {
                    line.Append(' ');
                }

                line.Append(word);
                lineHasWord = true;
            }

            lines.Add(line.ToString().TrimEnd());
            return lines;
        }

        /// <summary>Inline markdown as plain text: code spans, emphasis and escapes unwrapped; a link becomes its text (and an absolute one its address too).</summary>
        public static string Inline(string text)
        {
            text = Link.Replace(text, match =>
            {
                var label = match.Groups[1].Value;
                var target = match.Groups[2].Value;
                var absolute = target.StartsWith("http://", StringComparison.Ordinal) || target.StartsWith("https://", StringComparison.Ordinal);
                // A help topic's name is what Get-Help takes; its address adds nothing in a console.
                var isTopic = label.StartsWith("about_", StringComparison.Ordinal) || !absolute;
                return isTopic ? label : label + " (" + target + ")";
            });
            text = text.Replace("**", string.Empty).Replace("`", string.Empty);
            return Regex.Replace(text, @"\\([\\`*_{}\[\]()#+\-.!|<>])", "$1");
        }

        private static int SkipFrontMatter(string[] lines)
        {
            if (lines.Length == 0 || lines[0].Trim() != "---")
            {
                return 0;
            }

            for (var i = 1; i < lines.Length; i++)
            {
                if (lines[i].Trim() == "---")
                {
                    return i + 1;
                }
            }

            return 0;
        }

        private static void Heading(string trimmed, List<string> output)
        {
            var level = trimmed.TakeWhile(c => c == '#').Count();
            var title = Inline(trimmed.Substring(level).Trim());
            Separate(output);
            if (level == 1)
            {
                // The classic about layout: TOPIC, then the topic's name indented.
                output.Add("TOPIC");
                output.AddRange(Wrap(title, BodyIndent, BodyIndent));
            }
            else if (level == 2)
            {
                output.AddRange(Wrap(title.ToUpperInvariant(), 0, 0));
            }
            else
            {
                output.AddRange(Wrap(title, 2, 2));
            }
        }

        private static int Code(string[] lines, int start, List<string> output)
        {
            Separate(output);
            var i = start;
            for (; i < lines.Length && !lines[i].Trim().StartsWith("```", StringComparison.Ordinal); i++)
            {
                // Code is never re-wrapped (that would change it); the docs keep its lines short instead.
                output.Add(lines[i].Length == 0 ? string.Empty : new string(' ', BodyIndent) + lines[i].TrimEnd());
            }

            output.Add(string.Empty);
            return i + 1;
        }

        private static void Table(List<string> rows, List<string> output)
        {
            var cells = rows.Where(r => !Regex.IsMatch(r, @"^\|[\s:|-]+\|$")).Select(Cells).ToList();
            if (cells.Count == 0)
            {
                return;
            }

            var header = cells[0];
            var body = cells.Skip(1).ToList();
            var columns = header.Count;
            var widths = Enumerable.Range(0, columns)
                .Select(c => cells.Max(r => c < r.Count ? r[c].Length : 0)).ToList();
            Separate(output);
            if (BodyIndent + widths.Sum() + 2 * (columns - 1) <= MaxLineLength)
            {
                // It fits: an aligned table, as Format-Table would draw it.
                output.Add(Row(header, widths));
                output.Add(Row(widths.Select(w => new string('-', w)).ToList(), widths));
                output.AddRange(body.Select(r => Row(r, widths)));
                output.Add(string.Empty);
                return;
            }

            // Too wide for a console: one block per row, its first cell as the title, the others labelled beneath.
            foreach (var row in body)
            {
                output.AddRange(Wrap(Cell(row, 0), BodyIndent, BodyIndent + 2));
                for (var c = 1; c < columns; c++)
                {
                    if (Cell(row, c).Length > 0)
                    {
                        // A two-column table's second header ("Meaning") says nothing the layout does not.
                        var label = columns == 2 ? string.Empty : header[c] + ": ";
                        output.AddRange(Wrap(label + Cell(row, c), BodyIndent + 2, BodyIndent + 4));
                    }
                }

                output.Add(string.Empty);
            }
        }

        private static List<string> Cells(string row) =>
            row.Trim().Trim('|').Split('|').Select(cell => Inline(cell.Trim())).ToList();

        private static string Cell(List<string> row, int column) => column < row.Count ? row[column] : string.Empty;

        private static string Row(List<string> row, List<int> widths) =>
            (new string(' ', BodyIndent) + string.Join("  ", widths.Select((w, c) => Cell(row, c).PadRight(w)))).TrimEnd();

        private static void Flush(List<string> paragraph, List<string> output)
        {
            if (paragraph.Count == 0)
            {
                return;
            }

            Separate(output);
            output.AddRange(Wrap(Inline(string.Join(" ", paragraph)), BodyIndent, BodyIndent));
            output.Add(string.Empty);
            paragraph.Clear();
        }

        // One blank line between blocks; the items of one list follow each other without one.
        private static void Separate(List<string> output, bool listItem = false)
        {
            // Nothing to separate from: the start, a blank line, or a heading (the only lines left of the body's indent).
            var last = output.Count == 0 ? string.Empty : output[output.Count - 1];
            if (last.Length == 0 || !last.StartsWith(new string(' ', BodyIndent), StringComparison.Ordinal))
            {
                return;
            }

            var afterListItem = output.Count > 0 && LastBlockWasListItem(output);
            if (!(listItem && afterListItem))
            {
                output.Add(string.Empty);
            }
        }

        // A list item's lines start with its marker or continue under it; nothing else is indented that way.
        private static bool LastBlockWasListItem(List<string> output)
        {
            for (var i = output.Count - 1; i >= 0; i--)
            {
                var line = output[i];
                if (ListItem.IsMatch(line))
                {
                    return true;
                }

                if (line.Length == 0 || !line.StartsWith(new string(' ', BodyIndent + 2), StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return false;
        }
    }

#if !ABOUT_HELP_TEXT_TESTS
    /// <summary>The MSBuild task: writes <see cref="Destination"/> from <see cref="Source"/>, only when the text changes.</summary>
    public sealed class WriteAboutHelpText : Microsoft.Build.Utilities.Task
    {
        [Microsoft.Build.Framework.Required]
        public string Source { get; set; } = string.Empty;

        [Microsoft.Build.Framework.Required]
        public string Destination { get; set; } = string.Empty;

        public override bool Execute()
        {
            var text = AboutHelpText.Convert(System.IO.File.ReadAllText(Source), "\n");
            if (!System.IO.File.Exists(Destination) || System.IO.File.ReadAllText(Destination) != text)
            {
                System.IO.File.WriteAllText(Destination, text, new UTF8Encoding(false));
            }

            return true;
        }
    }
#endif
}
