using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using OpenAIVideos.Emulator.Api;

namespace OpenAIVideos.Emulator.Validation
{
    /// <summary>
    /// One view over a JSON or multipart body, so each operation validates its fields once. Nested fields are
    /// <c>parent.child</c> in JSON and <c>parent[child]</c> in multipart.
    /// </summary>
    internal sealed class RequestFields
    {
        private readonly JsonElement _json;
        private readonly IFormCollection? _form;

        private RequestFields(JsonElement json, IFormCollection? form)
        {
            _json = json;
            _form = form;
        }

        public bool IsMultipart => _form != null;

        public static async Task<RequestFields> ReadAsync(HttpRequest request, bool multipartOnly = false)
        {
            string contentType = request.ContentType ?? string.Empty;
            if (contentType.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            {
                IFormCollection form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
                return new RequestFields(default, form);
            }

            if (multipartOnly)
            {
                throw ApiException.BadRequest($"Invalid Content-Type header ({DescribeContentType(contentType)}). This endpoint accepts only multipart/form-data.", null, "unsupported_content_type");
            }

            if (!contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            {
                throw ApiException.BadRequest($"Invalid Content-Type header ({DescribeContentType(contentType)}), expected application/json or multipart/form-data.", null, "unsupported_content_type");
            }

            try
            {
                using JsonDocument document = await JsonDocument.ParseAsync(request.Body, default, request.HttpContext.RequestAborted);
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    throw InvalidJson();
                }

                return new RequestFields(document.RootElement.Clone(), null);
            }
            catch (JsonException)
            {
                throw InvalidJson();
            }
        }

        /// <summary>Top-level field names, multipart <c>a[b]</c> keys reduced to <c>a</c>.</summary>
        public IEnumerable<string> Names =>
            _form != null
                ? _form.Keys.Concat(_form.Files.Select(file => file.Name)).Select(TopLevel).Distinct(StringComparer.Ordinal)
                : _json.EnumerateObject().Select(property => property.Name);

        /// <summary>Rejects fields outside <paramref name="known"/> (the strict OpenAI flavour), naming the first one.</summary>
        public void RejectUnknown(params string[] known)
        {
            string? unknown = Names.FirstOrDefault(name => !known.Contains(name, StringComparer.Ordinal));
            if (unknown != null)
            {
                throw ApiException.BadRequest($"Unknown parameter: '{unknown}'.", unknown, "unknown_parameter");
            }
        }

        /// <summary>Rejects nested fields of <paramref name="parent"/> outside <paramref name="known"/>.</summary>
        public void RejectUnknownNested(string parent, params string[] known)
        {
            IEnumerable<string> children = _form != null
                ? _form.Keys.Where(key => key.StartsWith(parent + "[", StringComparison.Ordinal) && key.EndsWith(']'))
                    .Select(key => key.Substring(parent.Length + 1, key.Length - parent.Length - 2))
                : _json.TryGetProperty(parent, out JsonElement element) && element.ValueKind == JsonValueKind.Object
                    ? element.EnumerateObject().Select(property => property.Name)
                    : Enumerable.Empty<string>();
            string? unknown = children.FirstOrDefault(child => !known.Contains(child, StringComparer.Ordinal));
            if (unknown != null)
            {
                throw ApiException.BadRequest($"Unknown parameter: '{parent}.{unknown}'.", $"{parent}.{unknown}", "unknown_parameter");
            }
        }

        /// <summary>A string field; null when absent or JSON null. Any other JSON type is rejected as <c>invalid_type</c>.</summary>
        public string? String(string name)
        {
            if (_form != null)
            {
                return _form.TryGetValue(name, out var values) ? values.ToString() : null;
            }

            return _json.TryGetProperty(name, out JsonElement element) ? StringOf(element, name) : null;
        }

        /// <summary>A nested string field (<c>video.id</c>, <c>input_reference.image_url</c>).</summary>
        public string? Nested(string parent, string child)
        {
            if (_form != null)
            {
                return _form.TryGetValue($"{parent}[{child}]", out var values) ? values.ToString() : null;
            }

            if (!_json.TryGetProperty(parent, out JsonElement element) || element.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (element.ValueKind != JsonValueKind.Object)
            {
                throw InvalidType(parent, "an object", element);
            }

            return element.TryGetProperty(child, out JsonElement value) ? StringOf(value, $"{parent}.{child}") : null;
        }

        /// <summary>
        /// A scalar field as text: a form value, or a JSON string, number or boolean (numbers and booleans as their JSON
        /// text); null when absent or JSON null. Objects and arrays are rejected as <c>invalid_type</c>.
        /// </summary>
        public string? Scalar(string name)
        {
            if (_form != null || !_json.TryGetProperty(name, out JsonElement element))
            {
                return String(name);
            }

            return element.ValueKind switch
            {
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
                _ => StringOf(element, name),
            };
        }

        /// <summary>The JSON kind of a field (<see cref="JsonValueKind.Undefined"/> when absent or the body is a form).</summary>
        public JsonValueKind JsonKind(string name) =>
            _form is null && _json.TryGetProperty(name, out JsonElement element) ? element.ValueKind : JsonValueKind.Undefined;

        /// <summary>
        /// How many items a list field holds: a JSON array's length (a single value counts one); in a form, the values and
        /// files named <c>name</c>, <c>name[]</c> or <c>name[i]</c>.
        /// </summary>
        public int ItemCount(string name)
        {
            if (_form != null)
            {
                bool Named(string key) => key == name || (key.StartsWith(name + "[", StringComparison.Ordinal) && key.EndsWith(']'));
                return _form.Where(pair => Named(pair.Key)).Sum(pair => pair.Value.Count) + _form.Files.Count(file => Named(file.Name));
            }

            return !_json.TryGetProperty(name, out JsonElement element) || element.ValueKind == JsonValueKind.Null ? 0
                : element.ValueKind == JsonValueKind.Array ? element.GetArrayLength() : 1;
        }

        /// <summary>Whether the body names <paramref name="name"/> at all: as a field, a file, or nested keys.</summary>
        public bool Has(string name) => Names.Contains(name, StringComparer.Ordinal);

        public IFormFile? File(string name) => _form?.Files.GetFile(name);

        /// <summary>
        /// Ids of <c>characters: [{id}]</c>; multipart spells them <c>characters[0][id]</c> or <c>characters[][id]</c>.
        /// </summary>
        public IReadOnlyList<string> CharacterIds()
        {
            if (_form != null)
            {
                return _form.Keys.Where(key => key.StartsWith("characters[", StringComparison.Ordinal) && key.EndsWith("[id]", StringComparison.Ordinal))
                    .SelectMany(key => _form[key].Select(value => value ?? string.Empty)).ToList();
            }

            if (!_json.TryGetProperty("characters", out JsonElement element) || element.ValueKind == JsonValueKind.Null)
            {
                return Array.Empty<string>();
            }

            if (element.ValueKind != JsonValueKind.Array)
            {
                throw InvalidType("characters", "an array", element);
            }

            return element.EnumerateArray().Select((item, index) =>
                item.ValueKind == JsonValueKind.Object && item.TryGetProperty("id", out JsonElement id)
                    ? StringOf(id, $"characters[{index}].id") ?? string.Empty
                    : throw ApiException.BadRequest($"Missing required parameter: 'characters[{index}].id'.", $"characters[{index}].id", "missing_required_parameter"))
                .ToList();
        }

        private static string TopLevel(string key)
        {
            int bracket = key.IndexOf('[');
            return bracket > 0 ? key.Substring(0, bracket) : key;
        }

        private static string? StringOf(JsonElement element, string param) => element.ValueKind switch
        {
            JsonValueKind.String => element.GetString(),
            JsonValueKind.Null => null,
            _ => throw InvalidType(param, "a string", element),
        };

        private static ApiException InvalidType(string param, string expected, JsonElement actual)
        {
            string got = actual.ValueKind switch
            {
                JsonValueKind.Number => actual.TryGetInt64(out _) ? "an integer" : "a decimal",
                JsonValueKind.True or JsonValueKind.False => "a boolean",
                JsonValueKind.Object => "an object",
                JsonValueKind.Array => "an array",
                _ => "a string",
            };
            return ApiException.BadRequest($"Invalid type for '{param}': expected {expected}, but got {got} instead.", param, "invalid_type");
        }

        private static ApiException InvalidJson() => ApiException.BadRequest(
            "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)",
            null, "invalid_json");

        private static string DescribeContentType(string contentType) => contentType.Length == 0 ? "none" : contentType.Split(';')[0];
    }
}
