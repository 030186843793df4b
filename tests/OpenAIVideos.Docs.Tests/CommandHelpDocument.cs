using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace OpenAIVideos.Docs.Tests
{
    /// <summary>One syntax block: <c>### SetName (Default)</c> and its fenced command line.</summary>
    internal sealed record SyntaxBlock(string SetName, bool IsDefault, string Text);

    /// <summary>One entry of a parameter's yaml <c>ParameterSets</c> list.</summary>
    internal sealed record DocumentedSet(string Name, string Position, bool IsRequired, bool ValueFromPipeline, bool ValueFromPipelineByPropertyName);

    /// <summary>A <c>### -Name</c> section: its description and its yaml block.</summary>
    internal sealed record DocumentedParameter(
        string Name,
        string Description,
        string? Type,
        string? DefaultValue,
        IReadOnlyList<string> Aliases,
        IReadOnlyList<DocumentedSet> Sets,
        IReadOnlyList<string> AcceptedValues,
        IReadOnlyList<string> YamlKeys);

    /// <summary>A <c>### Example N: title</c> section.</summary>
    internal sealed record DocumentedExample(string Title, string? Code, bool IsRunnable);

    /// <summary>
    /// A line-based reader of the PlatyPS 1.0 command-help markdown (schema 2024-05-01): front matter, the title, the
    /// <c>##</c> sections, syntax blocks, examples and parameter sections with their yaml. Only the structure PlatyPS
    /// writes is understood; anything else is kept as section text.
    /// </summary>
    internal sealed class CommandHelpDocument
    {
        public string Path { get; private set; } = string.Empty;

        public string FileName => System.IO.Path.GetFileName(Path);

        public Dictionary<string, string> FrontMatter { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

        public string? Title { get; private set; }

        /// <summary>The <c>##</c> headings in order, with their text (including subsections).</summary>
        public List<KeyValuePair<string, string>> Sections { get; } = new List<KeyValuePair<string, string>>();

        public List<SyntaxBlock> Syntax { get; } = new List<SyntaxBlock>();

        public List<DocumentedParameter> Parameters { get; } = new List<DocumentedParameter>();

        public List<DocumentedExample> Examples { get; } = new List<DocumentedExample>();

        public List<string> Problems { get; } = new List<string>();

        public string Section(string heading) =>
            Sections.FirstOrDefault(s => string.Equals(s.Key, heading, StringComparison.Ordinal)).Value ?? string.Empty;

        /// <summary>The <c>###</c> headings of a section (e.g. the types under INPUTS).</summary>
        public IReadOnlyList<string> SubHeadings(string heading) =>
            Lines(Section(heading)).Where(l => l.StartsWith("### ", StringComparison.Ordinal)).Select(l => l.Substring(4).Trim()).ToList();

        public static CommandHelpDocument Load(string path)
        {
            var document = new CommandHelpDocument { Path = path };
            document.Parse(File.ReadAllLines(path));
            return document;
        }

        public static IEnumerable<string> Lines(string text) => text.Replace("\r\n", "\n").Split('\n');

        private void Parse(string[] lines)
        {
            var index = 0;
            if (lines.Length == 0 || lines[0].Trim() != "---")
            {
                Problems.Add("it does not start with yaml front matter (---)");
            }
            else
            {
                for (index = 1; index < lines.Length && lines[index].Trim() != "---"; index++)
                {
                    var colon = lines[index].IndexOf(':');
                    if (colon > 0)
                    {
                        FrontMatter[lines[index].Substring(0, colon).Trim()] = Unquote(lines[index].Substring(colon + 1).Trim());
                    }
                }

                index++;
            }

            string? current = null;
            var body = new StringBuilder();
            for (; index < lines.Length; index++)
            {
                var line = lines[index];
                if (line.StartsWith("# ", StringComparison.Ordinal) && current is null && Title is null)
                {
                    Title = line.Substring(2).Trim();
                    continue;
                }

                if (line.StartsWith("## ", StringComparison.Ordinal))
                {
                    Flush(current, body);
                    current = line.Substring(3).Trim();
                    body.Clear();
                    continue;
                }

                if (current is not null)
                {
                    body.Append(line).Append('\n');
                }
            }

            Flush(current, body);
        }

        private void Flush(string? heading, StringBuilder body)
        {
            if (heading is null)
            {
                return;
            }

            var text = body.ToString();
            Sections.Add(new KeyValuePair<string, string>(heading, text.Trim()));
            switch (heading)
            {
                case "SYNTAX":
                    ParseSyntax(text);
                    break;
                case "PARAMETERS":
                    ParseParameters(text);
                    break;
                case "EXAMPLES":
                    ParseExamples(text);
                    break;
            }
        }

        private void ParseSyntax(string text)
        {
            foreach (var (heading, content) in Subsections(text))
            {
                var isDefault = heading.EndsWith("(Default)", StringComparison.Ordinal);
                var name = isDefault ? heading.Substring(0, heading.Length - "(Default)".Length).Trim() : heading;
                var fence = Fences(content).FirstOrDefault();
                if (fence.Code is null)
                {
                    Problems.Add($"the syntax of set '{name}' has no fenced code block");
                    continue;
                }

                // PlatyPS wraps long syntax lines; continuation lines start with a space.
                Syntax.Add(new SyntaxBlock(name, isDefault, string.Join(" ", Lines(fence.Code).Select(l => l.Trim()).Where(l => l.Length > 0))));
            }
        }

        private void ParseExamples(string text)
        {
            foreach (var (heading, content) in Subsections(text))
            {
                var fence = Fences(content).FirstOrDefault(f => f.Language is "powershell" or "pwsh" or "ps1" or "");
                Examples.Add(new DocumentedExample(heading, fence.Code, fence.Code is not null && fence.Runnable));
            }
        }

        private void ParseParameters(string text)
        {
            foreach (var (heading, content) in Subsections(text))
            {
                if (heading == "CommonParameters")
                {
                    continue;
                }

                if (!heading.StartsWith("-", StringComparison.Ordinal))
                {
                    Problems.Add($"the PARAMETERS subsection '### {heading}' is not '### -Name' or '### CommonParameters'");
                    continue;
                }

                var name = heading.Substring(1).Trim();
                var contentLines = Lines(content).ToList();
                var yamlStart = contentLines.FindIndex(l => l.Trim() == "```yaml");
                if (yamlStart < 0)
                {
                    Problems.Add($"-{name} has no ```yaml block");
                    continue;
                }

                var description = string.Join("\n", contentLines.Take(yamlStart)).Trim();
                var yamlEnd = contentLines.FindIndex(yamlStart + 1, l => l.Trim() == "```");
                var yaml = contentLines.Skip(yamlStart + 1).Take((yamlEnd < 0 ? contentLines.Count : yamlEnd) - yamlStart - 1).ToList();
                Parameters.Add(ReadParameterYaml(name, description, yaml));
            }
        }

        private static DocumentedParameter ReadParameterYaml(string name, string description, List<string> yaml)
        {
            var scalars = new Dictionary<string, string>(StringComparer.Ordinal);
            var lists = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            var sets = new List<Dictionary<string, string>>();
            var keys = new List<string>();
            string? listKey = null;
            foreach (var raw in yaml)
            {
                if (raw.Trim().Length == 0)
                {
                    continue;
                }

                if (!raw.StartsWith(" ", StringComparison.Ordinal) && !raw.StartsWith("-", StringComparison.Ordinal))
                {
                    var colon = raw.IndexOf(':');
                    var key = raw.Substring(0, colon).Trim();
                    var value = raw.Substring(colon + 1).Trim();
                    keys.Add(key);
                    if (value.Length == 0)
                    {
                        listKey = key;
                        lists[key] = new List<string>();
                    }
                    else if (value.StartsWith("[", StringComparison.Ordinal) && value.EndsWith("]", StringComparison.Ordinal))
                    {
                        listKey = null;
                        lists[key] = value.Substring(1, value.Length - 2).Split(',').Select(v => Unquote(v.Trim())).Where(v => v.Length > 0).ToList();
                    }
                    else
                    {
                        listKey = null;
                        scalars[key] = Unquote(value);
                    }

                    continue;
                }

                var item = raw.Trim();
                if (listKey == "ParameterSets")
                {
                    if (item.StartsWith("- ", StringComparison.Ordinal))
                    {
                        sets.Add(new Dictionary<string, string>(StringComparer.Ordinal));
                        item = item.Substring(2).Trim();
                    }

                    var colon = item.IndexOf(':');
                    if (sets.Count > 0 && colon > 0)
                    {
                        sets[sets.Count - 1][item.Substring(0, colon).Trim()] = Unquote(item.Substring(colon + 1).Trim());
                    }
                }
                else if (listKey is not null && item.StartsWith("- ", StringComparison.Ordinal))
                {
                    lists[listKey].Add(Unquote(item.Substring(2).Trim()));
                }
            }

            return new DocumentedParameter(
                name,
                description,
                scalars.TryGetValue("Type", out var type) ? type : null,
                scalars.TryGetValue("DefaultValue", out var defaultValue) ? defaultValue : null,
                lists.TryGetValue("Aliases", out var aliases) ? aliases : new List<string>(),
                sets.Select(s => new DocumentedSet(
                    s.TryGetValue("Name", out var setName) ? setName : string.Empty,
                    s.TryGetValue("Position", out var position) ? position : string.Empty,
                    IsTrue(s, "IsRequired"), IsTrue(s, "ValueFromPipeline"), IsTrue(s, "ValueFromPipelineByPropertyName"))).ToList(),
                lists.TryGetValue("AcceptedValues", out var accepted) ? accepted : new List<string>(),
                keys);
        }

        private static bool IsTrue(Dictionary<string, string> map, string key) =>
            map.TryGetValue(key, out var value) && string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);

        /// <summary>The <c>###</c> subsections of a section's text.</summary>
        private static IEnumerable<(string Heading, string Content)> Subsections(string text)
        {
            string? heading = null;
            var content = new StringBuilder();
            foreach (var line in Lines(text))
            {
                if (line.StartsWith("### ", StringComparison.Ordinal))
                {
                    if (heading is not null)
                    {
                        yield return (heading, content.ToString());
                    }

                    heading = line.Substring(4).Trim();
                    content.Clear();
                    continue;
                }

                content.Append(line).Append('\n');
            }

            if (heading is not null)
            {
                yield return (heading, content.ToString());
            }
        }

        /// <summary>The fenced code blocks of some text, with their language and whether <c>&lt;!-- runnable --&gt;</c> precedes them.</summary>
        public static IEnumerable<(string Language, string? Code, bool Runnable)> Fences(string text)
        {
            var lines = Lines(text).ToList();
            for (var i = 0; i < lines.Count; i++)
            {
                var trimmed = lines[i].Trim();
                if (!trimmed.StartsWith("```", StringComparison.Ordinal))
                {
                    continue;
                }

                var language = trimmed.Substring(3).Trim().ToLowerInvariant();
                var previous = i - 1;
                while (previous >= 0 && lines[previous].Trim().Length == 0)
                {
                    previous--;
                }

                var runnable = previous >= 0 && lines[previous].Trim() == "<!-- runnable -->";
                var code = new StringBuilder();
                var j = i + 1;
                for (; j < lines.Count && lines[j].Trim() != "```"; j++)
                {
                    code.Append(lines[j]).Append('\n');
                }

                yield return (language, code.ToString().TrimEnd('\n'), runnable);
                i = j;
            }
        }

        private static string Unquote(string value) =>
            value.Length >= 2 && ((value[0] == '\'' && value[value.Length - 1] == '\'') || (value[0] == '"' && value[value.Length - 1] == '"'))
                ? value.Substring(1, value.Length - 2)
                : value;
    }
}
