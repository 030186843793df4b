using System;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using OpenAIVideos.Emulator.Content;
using OpenAIVideos.Emulator.Endpoints;
using OpenAIVideos.Emulator.Hosting;
using OpenAIVideos.Emulator.Jobs;
using OpenAIVideos.Emulator.Validation;

namespace OpenAIVideos.Emulator.Dialects.Gemini
{
    /// <summary>
    /// Validates a create on the Gemini API's Sora-compatible <c>/videos</c>. Sources (read 2026-12-06): the Gemini API
    /// "OpenAI compatibility" page, section "Generate a video" (ai.google.dev/gemini-api/docs/openai; multipart with
    /// <c>model</c> and <c>prompt</c> top-level, everything else an extra field), and the Veo 3.1 page
    /// (ai.google.dev/gemini-api/docs/veo) for the values: <c>duration_seconds</c> 4, 6 or 8, and 8 with reference images,
    /// a last frame (interpolation), an extension, or 1080p/4k; <c>aspect_ratio</c> 16:9 or 9:16; <c>resolution</c> 720p,
    /// 1080p or 4k, extensions 720p only; at most 3 reference images; an extension adds 7 seconds to its source.
    /// Emulator decisions (not pinned down): JSON bodies are accepted as well as forms; a field outside the documented
    /// ones is refused as Google's APIs refuse unknown fields; a last frame needs a first frame (<c>image</c>).
    /// </summary>
    internal static class GeminiCreateRequest
    {
        public const int ExtensionSeconds = 7;

        private static readonly string[] Known =
        {
            "model", "prompt", "duration_seconds", "aspect_ratio", "resolution", "negative_prompt", "seed", "image", "last_frame",
            "reference_images", "extend_video_id", "input_reference", "frame_rate", "style", "person_generation", "size",
        };

        private static readonly string[] Durations = { "4", "6", "8" };
        private static readonly string[] AspectRatios = { "16:9", "9:16" };
        private static readonly string[] Resolutions = { "720p", "1080p", "4k" };

        public static async Task<VideoSpec> ValidateAsync(HttpContext context, EmulatorState state)
        {
            RequestFields fields = await RequestFields.ReadAsync(context.Request);
            string? unknown = fields.Names.FirstOrDefault(name => !Known.Contains(name, StringComparer.Ordinal));
            if (unknown != null)
            {
                throw GeminiErrors.InvalidArgument($"Invalid JSON payload received. Unknown name \"{unknown}\": Cannot find field.");
            }

            string prompt = fields.Scalar("prompt") is { Length: > 0 } text ? text : throw GeminiErrors.InvalidArgument("prompt is required.");
            string model = fields.Scalar("model") is { Length: > 0 } name ? name : throw GeminiErrors.InvalidArgument("model is required.");
            string duration = Integer(fields, "duration_seconds") ?? "8";
            OneOf("duration_seconds", duration, Durations);
            (string aspect, string resolution) = Shape(fields);
            bool references = fields.ItemCount("reference_images") > 0;
            bool lastFrame = fields.Has("last_frame");
            string? extend = fields.Scalar("extend_video_id");
            Integer(fields, "seed");
            if (fields.ItemCount("reference_images") > 3)
            {
                throw GeminiErrors.InvalidArgument($"reference_images accepts at most 3 images, got {fields.ItemCount("reference_images")}.");
            }

            if (lastFrame && !fields.Has("image") && !fields.Has("input_reference"))
            {
                throw GeminiErrors.InvalidArgument("last_frame requires image (the first frame) for interpolation.");
            }

            foreach (string image in new[] { "image", "last_frame", "input_reference" })
            {
                CheckImage(fields, image);
            }

            string? needsEight = references ? "reference_images" : lastFrame ? "last_frame" : extend != null ? "extend_video_id"
                : resolution != "720p" ? $"resolution {resolution}" : null;
            if (needsEight != null && duration != "8")
            {
                throw GeminiErrors.InvalidArgument($"duration_seconds must be 8 when using {needsEight}, got {duration}.");
            }

            if (extend is null)
            {
                return new VideoSpec(model, prompt, SizeOf(aspect, resolution), duration);
            }

            if (resolution != "720p")
            {
                throw GeminiErrors.InvalidArgument($"Video extension supports only 720p, got {resolution}.");
            }

            VideoJob source = state.Videos.Find(extend) ?? throw GeminiErrors.Error(404, $"Video {extend} not found.");
            JobState sourceState = state.StateOf(source);
            if (sourceState.Status != JobState.Completed)
            {
                throw GeminiErrors.InvalidArgument($"Video {extend} cannot be extended: its status is {GeminiDialect.StatusOf(sourceState)}.");
            }

            if (source.Size is not ("1280x720" or "720x1280"))
            {
                throw GeminiErrors.InvalidArgument($"Video extension supports only 720p videos; video {extend} is {source.Size}.");
            }

            double total = double.Parse(source.Seconds, CultureInfo.InvariantCulture) + ExtensionSeconds;
            return new VideoSpec(model, prompt, source.Size, total.ToString(CultureInfo.InvariantCulture), source.Id);
        }

        /// <summary>
        /// <c>aspect_ratio</c> and <c>resolution</c>, each taken from <c>size</c> (<c>WxH</c>) when absent, as the docs say
        /// the aspect ratio is: the orientation gives the ratio, the short side the resolution.
        /// </summary>
        private static (string Aspect, string Resolution) Shape(RequestFields fields)
        {
            string? size = fields.Scalar("size");
            string? aspect = fields.Scalar("aspect_ratio");
            string? resolution = fields.Scalar("resolution")?.ToLowerInvariant();
            if (size != null)
            {
                string[] parts = size.Split('x');
                if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int width)
                    || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int height))
                {
                    throw GeminiErrors.InvalidArgument($"Invalid size \"{size}\": expected WIDTHxHEIGHT.");
                }

                aspect ??= height > width ? "9:16" : "16:9";
                resolution ??= Math.Min(width, height) switch { >= 2160 => "4k", >= 1080 => "1080p", _ => "720p" };
            }

            return (OneOf("aspect_ratio", aspect ?? "16:9", AspectRatios), OneOf("resolution", resolution ?? "720p", Resolutions));
        }

        private static string SizeOf(string aspect, string resolution)
        {
            (int shortSide, int longSide) = resolution switch { "4k" => (2160, 3840), "1080p" => (1080, 1920), _ => (720, 1280) };
            return aspect == "9:16" ? $"{shortSide}x{longSide}" : $"{longSide}x{shortSide}";
        }

        /// <summary>An integer field as text (a JSON number, or a string of digits as proto3 JSON allows), or null when absent.</summary>
        private static string? Integer(RequestFields fields, string name)
        {
            string? value = fields.Scalar(name);
            if (value != null && !long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
            {
                throw GeminiErrors.InvalidArgument($"Invalid value at '{name}' (TYPE_INT32), \"{value}\"");
            }

            return value;
        }

        private static string OneOf(string name, string value, string[] allowed) =>
            allowed.Contains(value, StringComparer.Ordinal)
                ? value
                : throw GeminiErrors.InvalidArgument($"Unsupported {name} \"{value}\". Supported values: {string.Join(", ", allowed)}.");

        /// <summary>
        /// An image given as a file part, a <c>data:</c> URL or base64 must decode as PNG, JPEG or WebP; an http(s) URL is
        /// accepted without fetching it.
        /// </summary>
        private static void CheckImage(RequestFields fields, string name)
        {
            IFormFile? file = fields.File(name);
            if (file != null)
            {
                using var stream = file.OpenReadStream();
                byte[] head = new byte[Math.Min(file.Length, 64 * 1024)];
                stream.ReadExactly(head);
                Decodes(name, head);
                return;
            }

            if (fields.JsonKind(name) is System.Text.Json.JsonValueKind.Object or System.Text.Json.JsonValueKind.Array || fields.Scalar(name) is not { } text
                || text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            int comma = text.StartsWith("data:", StringComparison.OrdinalIgnoreCase) ? text.IndexOf(',') : -1;
            try
            {
                Decodes(name, Convert.FromBase64String(text.Substring(comma + 1)));
            }
            catch (FormatException)
            {
                throw GeminiErrors.InvalidArgument($"{name} is not valid base64-encoded image data.");
            }
        }

        private static void Decodes(string name, byte[] bytes)
        {
            if (!ImageDimensions.TryRead(bytes, out _, out _))
            {
                throw GeminiErrors.InvalidArgument($"{name} is not a supported image (PNG, JPEG or WebP).");
            }
        }
    }
}
