using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;

namespace OpenAIVideos.Commands.Pipeline
{
    /// <summary>
    /// Turns loosely typed parameter values (a hashtable of extra request fields, whose values PowerShell may have
    /// wrapped in <c>PSObject</c>s) into the plain dictionaries, lists and scalars the engine serializes.
    /// </summary>
    /// <remarks>
    /// The <c>PSObject</c> unwrapping is a delegate so this stays free of PowerShell types and testable; the cmdlets
    /// pass <c>o =&gt; o is PSObject p ? p.BaseObject : o</c>.
    /// </remarks>
    public static class ParameterValues
    {
        /// <summary>The hashtable's entries as a dictionary of plain values (keys as invariant strings).</summary>
        public static IDictionary<string, object?> ToAdditionalProperties(IDictionary? table, Func<object?, object?> unwrap)
        {
            if (unwrap is null)
            {
                throw new ArgumentNullException(nameof(unwrap));
            }

            var result = new Dictionary<string, object?>(StringComparer.Ordinal);
            if (table is null)
            {
                return result;
            }

            foreach (DictionaryEntry entry in table)
            {
                var key = Convert.ToString(unwrap(entry.Key), CultureInfo.InvariantCulture);
                if (string.IsNullOrWhiteSpace(key))
                {
                    throw new ArgumentException("An additional property has an empty name.", nameof(table));
                }

                result[key!] = Unwrap(entry.Value, unwrap, 0);
            }

            return result;
        }

        /// <summary>Null for an empty or blank value: an empty CSV cell means "not given", not an empty value to send.</summary>
        public static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

        /// <summary>One value with every nested wrapper removed: dictionaries and lists are rebuilt, scalars kept.</summary>
        public static object? Unwrap(object? value, Func<object?, object?> unwrap) => Unwrap(value, unwrap, 0);

        private static object? Unwrap(object? value, Func<object?, object?> unwrap, int depth)
        {
            if (depth > 32)
            {
                throw new ArgumentException("An additional property is nested more than 32 levels deep (a cycle?).");
            }

            var plain = value;
            // A PSObject may wrap another; peel until the base object stops changing.
            for (var i = 0; i < 8 && plain is not null; i++)
            {
                var next = unwrap(plain);
                if (ReferenceEquals(next, plain))
                {
                    break;
                }

                plain = next;
            }

            switch (plain)
            {
                case null:
                    return null;
                case string:
                    return plain;
                case IDictionary map:
                    var nested = new Dictionary<string, object?>(StringComparer.Ordinal);
                    foreach (DictionaryEntry entry in map)
                    {
                        nested[Convert.ToString(unwrap(entry.Key), CultureInfo.InvariantCulture) ?? string.Empty] = Unwrap(entry.Value, unwrap, depth + 1);
                    }

                    return nested;
                case IEnumerable items:
                    var list = new List<object?>();
                    foreach (var item in items)
                    {
                        list.Add(Unwrap(item, unwrap, depth + 1));
                    }

                    return list;
                default:
                    return plain;
            }
        }
    }
}
