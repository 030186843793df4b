using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace OpenAIVideos.Client.Serialization
{
    /// <summary>Turns wire objects into the models users see, tolerating what gateways bend.</summary>
    internal static class WireMapper
    {
        public static Video ToVideo(VideoWire wire)
        {
            var video = new Video
            {
                Id = wire.Id ?? string.Empty,
                Object = wire.Object ?? "video",
                Model = wire.Model,
                Status = wire.Status ?? string.Empty,
                Progress = (int)Math.Round(ReadNumber(wire.Progress) ?? 0),
                CreatedAt = ReadTimestamp(wire.CreatedAt) ?? DateTimeOffset.MinValue,
                CompletedAt = ReadTimestamp(wire.CompletedAt),
                ExpiresAt = ReadTimestamp(wire.ExpiresAt),
                Prompt = wire.Prompt,
                Size = ReadText(wire.Size),
                Seconds = ReadText(wire.Seconds),
                RemixedFromVideoId = wire.RemixedFromVideoId,
                Error = wire.Error is null ? null : new VideoError { Code = wire.Error.Code ?? string.Empty, Message = wire.Error.Message ?? string.Empty },
            };

            if (wire.Extra is not null)
            {
                foreach (var pair in wire.Extra)
                {
                    video.AdditionalProperties[pair.Key] = ToPlainValue(pair.Value);
                }

                video.Cost = ResultFields.Cost(wire.Extra);
                video.ContentUrls = ResultFields.ContentUrls(wire.Extra);
            }

            return video;
        }

        public static VideoModel ToModel(VideoModelWire wire, ServerKind server)
        {
            var durations = new List<string>();
            foreach (var duration in wire.Durations ?? new List<JsonElement>())
            {
                if (duration.ValueKind is JsonValueKind.Number or JsonValueKind.String)
                {
                    durations.Add(duration.ValueKind == JsonValueKind.String ? duration.GetString()! : duration.GetRawText());
                }
            }

            var prices = new Dictionary<string, decimal>(StringComparer.Ordinal);
            foreach (var pair in wire.PricingSkus ?? new Dictionary<string, JsonElement>())
            {
                // Prices come as decimal strings ("0.08"); numbers are taken too.
                var text = pair.Value.ValueKind == JsonValueKind.String ? pair.Value.GetString() : pair.Value.GetRawText();
                if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var price))
                {
                    prices[pair.Key] = price;
                }
            }

            return new VideoModel
            {
                Id = wire.Id ?? string.Empty,
                Name = wire.Name,
                Server = server,
                Seconds = durations,
                Resolutions = (IReadOnlyList<string>?)wire.Resolutions ?? Array.Empty<string>(),
                AspectRatios = (IReadOnlyList<string>?)wire.AspectRatios ?? Array.Empty<string>(),
                Sizes = (IReadOnlyList<string>?)wire.Sizes ?? Array.Empty<string>(),
                FrameImages = (IReadOnlyList<string>?)wire.FrameImages ?? Array.Empty<string>(),
                Audio = wire.GenerateAudio,
                Seed = wire.Seed,
                Prices = prices,
                Source = "server",
            };
        }

        public static VideoCharacter ToCharacter(CharacterWire wire) => new VideoCharacter
        {
            Id = wire.Id,
            Name = wire.Name,
            CreatedAt = ReadTimestamp(wire.CreatedAt) ?? DateTimeOffset.MinValue,
        };

        // A 2xx to DELETE deleted the video unless the answer says otherwise: SGLang answers the video object itself
        // (status "deleted"), with no deletion object to read "deleted" from.
        public static VideoDeletionResult ToDeletion(DeletedVideoWire wire, string requestedId) => new VideoDeletionResult
        {
            Id = wire.Id ?? requestedId,
            Object = wire.Deleted is null ? "video.deleted" : wire.Object ?? "video.deleted",
            Deleted = wire.Deleted ?? true,
        };

        /// <summary>A JSON value as plain .NET data PowerShell shows well: string, bool, long, double, null, dictionary, list.</summary>
        public static object? ToPlainValue(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    return element.GetString();
                case JsonValueKind.True:
                    return true;
                case JsonValueKind.False:
                    return false;
                case JsonValueKind.Number:
                    return element.TryGetInt64(out var whole) ? (object)whole : element.GetDouble();
                case JsonValueKind.Object:
                    var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                    foreach (var property in element.EnumerateObject())
                    {
                        map[property.Name] = ToPlainValue(property.Value);
                    }

                    return map;
                case JsonValueKind.Array:
                    var list = new List<object?>();
                    foreach (var item in element.EnumerateArray())
                    {
                        list.Add(ToPlainValue(item));
                    }

                    return list;
                default:
                    return null;
            }
        }

        private static double? ReadNumber(WireScalar value) => value.Kind switch
        {
            JsonValueKind.Number => value.Number,
            JsonValueKind.String when double.TryParse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };

        // The API sends strings for seconds and size; gateways sometimes send numbers (kept as their raw JSON text).
        private static string? ReadText(WireScalar value) => value.Kind switch
        {
            JsonValueKind.String or JsonValueKind.Number => value.Text,
            _ => null,
        };

        // Unix seconds per the API; some gateways send fractional seconds or ISO 8601 text.
        // In the local zone, as PowerShell shows times, for videos and characters alike (the instant is the server's).
        private static DateTimeOffset? ReadTimestamp(WireScalar value)
        {
            if (value.Kind == JsonValueKind.String
                && DateTimeOffset.TryParse(value.Text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                return parsed.ToLocalTime();
            }

            var seconds = ReadNumber(value);
            return seconds is null ? null : DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds.Value * 1000)).ToLocalTime();
        }
    }
}
