using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace OpenAIVideos.Client.Transport
{
    /// <summary>
    /// What an error answer says, in the server's own words, whatever its shape: OpenAI's <c>{"error": {message, type,
    /// param, code}}</c> (code a string, or vLLM-Omni's integer), <c>{"error": "text"}</c>, FastAPI's
    /// <c>{"detail": "text"}</c> and validation list <c>{"detail": [{"loc", "msg", "type"}]}</c> (SGLang, vLLM-Omni's
    /// unknown routes), <c>{"message": ...}</c>, or plain text. HTML pages are not words: <see cref="Read"/> gives null.
    /// </summary>
    internal sealed class ErrorBody
    {
        private const int MaxPlainTextChars = 300;

        public string? Message { get; private set; }

        public string? Type { get; private set; }

        public string? Param { get; private set; }

        public string? Code { get; private set; }

        /// <summary>True when the body was text, not JSON.</summary>
        public bool IsPlainText { get; private set; }

        /// <summary>The words in <paramref name="body"/>, or null for an empty body, an HTML page or JSON with none.</summary>
        public static ErrorBody? Read(string? body, string? mediaType)
        {
            if (string.IsNullOrWhiteSpace(body))
            {
                return null;
            }

            var trimmed = body!.Trim();
            if (trimmed[0] == '{')
            {
                return ReadJson(trimmed);
            }

            if (trimmed[0] == '<' || (mediaType is not null && mediaType.IndexOf("html", StringComparison.OrdinalIgnoreCase) >= 0))
            {
                return null;
            }

            var flat = string.Join(" ", trimmed.Split(new[] { '\r', '\n', '\t' }, StringSplitOptions.RemoveEmptyEntries)).Trim();
            return new ErrorBody
            {
                Message = flat.Length <= MaxPlainTextChars ? flat : flat.Substring(0, MaxPlainTextChars) + "…",
                IsPlainText = true,
            };
        }

        private static ErrorBody? ReadJson(string body)
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    return null;
                }

                var result = new ErrorBody();
                if (root.TryGetProperty("error", out var error))
                {
                    if (error.ValueKind == JsonValueKind.Object)
                    {
                        result.Message = Text(error, "message");
                        result.Type = Text(error, "type");
                        result.Param = Text(error, "param");
                        result.Code = Text(error, "code");
                    }
                    else if (error.ValueKind == JsonValueKind.String)
                    {
                        result.Message = error.GetString();
                    }
                }

                if (result.Message is null && root.TryGetProperty("detail", out var detail))
                {
                    (result.Message, result.Param) = Detail(detail);
                }

                result.Message ??= Text(root, "message");
                result.Type ??= Text(root, "type");
                result.Code ??= Text(root, "code");
                return result.Message is null && result.Code is null && result.Type is null ? null : result;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        // FastAPI: a string for HTTPException, a list of {loc, msg, type} for a validation failure.
        private static (string? Message, string? Param) Detail(JsonElement detail)
        {
            switch (detail.ValueKind)
            {
                case JsonValueKind.String:
                    return (detail.GetString(), null);
                case JsonValueKind.Array:
                    var parts = new List<string>();
                    string? param = null;
                    foreach (var item in detail.EnumerateArray())
                    {
                        var msg = item.ValueKind == JsonValueKind.Object ? Text(item, "msg") ?? Text(item, "message") : Text(item);
                        var location = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("loc", out var loc) ? Location(loc) : null;
                        param ??= location;
                        if (msg is not null)
                        {
                            parts.Add(location is null ? msg : $"{location}: {msg}");
                        }
                    }

                    return (parts.Count == 0 ? null : string.Join("; ", parts), param);
                case JsonValueKind.Object:
                    return (Text(detail, "message") ?? Text(detail, "msg"), null);
                default:
                    return (null, null);
            }
        }

        // ["body", "prompt"] names the field "prompt": the first element only says where FastAPI looked.
        private static string? Location(JsonElement loc)
        {
            if (loc.ValueKind != JsonValueKind.Array)
            {
                return Text(loc);
            }

            var text = new StringBuilder();
            var index = 0;
            foreach (var part in loc.EnumerateArray())
            {
                var value = Text(part);
                if (value is null || (index++ == 0 && (value == "body" || value == "query" || value == "path" || value == "header")))
                {
                    continue;
                }

                text.Append(text.Length == 0 ? string.Empty : ".").Append(value);
            }

            return text.Length == 0 ? null : text.ToString();
        }

        private static string? Text(JsonElement parent, string name) =>
            parent.TryGetProperty(name, out var value) ? Text(value) : null;

        private static string? Text(JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.String => string.IsNullOrWhiteSpace(value.GetString()) ? null : value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
    }
}
