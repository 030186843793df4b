using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace OpenAIVideos.Docs.Tests
{
    /// <summary>
    /// The help's prose is not wrapped by hand: one line per paragraph, list item or sentence. PlatyPS carries line breaks
    /// into MAML, and Get-Help then breaks those hard-wrapped lines again at the console's width, mid-word.
    /// </summary>
    public sealed class HelpProseTests
    {
        public static TheoryData<string> HelpFiles()
        {
            var data = new TheoryData<string>();
            foreach (var file in Directory.GetFiles(RepositoryPaths.HelpFolder, "*.md").OrderBy(path => path, StringComparer.Ordinal))
            {
                data.Add(Path.GetFileName(file));
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(HelpFiles))]
        public void ProseIsNotHardWrapped(string file)
        {
            var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.HelpFolder, file));
            var wrapped = new List<string>();
            var inFence = false;
            var inFrontMatter = lines.Length > 0 && lines[0].Trim() == "---";
            var previousIsProse = false;
            for (var i = inFrontMatter ? 1 : 0; i < lines.Length; i++)
            {
                var line = lines[i];
                var trimmed = line.TrimStart();
                if (inFrontMatter)
                {
                    inFrontMatter = line.Trim() != "---";
                    continue;
                }

                if (trimmed.StartsWith("```", StringComparison.Ordinal))
                {
                    inFence = !inFence;
                    previousIsProse = false;
                    continue;
                }

                if (inFence || trimmed.Length == 0)
                {
                    previousIsProse = false;
                    continue;
                }

                if (previousIsProse && !StartsABlock(trimmed))
                {
                    wrapped.Add($"line {i + 1}: \"{Shorten(trimmed)}\" continues the line before it");
                }

                previousIsProse = !(trimmed.StartsWith('#') || trimmed.StartsWith('|') || trimmed.StartsWith("<!--", StringComparison.Ordinal));
            }

            Assert.True(wrapped.Count == 0,
                $"docs/en-US/{file}: prose wrapped by hand (join each paragraph or list item onto one line):\n" + string.Join("\n", wrapped.Take(10)));
        }

        /// <summary>Headings, list items, table rows, comments and quotes start a block of their own.</summary>
        private static bool StartsABlock(string trimmed) =>
            trimmed.StartsWith('#') || trimmed.StartsWith('|') || trimmed.StartsWith('>') || trimmed.StartsWith("<!--", StringComparison.Ordinal)
            || trimmed.StartsWith("---", StringComparison.Ordinal) || Regex.IsMatch(trimmed, @"^([-*+]|\d+\.)\s");

        private static string Shorten(string text) => text.Length <= 60 ? text : text.Substring(0, 57) + "...";
    }
}
