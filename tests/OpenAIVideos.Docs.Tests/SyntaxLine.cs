using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace OpenAIVideos.Docs.Tests
{
    /// <summary>One parameter as a syntax line shows it: <c>[[-Name] &lt;type&gt;]</c>, <c>-Name &lt;type&gt;</c>, <c>[-Switch]</c>, ...</summary>
    internal sealed record SyntaxParameter(string Name, string? TypeName, bool Mandatory, bool Positional)
    {
        public override string ToString() =>
            (Mandatory, Positional, TypeName) switch
            {
                (_, _, null) when Mandatory => $"-{Name}",
                (_, _, null) => $"[-{Name}]",
                (true, true, _) => $"[-{Name}] <{TypeName}>",
                (false, true, _) => $"[[-{Name}] <{TypeName}>]",
                (true, false, _) => $"-{Name} <{TypeName}>",
                _ => $"[-{Name} <{TypeName}>]",
            };
    }

    /// <summary>Reads a command line as <c>Get-Command -Syntax</c> (and PlatyPS) writes it.</summary>
    internal static class SyntaxLine
    {
        private static readonly (Regex Pattern, bool Mandatory, bool Positional)[] Forms =
        {
            (new Regex(@"^\[\[-(?<n>[\w]+)\]\s+<(?<t>[^>]+)>\]"), false, true),
            (new Regex(@"^\[-(?<n>[\w]+)\]\s+<(?<t>[^>]+)>"), true, true),
            (new Regex(@"^\[-(?<n>[\w]+)\s+<(?<t>[^>]+)>\]"), false, false),
            (new Regex(@"^\[-(?<n>[\w]+)\]"), false, false),
            (new Regex(@"^-(?<n>[\w]+)\s+<(?<t>[^>]+)>"), true, false),
            (new Regex(@"^-(?<n>[\w]+)"), true, false),
        };

        /// <summary>The command name, the parameters in order, whether [&lt;CommonParameters&gt;] ends it, and what could not be read.</summary>
        public static (string Command, List<SyntaxParameter> Parameters, bool HasCommonParameters, string? Unreadable) Parse(string line)
        {
            var parameters = new List<SyntaxParameter>();
            var text = line.Trim();
            var space = text.IndexOf(' ');
            var command = space < 0 ? text : text.Substring(0, space);
            text = space < 0 ? string.Empty : text.Substring(space).Trim();
            var common = false;
            while (text.Length > 0)
            {
                if (text.StartsWith("[<CommonParameters>]", System.StringComparison.Ordinal))
                {
                    common = true;
                    text = text.Substring("[<CommonParameters>]".Length).Trim();
                    continue;
                }

                var matched = false;
                foreach (var (pattern, mandatory, positional) in Forms)
                {
                    var match = pattern.Match(text);
                    if (!match.Success)
                    {
                        continue;
                    }

                    var type = match.Groups["t"].Success ? match.Groups["t"].Value : null;
                    parameters.Add(new SyntaxParameter(match.Groups["n"].Value, type, mandatory, positional));
                    text = text.Substring(match.Length).Trim();
                    matched = true;
                    break;
                }

                if (!matched)
                {
                    return (command, parameters, common, text);
                }
            }

            return (command, parameters, common, null);
        }

        /// <summary>The name PowerShell 7 shows in syntax for a type: its accelerator, else its short name.</summary>
        public static string DisplayName(string fullName)
        {
            var array = fullName.EndsWith("[]", System.StringComparison.Ordinal);
            var element = array ? fullName.Substring(0, fullName.Length - 2) : fullName;
            var name = element switch
            {
                "System.String" => "string",
                "System.Int32" => "int",
                "System.Int64" => "long",
                "System.UInt64" => "ulong",
                "System.Double" => "double",
                "System.Boolean" => "bool",
                "System.Uri" => "uri",
                "System.Object" => "Object",
                "System.Collections.Hashtable" => "hashtable",
                "System.Security.SecureString" => "securestring",
                _ => element.Substring(element.LastIndexOf('.') + 1),
            };
            return array ? name + "[]" : name;
        }
    }
}
