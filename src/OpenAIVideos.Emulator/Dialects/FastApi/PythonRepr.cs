using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace OpenAIVideos.Emulator.Dialects.FastApi
{
    /// <summary>Python's <c>repr()</c> of the values validation errors hold: str, int, None, and parsed JSON.</summary>
    internal static class PythonRepr
    {
        public static string Of(object? value) => value switch
        {
            null => "None",
            string text => OfString(text),
            int number => number.ToString(CultureInfo.InvariantCulture),
            _ => OfString(value.ToString() ?? string.Empty),
        };

        /// <summary>The repr of what <c>json.loads</c> makes of <paramref name="element"/> (dict, list, str, int, float, bool, None).</summary>
        public static string OfJson(JsonElement element) => element.ValueKind switch
        {
            JsonValueKind.Object => "{" + string.Join(", ", element.EnumerateObject().Select(p => OfString(p.Name) + ": " + OfJson(p.Value))) + "}",
            JsonValueKind.Array => "[" + string.Join(", ", element.EnumerateArray().Select(OfJson)) + "]",
            JsonValueKind.String => OfString(element.GetString() ?? string.Empty),
            JsonValueKind.True => "True",
            JsonValueKind.False => "False",
            JsonValueKind.Number => element.GetRawText(),
            _ => "None",
        };

        /// <summary>The Python type name of what <c>json.loads</c> makes of <paramref name="element"/>.</summary>
        public static string TypeOfJson(JsonElement element) => element.ValueKind switch
        {
            JsonValueKind.Object => "dict",
            JsonValueKind.Array => "list",
            JsonValueKind.String => "str",
            JsonValueKind.True or JsonValueKind.False => "bool",
            JsonValueKind.Number => element.TryGetInt64(out _) ? "int" : "float",
            _ => "NoneType",
        };

        private static string OfString(string text)
        {
            // Python prefers single quotes and switches to double quotes when the text has a ' but no ".
            char quote = text.Contains('\'') && !text.Contains('"') ? '"' : '\'';
            var repr = new StringBuilder().Append(quote);
            foreach (char c in text)
            {
                repr.Append(c switch
                {
                    '\\' => "\\\\",
                    '\n' => "\\n",
                    '\r' => "\\r",
                    '\t' => "\\t",
                    _ when c == quote => "\\" + c,
                    _ => c.ToString(),
                });
            }

            return repr.Append(quote).ToString();
        }
    }
}
