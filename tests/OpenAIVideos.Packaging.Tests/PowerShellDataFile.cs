using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace OpenAIVideos.Packaging.Tests
{
    /// <summary>
    /// Reads the subset of PowerShell that data files (.psd1) allow: hashtables <c>@{}</c>, arrays <c>@()</c> and bare
    /// comma lists, single- and double-quoted strings, numbers, <c>$true</c>/<c>$false</c>/<c>$null</c>, and comments.
    /// Anything else — variables, subexpressions, commands — is an error, as it is for Import-PowerShellDataFile.
    /// </summary>
    /// <remarks>Hashtables become case-insensitive dictionaries, arrays lists, numbers long or double.</remarks>
    internal sealed class PowerShellDataFile
    {
        private readonly string text;
        private int position;

        private PowerShellDataFile(string text)
        {
            this.text = text;
        }

        public static IReadOnlyDictionary<string, object?> ParseHashtable(string text)
        {
            var parser = new PowerShellDataFile(text);
            var value = parser.ParseExpression();
            parser.SkipTrivia(newlines: true);
            if (parser.position < text.Length)
            {
                throw parser.Error("Unexpected text after the data");
            }

            return value as IReadOnlyDictionary<string, object?> ?? throw parser.Error("A data file must contain a hashtable @{ ... }");
        }

        private object? ParseExpression()
        {
            var first = ParseValue();
            SkipTrivia(newlines: false);
            if (Peek() != ',')
            {
                return first;
            }

            var items = new CommaList { first };
            while (Peek() == ',')
            {
                position++;
                items.Add(ParseValue());
                SkipTrivia(newlines: false);
            }

            return items;
        }

        private object? ParseValue()
        {
            SkipTrivia(newlines: true);
            var c = Peek();
            switch (c)
            {
                case '@' when Peek(1) == '{':
                    position += 2;
                    return ParseHashtableBody();
                case '@' when Peek(1) == '(':
                    position += 2;
                    return ParseArrayBody();
                case '\'':
                    return ParseSingleQuoted();
                case '"':
                    return ParseDoubleQuoted();
                case '$':
                    return ParseConstant();
                default:
                    if (char.IsDigit(c) || ((c == '-' || c == '+' || c == '.') && char.IsDigit(Peek(1))))
                    {
                        return ParseNumber();
                    }

                    throw Error(c == '\0' ? "Unexpected end of the data" : $"Unexpected '{c}': not allowed in a data file");
            }
        }

        private Dictionary<string, object?> ParseHashtableBody()
        {
            var table = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            while (true)
            {
                SkipSeparators();
                if (Peek() == '}')
                {
                    position++;
                    return table;
                }

                var keyAt = position;
                var key = ParseKey();
                SkipTrivia(newlines: false);
                if (Peek() != '=')
                {
                    throw Error($"Expected '=' after the key '{key}'");
                }

                position++;
                var value = ParseExpression();
                if (table.ContainsKey(key))
                {
                    position = keyAt;
                    throw Error($"Duplicate key '{key}'");
                }

                table.Add(key, value is CommaList list ? new List<object?>(list) : value);
                SkipTrivia(newlines: false);
                var end = Peek();
                if (end == '\0')
                {
                    throw Error("Unexpected end of the data: missing '}'");
                }

                if (end != '}' && end != ';' && end != '\n' && end != '\r')
                {
                    throw Error($"Expected a new line, ';' or '}}' after the value of '{key}'");
                }
            }
        }

        private List<object?> ParseArrayBody()
        {
            var items = new List<object?>();
            while (true)
            {
                SkipSeparators();
                if (Peek() == ')')
                {
                    position++;
                    return items;
                }

                var value = ParseExpression();
                if (value is CommaList list)
                {
                    items.AddRange(list); // a bare comma list inside @( ) is flattened, as PowerShell does
                }
                else
                {
                    items.Add(value);
                }

                SkipTrivia(newlines: false);
                var end = Peek();
                if (end == '\0')
                {
                    throw Error("Unexpected end of the data: missing ')'");
                }

                if (end != ')' && end != ';' && end != '\n' && end != '\r')
                {
                    throw Error("Expected a new line, ',' or ')' between array items");
                }
            }
        }

        private string ParseKey()
        {
            var c = Peek();
            if (c == '\'')
            {
                return ParseSingleQuoted();
            }

            if (c == '"')
            {
                return ParseDoubleQuoted();
            }

            var start = position;
            while (position < text.Length && (char.IsLetterOrDigit(text[position]) || text[position] == '_' || text[position] == '-' || text[position] == '.'))
            {
                position++;
            }

            if (start == position)
            {
                throw Error(c == '\0' ? "Unexpected end of the data: missing '}'" : $"Expected a key, found '{c}'");
            }

            return text.Substring(start, position - start);
        }

        private string ParseSingleQuoted()
        {
            position++; // opening quote
            var value = new StringBuilder();
            while (true)
            {
                if (position >= text.Length)
                {
                    throw Error("Unterminated string");
                }

                var c = text[position++];
                if (c == '\'')
                {
                    if (Peek() == '\'')
                    {
                        value.Append('\'');
                        position++;
                        continue;
                    }

                    return value.ToString();
                }

                value.Append(c);
            }
        }

        private string ParseDoubleQuoted()
        {
            position++;
            var value = new StringBuilder();
            while (true)
            {
                if (position >= text.Length)
                {
                    throw Error("Unterminated string");
                }

                var c = text[position++];
                switch (c)
                {
                    case '"' when Peek() == '"':
                        value.Append('"');
                        position++;
                        break;
                    case '"':
                        return value.ToString();
                    case '`':
                        var escaped = position < text.Length ? text[position++] : throw Error("Unterminated string");
                        value.Append(escaped switch { 'n' => '\n', 'r' => '\r', 't' => '\t', '0' => '\0', _ => escaped });
                        break;
                    case '$' when char.IsLetter(Peek()) || Peek() == '(' || Peek() == '{' || Peek() == '_':
                        position--;
                        throw Error("Variables and subexpressions are not allowed in a data file's strings");
                    default:
                        value.Append(c);
                        break;
                }
            }
        }

        private object? ParseConstant()
        {
            var start = position++;
            while (position < text.Length && (char.IsLetterOrDigit(text[position]) || text[position] == '_'))
            {
                position++;
            }

            var name = text.Substring(start, position - start);
            switch (name.ToLowerInvariant())
            {
                case "$true":
                    return true;
                case "$false":
                    return false;
                case "$null":
                    return null;
                default:
                    position = start;
                    throw Error($"The variable '{name}' is not allowed in a data file");
            }
        }

        private object ParseNumber()
        {
            var start = position;
            position++;
            while (position < text.Length && (char.IsLetterOrDigit(text[position]) || text[position] == '.'))
            {
                position++;
            }

            var token = text.Substring(start, position - start);
            if (long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
            {
                return integer;
            }

            if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
            {
                return real;
            }

            position = start;
            throw Error($"'{token}' is not a number");
        }

        private void SkipSeparators()
        {
            while (true)
            {
                SkipTrivia(newlines: true);
                if (Peek() != ';')
                {
                    return;
                }

                position++;
            }
        }

        private void SkipTrivia(bool newlines)
        {
            while (position < text.Length)
            {
                var c = text[position];
                if (c == '#')
                {
                    while (position < text.Length && text[position] != '\n' && text[position] != '\r')
                    {
                        position++;
                    }
                }
                else if (c == '<' && Peek(1) == '#')
                {
                    var end = text.IndexOf("#>", position + 2, StringComparison.Ordinal);
                    if (end < 0)
                    {
                        throw Error("Unterminated block comment");
                    }

                    position = end + 2;
                }
                else if (c == '`' && (Peek(1) == '\n' || Peek(1) == '\r'))
                {
                    position += Peek(1) == '\r' && Peek(2) == '\n' ? 3 : 2; // line continuation
                }
                else if (c == '\n' || c == '\r' ? newlines : char.IsWhiteSpace(c))
                {
                    position++;
                }
                else
                {
                    return;
                }
            }
        }

        private char Peek(int ahead = 0) => position + ahead < text.Length ? text[position + ahead] : '\0';

        /// <summary>A bare comma list (<c>'a', 'b'</c>), which an enclosing <c>@( )</c> flattens.</summary>
        private sealed class CommaList : List<object?>
        {
        }

        private FormatException Error(string message)
        {
            var line = 1;
            var column = 1;
            for (var i = 0; i < position && i < text.Length; i++)
            {
                if (text[i] == '\n')
                {
                    line++;
                    column = 1;
                }
                else
                {
                    column++;
                }
            }

            return new FormatException($"{message} (line {line}, column {column}).");
        }
    }
}
