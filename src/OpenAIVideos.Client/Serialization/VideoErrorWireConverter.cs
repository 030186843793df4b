using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenAIVideos.Client.Serialization
{
    /// <summary>
    /// Reads a video's <c>error</c>: the spec's <c>{code, message}</c> (code a string or an integer), or a bare string
    /// some servers send; anything else is no error.
    /// </summary>
    internal sealed class VideoErrorWireConverter : JsonConverter<VideoErrorWire?>
    {
        public override VideoErrorWire? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    return new VideoErrorWire { Message = reader.GetString() };
                case JsonTokenType.StartObject:
                    var error = new VideoErrorWire();
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        var name = reader.GetString();
                        reader.Read();
                        if (name == "message" && reader.TokenType == JsonTokenType.String)
                        {
                            error.Message = reader.GetString();
                        }
                        else if (name == "code" && reader.TokenType is JsonTokenType.String or JsonTokenType.Number)
                        {
                            error.Code = reader.TokenType == JsonTokenType.String ? reader.GetString() : WireScalars.RawText(ref reader);
                        }
                        else
                        {
                            reader.Skip();
                        }
                    }

                    return error;
                default:
                    reader.Skip();
                    return null;
            }
        }

        public override void Write(Utf8JsonWriter writer, VideoErrorWire? value, JsonSerializerOptions options) => throw new NotSupportedException();
    }
}
