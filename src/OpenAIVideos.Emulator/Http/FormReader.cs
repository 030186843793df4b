using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace OpenAIVideos.Emulator.Http
{
    /// <summary>
    /// Reads a buffered multipart/form-data (RFC 7578) or application/x-www-form-urlencoded body. A part is a file when
    /// its Content-Disposition names a non-empty <c>filename</c>, as ASP.NET Core's form reader decided before this
    /// replaced it. A malformed body is an <see cref="InvalidDataException"/>, which the envelope answers with a 400.
    /// </summary>
    internal static class FormReader
    {
        private static readonly byte[] HeaderEnd = { (byte)'\r', (byte)'\n', (byte)'\r', (byte)'\n' };

        /// <summary>Whether <paramref name="contentType"/> is one of the two form encodings.</summary>
        public static bool IsForm(string? contentType) => IsMultipart(contentType) || IsUrlEncoded(contentType);

        public static bool IsMultipart(string? contentType) =>
            contentType != null && contentType.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase);

        private static bool IsUrlEncoded(string? contentType) =>
            contentType != null && contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

        public static FormData Read(string? contentType, ReadOnlyMemory<byte> body)
        {
            if (IsUrlEncoded(contentType))
            {
                var fields = new List<KeyValuePair<string, string>>();
                foreach (string pair in Encoding.UTF8.GetString(body.Span).Split('&', StringSplitOptions.RemoveEmptyEntries))
                {
                    int equals = pair.IndexOf('=');
                    fields.Add(new KeyValuePair<string, string>(
                        QueryValues.Decode(equals < 0 ? pair : pair.Substring(0, equals)),
                        equals < 0 ? string.Empty : QueryValues.Decode(pair.Substring(equals + 1))));
                }

                return new FormData(fields, Array.Empty<FormFile>());
            }

            if (!IsMultipart(contentType))
            {
                return FormData.Empty;
            }

            string boundary = HeaderParameter(contentType!, "boundary")
                ?? throw new InvalidDataException("Missing content-type boundary.");
            return ReadMultipart(body, Encoding.ASCII.GetBytes("--" + boundary));
        }

        private static FormData ReadMultipart(ReadOnlyMemory<byte> body, byte[] delimiter)
        {
            var fields = new List<KeyValuePair<string, string>>();
            var files = new List<FormFile>();
            ReadOnlySpan<byte> span = body.Span;
            int position = span.IndexOf(delimiter);
            if (position < 0)
            {
                throw new InvalidDataException("Unexpected end of Stream, the content may have already been read by another component.");
            }

            byte[] nextDelimiter = Concat(new[] { (byte)'\r', (byte)'\n' }, delimiter);
            position += delimiter.Length;
            while (true)
            {
                if (span.Slice(position).StartsWith("--"u8))
                {
                    return new FormData(fields, files);
                }

                if (!span.Slice(position).StartsWith("\r\n"u8))
                {
                    throw new InvalidDataException("Malformed multipart boundary line.");
                }

                position += 2;
                int headerLength = span.Slice(position).IndexOf(HeaderEnd);
                if (headerLength < 0)
                {
                    throw new InvalidDataException("Unexpected end of multipart headers.");
                }

                string headers = Encoding.UTF8.GetString(span.Slice(position, headerLength));
                position += headerLength + HeaderEnd.Length;
                int contentLength = span.Slice(position).IndexOf(nextDelimiter);
                if (contentLength < 0)
                {
                    throw new InvalidDataException("Unexpected end of Stream, the content may have already been read by another component.");
                }

                AddPart(headers, body.Slice(position, contentLength), fields, files);
                position += contentLength + nextDelimiter.Length;
            }
        }

        private static void AddPart(string headers, ReadOnlyMemory<byte> content, List<KeyValuePair<string, string>> fields, List<FormFile> files)
        {
            string? disposition = null, partType = null;
            foreach (string line in headers.Split("\r\n"))
            {
                int colon = line.IndexOf(':');
                if (colon <= 0)
                {
                    continue;
                }

                string name = line.Substring(0, colon).Trim();
                string value = line.Substring(colon + 1).Trim();
                if (name.Equals("Content-Disposition", StringComparison.OrdinalIgnoreCase))
                {
                    disposition = value;
                }
                else if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
                {
                    partType = value;
                }
            }

            if (disposition is null || !disposition.StartsWith("form-data", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidDataException("Form section has invalid Content-Disposition value: " + disposition);
            }

            string fieldName = HeaderParameter(disposition, "name") ?? string.Empty;
            string? fileName = HeaderParameter(disposition, "filename");
            if (!string.IsNullOrEmpty(fileName))
            {
                files.Add(new FormFile(fieldName, fileName, partType, content));
            }
            else
            {
                fields.Add(new KeyValuePair<string, string>(fieldName, Encoding.UTF8.GetString(content.Span)));
            }
        }

        /// <summary>A <c>name=value</c> or <c>name="value"</c> parameter of a header value such as Content-Type.</summary>
        private static string? HeaderParameter(string header, string name)
        {
            foreach (string part in header.Split(';'))
            {
                string trimmed = part.Trim();
                if (trimmed.StartsWith(name + "=", StringComparison.OrdinalIgnoreCase))
                {
                    string value = trimmed.Substring(name.Length + 1).Trim();
                    return value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value.Substring(1, value.Length - 2).Replace("\\\"", "\"") : value;
                }
            }

            return null;
        }

        private static byte[] Concat(byte[] first, byte[] second)
        {
            var result = new byte[first.Length + second.Length];
            first.CopyTo(result, 0);
            second.CopyTo(result, first.Length);
            return result;
        }
    }
}
