using System;
using System.Collections.Generic;

namespace OpenAIVideos.Emulator.Http
{
    /// <summary>
    /// The query string's parameters, percent-decoded (<c>+</c> as a space); a repeated name keeps its values joined by
    /// commas, as form values are. A missing name reads as the empty string.
    /// </summary>
    internal sealed class QueryValues
    {
        private readonly Dictionary<string, List<string>> _values = new Dictionary<string, List<string>>(StringComparer.Ordinal);

        /// <param name="query">The part after <c>?</c>, without it.</param>
        public QueryValues(string query)
        {
            foreach (string pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                int equals = pair.IndexOf('=');
                string name = Decode(equals < 0 ? pair : pair.Substring(0, equals));
                string value = equals < 0 ? string.Empty : Decode(pair.Substring(equals + 1));
                if (!_values.TryGetValue(name, out List<string>? list))
                {
                    _values[name] = list = new List<string>();
                }

                list.Add(value);
            }
        }

        public string this[string name] => TryGetValue(name, out string value) ? value : string.Empty;

        public bool TryGetValue(string name, out string value)
        {
            if (_values.TryGetValue(name, out List<string>? list))
            {
                value = string.Join(",", list);
                return true;
            }

            value = string.Empty;
            return false;
        }

        public static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
    }
}
