using System;
using System.Collections.Generic;
using System.Linq;
using OpenAIVideos.Emulator.Api;

namespace OpenAIVideos.Emulator.Validation
{
    /// <summary>The API's value sets and the messages OpenAI uses when a value is outside them.</summary>
    internal static class VideoValues
    {
        public const int MaxPromptLength = 32000;

        public static readonly string[] Sora2Models = { "sora-2", "sora-2-2025-10-06", "sora-2-2025-12-08" };
        public static readonly string[] ProModels = { "sora-2-pro", "sora-2-pro-2025-10-06" };
        public static readonly string[] Models = Sora2Models.Concat(ProModels).ToArray();
        public static readonly string[] Sora2Sizes = { "720x1280", "1280x720" };
        public static readonly string[] Sizes = { "720x1280", "1280x720", "1024x1792", "1792x1024", "1920x1080", "1080x1920" };
        public static readonly string[] CreateSeconds = { "4", "8", "12" };
        public static readonly string[] ExtensionSeconds = { "4", "8", "12", "16", "20" };

        public static string Prompt(string? prompt, string param = "prompt")
        {
            if (prompt is null)
            {
                throw ApiException.BadRequest($"Missing required parameter: '{param}'.", param, "missing_required_parameter");
            }

            if (prompt.Length == 0)
            {
                throw ApiException.BadRequest($"Invalid '{param}': string too short. Expected a string with minimum length 1, but got an empty string instead.", param, "string_below_min_length");
            }

            if (prompt.Length > MaxPromptLength)
            {
                throw ApiException.BadRequest($"Invalid '{param}': string too long. Expected a string with maximum length {MaxPromptLength}, but got a string with length {prompt.Length} instead.", param, "string_above_max_length");
            }

            return prompt;
        }

        public static string OneOf(string param, string value, IReadOnlyList<string> allowed)
        {
            if (!allowed.Contains(value, StringComparer.Ordinal))
            {
                throw ApiException.InvalidValue(param, value, Listing(allowed));
            }

            return value;
        }

        /// <summary>Checks the model (the gateway flavour lets unknown models through) and that it can render the size.</summary>
        public static void ModelAndSize(string model, string size, bool strict)
        {
            if (strict)
            {
                OneOf("model", model, Models);
            }

            OneOf("size", size, Sizes);
            if (Sora2Models.Contains(model, StringComparer.Ordinal) && !Sora2Sizes.Contains(size, StringComparer.Ordinal))
            {
                throw ApiException.BadRequest($"Invalid value: '{size}'. Supported values for model '{model}' are: {Listing(Sora2Sizes)}.", "size", "invalid_value");
            }
        }

        public static (int Width, int Height) Dimensions(string size)
        {
            string[] parts = size.Split('x');
            return (int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
        }

        /// <summary>OpenAI's list style: <c>'4', '8', and '12'</c>.</summary>
        public static string Listing(IReadOnlyList<string> values) => values.Count switch
        {
            1 => $"'{values[0]}'",
            2 => $"'{values[0]}' and '{values[1]}'",
            _ => string.Join(", ", values.Take(values.Count - 1).Select(value => $"'{value}'")) + $", and '{values[values.Count - 1]}'",
        };
    }
}
