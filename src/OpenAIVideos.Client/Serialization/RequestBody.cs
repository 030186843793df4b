using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;

namespace OpenAIVideos.Client.Serialization
{
    /// <summary>
    /// A request body described once and encoded as JSON when no file is uploaded, or as multipart when one is (nested
    /// fields then become <c>video[id]</c>, <c>input_reference[image_url]</c>). Encoding happens anew for each attempt
    /// so that a retry re-reads uploaded files from the start.
    /// </summary>
    internal sealed class RequestBody
    {
        private readonly List<KeyValuePair<string, object?>> _fields = new List<KeyValuePair<string, object?>>();
        private readonly List<KeyValuePair<string, UploadFile>> _files = new List<KeyValuePair<string, UploadFile>>();

        /// <summary>Adds a field unless its value is null. Values: string, number, bool, IDictionary, IEnumerable.</summary>
        public RequestBody Field(string name, object? value)
        {
            if (value is not null)
            {
                _fields.Add(new KeyValuePair<string, object?>(name, value));
            }

            return this;
        }

        /// <summary>Adds each extra field a caller passed for a gateway; an extra may not replace an API field.</summary>
        public RequestBody ExtraFields(IDictionary<string, object?>? extras)
        {
            if (extras is null)
            {
                return this;
            }

            foreach (var pair in extras)
            {
                if (_fields.Exists(f => f.Key == pair.Key) || _files.Exists(f => f.Key == pair.Key))
                {
                    throw new VideoApiException(VideoErrorIds.InvalidArgument, VideoErrorCategory.InvalidArgument,
                        $"The additional property '{pair.Key}' repeats a field this request already sets; set it through its own parameter instead.");
                }

                _fields.Add(pair);
            }

            return this;
        }

        /// <summary>Adds a file part; its presence makes the body multipart.</summary>
        public RequestBody File(string name, UploadFile? file)
        {
            if (file is not null)
            {
                _files.Add(new KeyValuePair<string, UploadFile>(name, file));
            }

            return this;
        }

        /// <summary>True when a file makes the body multipart.</summary>
        public bool IsMultipart => _files.Count > 0;

        /// <summary>
        /// Encodes the body for one attempt as the server wants it: JSON unless a file is uploaded, or multipart always
        /// (then nested values travel as JSON text in one field, as vLLM-Omni's <c>Form(str)</c> fields parse them).
        /// </summary>
        public HttpContent CreateContent(RequestEncoding encoding = RequestEncoding.JsonUnlessFile) =>
            encoding == RequestEncoding.Multipart ? CreateMultipart(nestedAsJson: true)
            : IsMultipart ? CreateMultipart(nestedAsJson: false)
            : CreateJson();

        private HttpContent CreateJson()
        {
            var content = new ByteArrayContent(JsonBytes(writer =>
            {
                writer.WriteStartObject();
                foreach (var field in _fields)
                {
                    writer.WritePropertyName(field.Key);
                    JsonValueWriter.Write(writer, field.Value);
                }

                writer.WriteEndObject();
            }));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return content;
        }

        private static byte[] JsonBytes(Action<Utf8JsonWriter> write)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                write(writer);
            }

            return buffer.ToArray();
        }

        private HttpContent CreateMultipart(bool nestedAsJson)
        {
            var form = new MultipartFormDataContent("----OpenAIVideos" + Guid.NewGuid().ToString("N"));
            foreach (var field in _fields)
            {
                if (nestedAsJson && field.Value is not string && field.Value is IEnumerable)
                {
                    AddFormField(form, field.Key, System.Text.Encoding.UTF8.GetString(JsonBytes(writer => JsonValueWriter.Write(writer, field.Value))));
                }
                else
                {
                    AddFormField(form, field.Key, field.Value);
                }
            }

            foreach (var file in _files)
            {
                var part = new StreamContent(file.Value.OpenRead());
                part.Headers.ContentType = new MediaTypeHeaderValue(file.Value.ContentType);
                part.Headers.ContentDisposition = FormDisposition(file.Key, file.Value.FileName);
                form.Add(part);
            }

            return form;
        }

        // Quoted name and filename and no filename*, as RFC 7578, browsers and curl write them: .NET's default
        // (unquoted tokens plus filename*=utf-8'') crashes some servers' parsers (Prism's among them).
        private static ContentDispositionHeaderValue FormDisposition(string name, string? fileName) =>
            new ContentDispositionHeaderValue("form-data")
            {
                Name = Quote(name),
                FileName = fileName is null ? null : Quote(fileName),
            };

        private static string Quote(string value) => "\"" + value.Replace("\"", "%22").Replace("\r", "%0D").Replace("\n", "%0A") + "\"";

        // Nested objects flatten to name[key]; lists to name[] (the convention of PHP-style form parsers the servers use).
        private static void AddFormField(MultipartFormDataContent form, string name, object? value)
        {
            switch (value)
            {
                case null:
                    return;
                case string or IFormattable or bool:
                    var text = new StringContent(JsonValueWriter.ToFormText(value));
                    text.Headers.ContentType = null; // plain form fields carry no type, as browsers and the SDKs send them
                    text.Headers.ContentDisposition = FormDisposition(name, null);
                    form.Add(text);
                    return;
                case IDictionary map:
                    foreach (DictionaryEntry entry in map)
                    {
                        AddFormField(form, $"{name}[{Convert.ToString(entry.Key, CultureInfo.InvariantCulture)}]", entry.Value);
                    }

                    return;
                case IEnumerable items:
                    foreach (var item in items)
                    {
                        AddFormField(form, name + "[]", item);
                    }

                    return;
                default:
                    AddFormField(form, name, value.ToString());
                    return;
            }
        }
    }
}
