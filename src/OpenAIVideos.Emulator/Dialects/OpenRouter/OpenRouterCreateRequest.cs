using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using OpenAIVideos.Emulator.Api;
using OpenAIVideos.Emulator.Endpoints;

namespace OpenAIVideos.Emulator.Dialects.OpenRouter
{
    /// <summary>
    /// Validates <c>POST /api/v1/videos</c> as OpenRouter's API reference documents it (read 2026-12-06: "Video
    /// Generation", openrouter.ai/docs/api-reference/videos and .../video-generation/create-videos; the TypeScript SDK's
    /// <c>VideoGenerationRequest</c>): a JSON body with <c>model</c>, <c>prompt</c>, <c>duration</c> (number),
    /// <c>resolution</c>, <c>aspect_ratio</c>, <c>size</c>, <c>seed</c>, <c>generate_audio</c>, <c>frame_images</c>
    /// (<c>{type: "image_url", image_url: {url}, frame_type: "first_frame"|"last_frame"}</c>), <c>input_references</c>,
    /// <c>provider</c>, <c>callback_url</c> (HTTPS). Each value must be in the model's published set
    /// (<see cref="OpenRouterCatalogue"/>); anything else is a 400. The prompt may be left out when frame images are given
    /// (OpenRouter's per-model llms.txt). Emulator decisions (not pinned down): unknown top-level fields are ignored as a
    /// Zod object strips them; an absent value takes the first of the model's set; asking for audio or a seed from a
    /// model whose flag is false is a 400; the error texts are the emulator's own.
    /// </summary>
    internal static class OpenRouterCreateRequest
    {
        public static async Task<VideoSpec> ValidateAsync(HttpRequest request)
        {
            JsonElement body = await ReadJsonAsync(request);
            VideoModelCapabilities model = Model(body);
            List<string> frameTypes = FrameImages(body, model);
            string prompt = OptionalString(body, "prompt") is { } text
                ? text.Length > 0 ? text : throw OpenRouterErrors.BadRequest("prompt must not be empty.")
                : frameTypes.Count > 0 ? string.Empty : throw OpenRouterErrors.BadRequest("prompt: Required");
            double duration = Duration(body, model);
            string resolution = Choice(body, "resolution", model.SupportedResolutions, model) ?? model.SupportedResolutions[0];
            string aspect = Choice(body, "aspect_ratio", model.SupportedAspectRatios, model) ?? model.SupportedAspectRatios[0];
            string? size = Choice(body, "size", model.SupportedSizes, model);
            Flag(body, "generate_audio", JsonValueKind.True, model.GenerateAudio, model);
            Flag(body, "seed", JsonValueKind.Number, model.Seed, model);
            References(body);
            Provider(body);
            CallbackUrl(body);
            string generationId = $"gen-{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(10))}";
            var details = new OpenRouterJobDetails(duration, resolution, aspect, OpenRouterCatalogue.Cost(model, resolution, duration), generationId);
            return new VideoSpec(model.Id, prompt, size ?? SizeOf(resolution, aspect), duration.ToString(CultureInfo.InvariantCulture), null, details);
        }

        private static async Task<JsonElement> ReadJsonAsync(HttpRequest request)
        {
            if (!(request.ContentType ?? string.Empty).StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            {
                throw OpenRouterErrors.BadRequest($"Content-Type must be application/json, got '{(request.ContentType ?? "none").Split(';')[0]}'.");
            }

            try
            {
                using JsonDocument document = await JsonDocument.ParseAsync(request.Body, default, request.HttpContext.RequestAborted);
                return document.RootElement.ValueKind == JsonValueKind.Object
                    ? document.RootElement.Clone()
                    : throw OpenRouterErrors.BadRequest("Request body must be a JSON object.");
            }
            catch (JsonException)
            {
                throw OpenRouterErrors.BadRequest("Request body is not valid JSON.");
            }
        }

        private static VideoModelCapabilities Model(JsonElement body)
        {
            string id = OptionalString(body, "model") ?? throw OpenRouterErrors.BadRequest("model: Required");
            return OpenRouterCatalogue.Find(id) ?? throw OpenRouterErrors.BadRequest(
                $"Model '{id}' is not a video generation model. Available models: {string.Join(", ", OpenRouterCatalogue.Models.Select(m => m.Id))}.");
        }

        private static double Duration(JsonElement body, VideoModelCapabilities model)
        {
            if (!body.TryGetProperty("duration", out JsonElement value) || value.ValueKind == JsonValueKind.Null)
            {
                return model.SupportedDurations[0];
            }

            double duration = value.ValueKind == JsonValueKind.Number
                ? value.GetDouble()
                : throw OpenRouterErrors.BadRequest($"duration: Expected number, received {TypeName(value)}");
            return model.SupportedDurations.Contains(duration)
                ? duration
                : throw OutOfSet("duration", value.GetRawText(), model, model.SupportedDurations.Select(d => d.ToString(CultureInfo.InvariantCulture)));
        }

        /// <summary>A string field that must be one of <paramref name="allowed"/>; null when absent.</summary>
        private static string? Choice(JsonElement body, string name, IReadOnlyList<string> allowed, VideoModelCapabilities model)
        {
            string? value = OptionalString(body, name);
            return value is null || allowed.Contains(value, StringComparer.Ordinal) ? value : throw OutOfSet(name, value, model, allowed);
        }

        /// <summary>A capability the model may lack: <c>generate_audio: true</c> or any <c>seed</c>.</summary>
        private static void Flag(JsonElement body, string name, JsonValueKind asking, bool supported, VideoModelCapabilities model)
        {
            if (!body.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
            {
                return;
            }

            bool typed = name == "seed" ? value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _) : value.ValueKind is JsonValueKind.True or JsonValueKind.False;
            if (!typed)
            {
                throw OpenRouterErrors.BadRequest($"{name}: Expected {(name == "seed" ? "integer" : "boolean")}, received {TypeName(value)}");
            }

            if (value.ValueKind == asking && !supported)
            {
                throw OpenRouterErrors.BadRequest($"Model '{model.Id}' does not support {name}.");
            }
        }

        private static List<string> FrameImages(JsonElement body, VideoModelCapabilities model)
        {
            var types = new List<string>();
            foreach (JsonElement image in Array(body, "frame_images"))
            {
                ImagePart(image, "frame_images");
                string frameType = image.TryGetProperty("frame_type", out JsonElement type) && type.ValueKind == JsonValueKind.String
                    ? type.GetString()!
                    : throw OpenRouterErrors.BadRequest("frame_images: each item needs frame_type \"first_frame\" or \"last_frame\".");
                if (!model.SupportedFrameImages.Contains(frameType, StringComparer.Ordinal))
                {
                    throw OutOfSet("frame_images.frame_type", frameType, model, model.SupportedFrameImages);
                }

                if (types.Contains(frameType))
                {
                    throw OpenRouterErrors.BadRequest($"frame_images: {frameType} given more than once.");
                }

                types.Add(frameType);
            }

            return types;
        }

        private static void References(JsonElement body)
        {
            foreach (JsonElement image in Array(body, "input_references"))
            {
                ImagePart(image, "input_references");
            }
        }

        /// <summary><c>{"type": "image_url", "image_url": {"url": "…"}}</c>, the shape both image lists share.</summary>
        private static void ImagePart(JsonElement image, string list)
        {
            bool valid = image.ValueKind == JsonValueKind.Object
                && image.TryGetProperty("type", out JsonElement type) && type.ValueKind == JsonValueKind.String && type.GetString() == "image_url"
                && image.TryGetProperty("image_url", out JsonElement imageUrl) && imageUrl.ValueKind == JsonValueKind.Object
                && imageUrl.TryGetProperty("url", out JsonElement url) && url.ValueKind == JsonValueKind.String && url.GetString()!.Length > 0;
            if (!valid)
            {
                throw OpenRouterErrors.BadRequest($"{list}: each item must be {{\"type\": \"image_url\", \"image_url\": {{\"url\": \"…\"}}}}.");
            }
        }

        /// <summary><c>provider</c>: provider-specific passthrough options, an object whatever it holds.</summary>
        private static void Provider(JsonElement body)
        {
            if (body.TryGetProperty("provider", out JsonElement value) && value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
            {
                throw OpenRouterErrors.BadRequest($"provider: Expected object, received {TypeName(value)}");
            }
        }

        private static void CallbackUrl(JsonElement body)
        {
            string? url = OptionalString(body, "callback_url");
            if (url != null && !url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                throw OpenRouterErrors.BadRequest("callback_url must be an HTTPS URL.");
            }
        }

        private static IEnumerable<JsonElement> Array(JsonElement body, string name)
        {
            if (!body.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
            {
                return Enumerable.Empty<JsonElement>();
            }

            return value.ValueKind == JsonValueKind.Array
                ? value.EnumerateArray().ToList()
                : throw OpenRouterErrors.BadRequest($"{name}: Expected array, received {TypeName(value)}");
        }

        private static string? OptionalString(JsonElement body, string name)
        {
            if (!body.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            return value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : throw OpenRouterErrors.BadRequest($"{name}: Expected string, received {TypeName(value)}");
        }

        private static ApiException OutOfSet(string name, string value, VideoModelCapabilities model, IEnumerable<string> allowed) =>
            OpenRouterErrors.BadRequest($"Invalid {name} '{value}' for model '{model.Id}'. Supported values: {string.Join(", ", allowed)}.");

        /// <summary>A pixel size for the asset: the resolution's short side and the aspect ratio (16:9 at 720p is 1280x720).</summary>
        private static string SizeOf(string resolution, string aspect)
        {
            int shortSide = resolution.Equals("4K", StringComparison.OrdinalIgnoreCase) ? 2160 : int.Parse(resolution.TrimEnd('p', 'P'), CultureInfo.InvariantCulture);
            string[] ratio = aspect.Split(':');
            double a = double.Parse(ratio[0], CultureInfo.InvariantCulture), b = double.Parse(ratio[1], CultureInfo.InvariantCulture);
            int longSide = (int)(Math.Round(shortSide * Math.Max(a, b) / Math.Min(a, b) / 2) * 2);
            return a >= b ? $"{longSide}x{shortSide}" : $"{shortSide}x{longSide}";
        }

        private static string TypeName(JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.Number => "number",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            JsonValueKind.Array => "array",
            JsonValueKind.Object => "object",
            _ => "null",
        };
    }
}
