using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OpenAIVideos.Client.Serialization;

namespace OpenAIVideos.Client.Batch
{
    /// <summary>
    /// The stable key of a batch item: its <c>Name</c> when it has one, else <c>sha256:</c> + the first 16 bytes (hex) of
    /// the SHA-256 of its normalised inputs (prompt, model, seconds, size, input reference, extra fields in key order).
    /// </summary>
    /// <remarks>
    /// Normalising: surrounding white space is trimmed, blank values count as absent, model and size compare without
    /// case. Server defaults are not filled in: a row without a size and one naming the default size are different
    /// requests to a server whose default might change.
    /// </remarks>
    public static class BatchItemKey
    {
        /// <summary>The key for a request, or the name when one is given.</summary>
        public static string For(VideoCreateRequest request, string? name)
        {
            if (request is null)
            {
                throw new ArgumentNullException(nameof(request));
            }

            if (!string.IsNullOrWhiteSpace(name))
            {
                return name!.Trim();
            }

            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                json.WriteString("prompt", request.Prompt.Trim());
                WriteIfSet(json, "model", request.Model?.Trim().ToLowerInvariant());
                WriteIfSet(json, "seconds", request.Seconds?.Trim());
                WriteIfSet(json, "size", request.Size?.Trim().ToLowerInvariant());
                WriteIfSet(json, "input_reference", request.InputReference?.ToString().Trim());
                WriteIfSet(json, "aspect_ratio", request.AspectRatio?.Trim());
                WriteIfSet(json, "resolution", request.Resolution?.Trim().ToLowerInvariant());
                WriteIfSet(json, "negative_prompt", request.NegativePrompt?.Trim());
                WriteIfSet(json, "seed", request.Seed?.ToString(System.Globalization.CultureInfo.InvariantCulture));
                WriteIfSet(json, "audio", request.Audio?.ToString());
                WriteIfSet(json, "last_frame", request.LastFrame?.ToString().Trim());
                WriteIfSet(json, "reference_images", request.ReferenceImages.Count == 0 ? null : string.Join("|", request.ReferenceImages));
                if (request.CharacterIds.Count > 0)
                {
                    json.WriteStartArray("characters");
                    foreach (var id in request.CharacterIds)
                    {
                        json.WriteStringValue(id);
                    }

                    json.WriteEndArray();
                }

                if (request.AdditionalProperties.Count > 0)
                {
                    json.WritePropertyName("extra");
                    JsonValueWriter.Write(json, request.AdditionalProperties.OrderBy(pair => pair.Key, StringComparer.Ordinal)
                        .ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal));
                }

                json.WriteEndObject();
            }

            using var sha = SHA256.Create();
            var hash = sha.ComputeHash(buffer.ToArray());
            var hex = new StringBuilder("sha256:", 7 + 32);
            for (var i = 0; i < 16; i++)
            {
                hex.Append(hash[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            }

            return hex.ToString();
        }

        private static void WriteIfSet(Utf8JsonWriter json, string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                json.WriteString(name, value);
            }
        }
    }
}
