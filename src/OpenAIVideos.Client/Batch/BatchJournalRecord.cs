using System;
using System.Globalization;
using System.IO;
using System.Text.Json;

namespace OpenAIVideos.Client.Batch
{
    /// <summary>The kinds of line a batch journal holds, in the order an item's life writes them.</summary>
    public static class BatchJournalRecordType
    {
        /// <summary>Written and flushed to disk before a create is sent: names the attempt's idempotency key.</summary>
        public const string Create = "create";

        /// <summary>Written and flushed to disk after a create's answer (or a recovery) gave the video id.</summary>
        public const string Created = "created";

        /// <summary>The server refused the create (a 4xx other than 408/409/429): no video exists for the attempt.</summary>
        public const string Rejected = "rejected";

        /// <summary>The job reached a terminal status (or could no longer be found).</summary>
        public const string Finished = "finished";

        /// <summary>One variant's file was saved whole.</summary>
        public const string File = "file";

        /// <summary>Every file of a completed video is saved: the item is done.</summary>
        public const string Done = "done";
    }

    /// <summary>
    /// One line of a batch journal: a JSON object with <c>v</c> (format version, 1), <c>type</c>, <c>key</c>, <c>at</c>
    /// (UTC, ISO 8601) and the fields of its type; absent fields are left out.
    /// </summary>
    public sealed class BatchJournalRecord
    {
        /// <summary>The journal format this code writes.</summary>
        public const int FormatVersion = 1;

        /// <summary>One of <see cref="BatchJournalRecordType"/>.</summary>
        public string Type { get; set; } = string.Empty;

        /// <summary>The item's key.</summary>
        public string Key { get; set; } = string.Empty;

        /// <summary>When the line was written (the client's clock).</summary>
        public DateTimeOffset At { get; set; }

        /// <summary>Create: the <c>Idempotency-Key</c> of the attempt (the same again when a lost answer is replayed).</summary>
        public string? IdempotencyKey { get; set; }

        /// <summary>Create: the prompt (what a recovery by listing matches on).</summary>
        public string? Prompt { get; set; }

        /// <summary>Created, finished, file, done: the video.</summary>
        public string? VideoId { get; set; }

        /// <summary>Created: how the id was learnt — <c>answer</c> (the first send), <c>resend</c> (the same idempotency key sent again, which a server that honours it answers with the first job) or <c>list</c> (found by listing).</summary>
        public string? Via { get; set; }

        /// <summary>Finished: the video's status.</summary>
        public string? Status { get; set; }

        /// <summary>Finished: the video's duration, as the API's string.</summary>
        public string? Seconds { get; set; }

        /// <summary>Rejected, finished: the stable error id.</summary>
        public string? ErrorId { get; set; }

        /// <summary>Rejected, finished: the message.</summary>
        public string? Message { get; set; }

        /// <summary>File: the variant's name.</summary>
        public string? Variant { get; set; }

        /// <summary>File: the full path.</summary>
        public string? Path { get; set; }

        /// <summary>File: its length in bytes (what a rerun verifies).</summary>
        public long? Bytes { get; set; }

        /// <summary>The line, without its newline.</summary>
        public byte[] ToJsonLine()
        {
            using var buffer = new MemoryStream(256);
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                json.WriteNumber("v", FormatVersion);
                json.WriteString("type", Type);
                json.WriteString("key", Key);
                json.WriteString("at", At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
                Write(json, "idempotency_key", IdempotencyKey);
                Write(json, "prompt", Prompt);
                Write(json, "video_id", VideoId);
                Write(json, "via", Via);
                Write(json, "status", Status);
                Write(json, "seconds", Seconds);
                Write(json, "error_id", ErrorId);
                Write(json, "message", Message);
                Write(json, "variant", Variant);
                Write(json, "path", Path);
                if (Bytes is { } bytes)
                {
                    json.WriteNumber("bytes", bytes);
                }

                json.WriteEndObject();
            }

            return buffer.ToArray();
        }

        /// <summary>Reads a line; null when it is not a record of this format (torn, foreign, or of a later version).</summary>
        public static BatchJournalRecord? TryParse(ReadOnlySpan<byte> line)
        {
            try
            {
                using var document = JsonDocument.Parse(line.ToArray());
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object
                    || !root.TryGetProperty("v", out var version) || version.ValueKind != JsonValueKind.Number || version.GetInt32() != FormatVersion
                    || Text(root, "type") is not { } type || Text(root, "key") is not { } key
                    || Text(root, "at") is not { } at
                    || !DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var when))
                {
                    return null;
                }

                return new BatchJournalRecord
                {
                    Type = type,
                    Key = key,
                    At = when,
                    IdempotencyKey = Text(root, "idempotency_key"),
                    Prompt = Text(root, "prompt"),
                    VideoId = Text(root, "video_id"),
                    Via = Text(root, "via"),
                    Status = Text(root, "status"),
                    Seconds = Text(root, "seconds"),
                    ErrorId = Text(root, "error_id"),
                    Message = Text(root, "message"),
                    Variant = Text(root, "variant"),
                    Path = Text(root, "path"),
                    Bytes = root.TryGetProperty("bytes", out var bytes) && bytes.ValueKind == JsonValueKind.Number ? bytes.GetInt64() : (long?)null,
                };
            }
            catch (Exception exception) when (exception is JsonException or FormatException or InvalidOperationException)
            {
                return null;
            }
        }

        private static void Write(Utf8JsonWriter json, string name, string? value)
        {
            if (value is not null)
            {
                json.WriteString(name, value);
            }
        }

        private static string? Text(JsonElement root, string name) =>
            root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }
}
