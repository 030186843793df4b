using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using OpenAIVideos.Client;
using OpenAIVideos.Client.Batch;
using OpenAIVideos.Commands.Content;

namespace OpenAIVideos.Commands.Pipeline
{
    /// <summary>
    /// Turns one Invoke-VideoBatch input into a batch item: a string is a prompt; any other object (a CSV row, a
    /// hashtable, a custom object) gives Prompt and optionally New-Video's other parameters by the same names (Model,
    /// Seconds or Duration, Size, AspectRatio, Resolution, NegativePrompt, Seed, Audio, InputReference, LastFrame,
    /// ReferenceImage: a list, or paths separated by ';' in a CSV cell), AdditionalProperties (a hashtable, or JSON text
    /// as a CSV cell holds it) and Name, matched without case.
    /// </summary>
    /// <remarks>No PowerShell types: the cmdlet passes how to read a property and how to unwrap a PSObject.</remarks>
    public sealed class BatchInputReader
    {
        private readonly Func<object?, object?> _unwrap;
        private readonly Func<string, string> _resolvePath;
        private readonly Func<string, bool> _fileExists;

        /// <summary>A reader; the functions come from the cmdlet (PSObject unwrapping, PowerShell's current location).</summary>
        public BatchInputReader(Func<object?, object?> unwrap, Func<string, string> resolvePath, Func<string, bool> fileExists)
        {
            _unwrap = unwrap ?? throw new ArgumentNullException(nameof(unwrap));
            _resolvePath = resolvePath ?? throw new ArgumentNullException(nameof(resolvePath));
            _fileExists = fileExists ?? throw new ArgumentNullException(nameof(fileExists));
        }

        /// <summary>The item for one input, or null with <paramref name="problem"/> saying why the row cannot be a video.</summary>
        /// <param name="index">The input's position, from 1.</param>
        /// <param name="input">The object as it came down the pipeline.</param>
        /// <param name="property">Reads a named property of it (case-insensitive), or null when it has none.</param>
        /// <param name="problem">Why it is not an item.</param>
        public BatchItem? Read(int index, object? input, Func<string, object?> property, out string? problem)
        {
            if (property is null)
            {
                throw new ArgumentNullException(nameof(property));
            }

            var value = _unwrap(input);
            Func<string, object?> get = value is IDictionary map ? name => Lookup(map, name) : name => _unwrap(property(name));
            var isText = value is string;
            var prompt = isText ? (string)value! : Text(get("Prompt"));
            if (string.IsNullOrWhiteSpace(prompt))
            {
                problem = $"Row {index} has no prompt: give a string, or an object (a CSV row) with a Prompt column.";
                return null;
            }

            try
            {
                var values = new VideoRequestValues { Prompt = prompt! };
                if (!isText)
                {
                    values.Model = Text(get("Model"));
                    values.Seconds = Text(get("Seconds")) ?? Text(get("Duration"));
                    values.Size = Text(get("Size"));
                    values.AspectRatio = Text(get("AspectRatio"));
                    values.Resolution = Text(get("Resolution"));
                    values.NegativePrompt = Text(get("NegativePrompt"));
                    values.Seed = Text(get("Seed"));
                    values.Audio = VideoRequestValues.ParseSwitch(Text(get("Audio")));
                    values.InputReference = Text(get("InputReference"));
                    values.LastFrame = Text(get("LastFrame"));
                    values.ReferenceImages = List(get("ReferenceImage"));
                    values.AdditionalProperties = Extras(get("AdditionalProperties"));
                }

                var request = values.ToRequest(_resolvePath, _fileExists);
                var name = isText ? null : Text(get("Name"));
                problem = null;
                return new BatchItem(index, request, name, BatchItemKey.For(request, name), input);
            }
            catch (Exception exception) when (exception is VideoApiException or ArgumentException or JsonException)
            {
                problem = $"Row {index} ('{VideoFormatter.PromptCell(prompt!, 40)}') cannot be sent: {exception.Message}";
                return null;
            }
        }

        private static object? Lookup(IDictionary map, string name)
        {
            foreach (DictionaryEntry entry in map)
            {
                if (string.Equals(Convert.ToString(entry.Key, CultureInfo.InvariantCulture), name, StringComparison.OrdinalIgnoreCase))
                {
                    return entry.Value;
                }
            }

            return null;
        }

        // CSV cells are strings; blank ones mean "not given". Numbers typed in a hashtable (Seconds = 8) become strings.
        private string? Text(object? value)
        {
            var text = Convert.ToString(_unwrap(value), CultureInfo.InvariantCulture);
            return string.IsNullOrWhiteSpace(text) ? null : text!.Trim();
        }

        // A list (from a hashtable or JSON), or one CSV cell with paths separated by ';'.
        private IReadOnlyList<string> List(object? value)
        {
            var items = new List<string>();
            switch (_unwrap(value))
            {
                case null:
                    break;
                case string text:
                    foreach (var part in text.Split(';'))
                    {
                        if (!string.IsNullOrWhiteSpace(part))
                        {
                            items.Add(part.Trim());
                        }
                    }

                    break;
                case IEnumerable many:
                    foreach (var item in many)
                    {
                        if (Text(item) is { } entry)
                        {
                            items.Add(entry);
                        }
                    }

                    break;
                default:
                    items.Add(Text(value)!);
                    break;
            }

            return items;
        }

        private IDictionary<string, object?> Extras(object? value)
        {
            switch (_unwrap(value))
            {
                case null:
                    return new Dictionary<string, object?>(StringComparer.Ordinal);
                case IDictionary table:
                    return ParameterValues.ToAdditionalProperties(table, _unwrap);
                case string json when string.IsNullOrWhiteSpace(json):
                    return new Dictionary<string, object?>(StringComparer.Ordinal);
                case string json:
                    using (var document = JsonDocument.Parse(json))
                    {
                        if (document.RootElement.ValueKind != JsonValueKind.Object)
                        {
                            throw new ArgumentException("AdditionalProperties must be a hashtable or a JSON object such as {\"seed\": 42}.");
                        }

                        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
                        foreach (var field in document.RootElement.EnumerateObject())
                        {
                            result[field.Name] = field.Value.Clone();
                        }

                        return result;
                    }

                default:
                    throw new ArgumentException("AdditionalProperties must be a hashtable or a JSON object such as {\"seed\": 42}.");
            }
        }
    }
}
