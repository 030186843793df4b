using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;

namespace OpenAIVideos.Commands.Pipeline
{
    /// <summary>
    /// Decides what text a bound value gives a text parameter (a prompt, a video id): a string is itself; an object gives
    /// the value of its property of that name (a CSV row's Prompt column, a video's Id); anything else is refused, never
    /// turned into its <c>ToString()</c> (which made <c>@{Prompt=...; Seconds=4}</c> a billed prompt).
    /// </summary>
    /// <remarks>
    /// PowerShell offers a piped object to a <c>ValueFromPipeline</c> string parameter before it tries the object's
    /// properties, and converts it to a string when nothing else binds; deciding here, in an argument transformation,
    /// is the one place that sees the object first. Property lookup is a delegate so this stays free of PowerShell types.
    /// </remarks>
    public static class PipelineText
    {
        /// <summary>
        /// The text for <paramref name="value"/>: a string (or number) as it is; an object's first property named in
        /// <paramref name="propertyNames"/>; a list (for an array parameter) element by element.
        /// </summary>
        /// <param name="value">The bound value, unwrapped by <paramref name="unwrap"/>.</param>
        /// <param name="propertyNames">The parameter's name and aliases, in the order to look them up.</param>
        /// <param name="findProperty">Looks a property up on an object: true and its value when the object has it.</param>
        /// <param name="unwrap">Removes a PowerShell wrapper (<c>PSObject</c>) to reach the object itself.</param>
        /// <param name="many">True for an array parameter: a list gives one text per element.</param>
        /// <returns>A string, an array of strings (when <paramref name="many"/>), or null for null.</returns>
        /// <exception cref="ArgumentException">The value is neither text nor an object with such a property.</exception>
        public static object? Resolve(object? value, IReadOnlyList<string> propertyNames, PropertyFinder findProperty, Func<object?, object?> unwrap, bool many)
        {
            if (propertyNames is null || propertyNames.Count == 0 || findProperty is null || unwrap is null)
            {
                throw new ArgumentNullException(propertyNames is null || propertyNames.Count == 0 ? nameof(propertyNames) : findProperty is null ? nameof(findProperty) : nameof(unwrap));
            }

            var plain = unwrap(value);
            if (many && plain is IList list && plain is not string)
            {
                var texts = new string?[list.Count];
                for (var i = 0; i < list.Count; i++)
                {
                    texts[i] = One(list[i], propertyNames, findProperty, unwrap);
                }

                return texts;
            }

            return One(value, propertyNames, findProperty, unwrap);
        }

        /// <summary>Looks up a property on an object; true and its value when the object has it.</summary>
        public delegate bool PropertyFinder(object value, string name, out object? propertyValue);

        private static string? One(object? value, IReadOnlyList<string> propertyNames, PropertyFinder findProperty, Func<object?, object?> unwrap)
        {
            var plain = unwrap(value);
            if (plain is null)
            {
                return null;
            }

            if (TryText(plain, out var text))
            {
                return text;
            }

            var name = propertyNames[0];
            if (plain is IDictionary)
            {
                throw new ArgumentException($"A hashtable binds no parameter by name, so its {name} and the rest would be lost. "
                    + $"Make it an object: [pscustomobject]@{{ {name} = ... }}.");
            }

            foreach (var propertyName in propertyNames)
            {
                if (findProperty(value!, propertyName, out var property))
                {
                    var inner = unwrap(property);
                    if (inner is not null && TryText(inner, out var propertyText) && propertyText.Length > 0)
                    {
                        return propertyText;
                    }

                    throw new ArgumentException($"The {plain.GetType().Name} has a {propertyName} property, but it is {(inner is null ? "empty" : "not text (" + inner.GetType().Name + ")")}.");
                }
            }

            throw new ArgumentException($"A {plain.GetType().Name} is not a {name}, and it has no {string.Join(" or ", propertyNames)} property. "
                + $"Pipe strings, or objects with a {name} property (e.g. Import-Csv rows with a {name} column).");
        }

        // Strings, characters and numbers are text; booleans, dates and every other object are not.
        private static bool TryText(object plain, out string text)
        {
            switch (plain)
            {
                case string s:
                    text = s;
                    return true;
                case char c:
                    text = c.ToString();
                    return true;
                case sbyte or byte or short or ushort or int or uint or long or ulong or float or double or decimal:
                    text = Convert.ToString(plain, CultureInfo.InvariantCulture)!;
                    return true;
                default:
                    text = string.Empty;
                    return false;
            }
        }
    }
}
