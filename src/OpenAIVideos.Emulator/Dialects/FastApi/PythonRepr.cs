using System.Globalization;
using System.Text;

namespace OpenAIVideos.Emulator.Dialects.FastApi
{
    /// <summary>Python's <c>repr()</c> of the few value kinds validation errors hold: str, int and None.</summary>
    internal static class PythonRepr
    {
        public static string Of(object? value) => value switch
        {
            null => "None",
            string text => OfString(text),
            int number => number.ToString(CultureInfo.InvariantCulture),
            _ => OfString(value.ToString() ?? string.Empty),
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
