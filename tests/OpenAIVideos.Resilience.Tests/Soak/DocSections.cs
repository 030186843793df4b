using System;
using System.IO;

namespace OpenAIVideos.Resilience.Tests.Soak
{
    /// <summary>Reads and rewrites the generated sections of docs/reliability.md (between <c>&lt;!-- NAME:begin --&gt;</c> and <c>:end</c>).</summary>
    public static class DocSections
    {
        public static string DocPath => Path.Combine(Infrastructure.Repository.Root, "docs", "reliability.md");

        /// <summary>True when the tests should rewrite the page instead of checking it.</summary>
        public static bool WriteRequested => Environment.GetEnvironmentVariable("OPENAIVIDEOS_WRITE_DOCS") == "1";

        public static string? Read(string name)
        {
            if (!File.Exists(DocPath))
            {
                return null;
            }

            var text = File.ReadAllText(DocPath).Replace("\r\n", "\n");
            var (begin, end) = Markers(name);
            var start = text.IndexOf(begin, StringComparison.Ordinal);
            var stop = text.IndexOf(end, StringComparison.Ordinal);
            return start < 0 || stop < start ? null : text.Substring(start + begin.Length, stop - start - begin.Length).Trim('\n');
        }

        public static void Write(string name, string content)
        {
            var text = File.ReadAllText(DocPath).Replace("\r\n", "\n");
            var (begin, end) = Markers(name);
            var start = text.IndexOf(begin, StringComparison.Ordinal);
            var stop = text.IndexOf(end, StringComparison.Ordinal);
            if (start < 0 || stop < start)
            {
                throw new InvalidOperationException($"{DocPath} has no {begin} … {end} section to fill.");
            }

            text = text.Substring(0, start + begin.Length) + "\n" + content.Trim('\n') + "\n" + text.Substring(stop);
            File.WriteAllText(DocPath, text);
        }

        private static (string Begin, string End) Markers(string name) => ($"<!-- {name}:begin -->", $"<!-- {name}:end -->");
    }
}
