using System;
using System.IO;
using System.Linq;
using OpenAIVideos.Build;

namespace OpenAIVideos.Docs.Tests
{
    /// <summary>
    /// build/AboutHelpText.cs, which every build runs to lay out en-US/about_OpenAIVideos.help.txt: Get-Help prints that
    /// file as it is, so it must be console text, not markdown, and fit an 80-column console without breaking words.
    /// </summary>
    public sealed class AboutHelpTextTests
    {
        private const string Sample = "---\ndocument type: about\ntitle: about_Sample\n---\n\n# about_Sample\n\n## Short Description\n\n"
            + "A `sample` topic with a [link](Get-Sample.md), an [outside link](https://example.com/page) and **bold** text.\n\n"
            + "## Long Description\n\n- first item\n- second item\n\n| Name | Value |\n|---|---|\n| a | 1 |\n| bb | 22 |\n\n"
            + "```powershell\nGet-Sample -Name x\n```\n\n### A subsection\n\nText.\n";

        [Fact]
        public void FrontMatterAndMarkdownBecomeTheClassicAboutLayout()
        {
            var text = AboutHelpText.Convert(Sample, "\n");
            var expected = string.Join("\n",
                "TOPIC",
                "    about_Sample",
                "",
                "SHORT DESCRIPTION",
                "    A sample topic with a link, an outside link (https://example.com/page) and",
                "    bold text.",
                "",
                "LONG DESCRIPTION",
                "    - first item",
                "    - second item",
                "",
                "    Name  Value",
                "    ----  -----",
                "    a     1",
                "    bb    22",
                "",
                "    Get-Sample -Name x",
                "",
                "  A subsection",
                "    Text.",
                "");
            Assert.Equal(expected, text);
        }

        [Fact]
        public void ATableTooWideForTheConsoleBecomesOneBlockPerRow()
        {
            var cell = string.Join(" ", Enumerable.Repeat("word", 20));
            var markdown = $"| Id | Category | Meaning |\n|---|---|---|\n| `NotFound` | ObjectNotFound | {cell} |\n";
            var lines = AboutHelpText.Convert(markdown, "\n").Split('\n');
            Assert.Equal("    NotFound", lines[0]);
            Assert.Equal("      Category: ObjectNotFound", lines[1]);
            Assert.StartsWith("      Meaning: word word", lines[2], StringComparison.Ordinal);
            Assert.All(lines.Skip(3).Where(l => l.Length > 0), l => Assert.StartsWith("        word", l, StringComparison.Ordinal));
            Assert.All(lines, l => Assert.True(l.Length <= AboutHelpText.MaxLineLength, $"{l.Length} characters: '{l}'"));
        }

        [Theory]
        [InlineData(0, 0)]
        [InlineData(4, 6)]
        [InlineData(8, 8)]
        public void WrappingBreaksOnlyBetweenWordsAndKeepsEveryWord(int firstIndent, int indent)
        {
            var words = Enumerable.Range(1, 60).Select(n => new string((char)('a' + n % 26), 1 + n % 13)).ToArray();
            var lines = AboutHelpText.Wrap(string.Join(" ", words), firstIndent, indent);
            Assert.True(lines.Count > 1);
            Assert.All(lines, l => Assert.True(l.Length <= AboutHelpText.MaxLineLength, $"{l.Length} characters: '{l}'"));
            Assert.StartsWith(new string(' ', firstIndent) + words[0], lines[0], StringComparison.Ordinal);
            Assert.All(lines.Skip(1), l => Assert.Matches($"^ {{{indent}}}\\S", l));
            Assert.Equal(words, string.Join(" ", lines).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }

        [Fact]
        public void TheModulesAboutTopicFitsAnEightyColumnConsole()
        {
            var text = AboutHelpText.Convert(File.ReadAllText(RepositoryPaths.AboutTopic), "\n");
            var lines = text.Split('\n');
            Assert.Equal("TOPIC", lines[0]);
            Assert.DoesNotContain(lines, l => l.Trim() == "---" || l.StartsWith("#", StringComparison.Ordinal));
            var tooLong = lines.Select((l, i) => (Line: l, Number: i + 1)).Where(l => l.Line.Length > AboutHelpText.MaxLineLength).ToList();
            Assert.True(tooLong.Count == 0,
                $"{RepositoryPaths.Relative(RepositoryPaths.AboutTopic)}: as help text these lines are longer than {AboutHelpText.MaxLineLength} characters "
                + "(shorten the code, or the inline code span, they come from):\n" + string.Join("\n", tooLong.Select(l => $"{l.Number}: {l.Line}")));
        }
    }
}
