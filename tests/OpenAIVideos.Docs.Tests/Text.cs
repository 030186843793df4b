using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace OpenAIVideos.Docs.Tests
{
    /// <summary>Comparable plain text from XML doc comments and from markdown.</summary>
    internal static class Text
    {
        /// <summary>The text of an XML doc element: <c>&lt;c&gt;</c> and <c>&lt;see cref&gt;</c> become their words.</summary>
        public static string Plain(XElement element)
        {
            var parts = element.DescendantNodes().Select(node => node switch
            {
                XText text => text.Value,
                XElement { Name.LocalName: "see" } see => Cref((string?)see.Attribute("cref") ?? (string?)see.Attribute("langword") ?? string.Empty),
                _ => string.Empty,
            });
            return Normalize(string.Concat(parts));
        }

        /// <summary>Markdown or doc text with formatting and whitespace differences removed.</summary>
        public static string Normalize(string text)
        {
            text = text.Replace("`", string.Empty).Replace("**", string.Empty);
            text = Regex.Replace(text, @"\[([^\]]*)\]\([^)]*\)", "$1"); // [label](link) -> label
            return Regex.Replace(text, @"\s+", " ").Trim();
        }

        private static string Cref(string cref)
        {
            var name = cref.Contains(':') ? cref.Substring(cref.IndexOf(':') + 1) : cref;
            name = name.Contains('(') ? name.Substring(0, name.IndexOf('(')) : name;
            return name.Substring(name.LastIndexOf('.') + 1);
        }
    }
}
