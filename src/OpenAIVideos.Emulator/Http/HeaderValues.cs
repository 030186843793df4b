using System;
using System.Collections;
using System.Collections.Generic;

namespace OpenAIVideos.Emulator.Http
{
    /// <summary>
    /// Request or response headers by case-insensitive name. A missing header reads as the empty string, so handlers can
    /// test <c>Length &gt; 0</c> without a null check (the convention ASP.NET Core's <c>StringValues</c> had here).
    /// </summary>
    internal sealed class HeaderValues : IEnumerable<KeyValuePair<string, string>>
    {
        private readonly Dictionary<string, string> _values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        public string this[string name]
        {
            get => _values.TryGetValue(name, out string? value) ? value : string.Empty;
            set => _values[name] = value;
        }

        public int Count => _values.Count;

        public bool ContainsKey(string name) => _values.ContainsKey(name);

        public bool Remove(string name) => _values.Remove(name);

        public void Clear() => _values.Clear();

        public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _values.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
