using System;
using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenAIVideos.Client.Serialization
{
    /// <summary>
    /// One scalar field read leniently (a number, a string, or anything else ignored), kept as the few values the mapper
    /// needs. A <see cref="JsonElement"/> property would do the same but allocate a whole <see cref="JsonDocument"/> per
    /// field — six per video, six hundred per page of a list.
    /// </summary>
    /// <remarks>
    /// The type-level converter is only there so the source generator describes the struct by a converter, not by its
    /// three properties: their metadata was about 120 generic methods the JIT compiled in every process's first call.
    /// Each field names its own converter (number or text), which wins.
    /// </remarks>
    [JsonConverter(typeof(WireNumberConverter))]
    internal readonly struct WireScalar
    {
        public WireScalar(JsonValueKind kind, string? text, double number)
        {
            Kind = kind;
            Text = text;
            Number = number;
        }

        /// <summary><see cref="JsonValueKind.Undefined"/> when the field was absent, as for a default JsonElement.</summary>
        public JsonValueKind Kind { get; }

        /// <summary>The string's value, or a number's raw JSON text (when read as text).</summary>
        public string? Text { get; }

        /// <summary>A number's value.</summary>
        public double Number { get; }
    }

    /// <summary>For numeric fields (progress, timestamps): keeps a number's value, or a string to parse later.</summary>
    internal sealed class WireNumberConverter : JsonConverter<WireScalar>
    {
        public override WireScalar Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
        {
            JsonTokenType.Number => new WireScalar(JsonValueKind.Number, null, reader.GetDouble()),
            JsonTokenType.String => new WireScalar(JsonValueKind.String, reader.GetString(), 0),
            _ => WireScalars.Other(ref reader),
        };

        public override void Write(Utf8JsonWriter writer, WireScalar value, JsonSerializerOptions options) => throw new NotSupportedException();
    }

    /// <summary>For text fields (size, seconds): keeps a string, or a number's raw JSON text.</summary>
    internal sealed class WireTextConverter : JsonConverter<WireScalar>
    {
        public override WireScalar Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
        {
            JsonTokenType.Number => new WireScalar(JsonValueKind.Number, WireScalars.RawText(ref reader), 0),
            JsonTokenType.String => new WireScalar(JsonValueKind.String, reader.GetString(), 0),
            _ => WireScalars.Other(ref reader),
        };

        public override void Write(Utf8JsonWriter writer, WireScalar value, JsonSerializerOptions options) => throw new NotSupportedException();
    }

    internal static class WireScalars
    {
        public static WireScalar Other(ref Utf8JsonReader reader)
        {
            var kind = reader.TokenType switch
            {
                JsonTokenType.Null => JsonValueKind.Null,
                JsonTokenType.True => JsonValueKind.True,
                JsonTokenType.False => JsonValueKind.False,
                JsonTokenType.StartObject => JsonValueKind.Object,
                _ => JsonValueKind.Array,
            };
            reader.Skip();
            return new WireScalar(kind, null, 0);
        }

        public static string RawText(ref Utf8JsonReader reader) =>
            Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray());
    }
}
