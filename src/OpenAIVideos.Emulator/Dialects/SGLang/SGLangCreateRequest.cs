using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using OpenAIVideos.Emulator.Dialects.FastApi;
using OpenAIVideos.Emulator.Endpoints;

using OpenAIVideos.Emulator.Http;

namespace OpenAIVideos.Emulator.Dialects.SGLang
{
    /// <summary>
    /// Validates an SGLang create as sgl-project/sglang video_api.py @ 00ae37c817a8e1195bfa0cb3641f75d8a2d9f4a5 does:
    /// multipart bodies go through FastAPI's typed <c>Form</c> parameters (422 on a bad integer), then need a prompt and
    /// an <c>input_reference</c> file (this older check is the stricter one; newer versions accept text-only multipart).
    /// Any other body is read as JSON (unparsable JSON counts as <c>{}</c>), <c>extra_body</c> is merged in, and
    /// <c>VideoGenerationsRequest</c> (protocol.py) validates it: failures are a 400 <c>Invalid request body: …</c> with
    /// pydantic's text (without its "For further information" link, whose version is unknown).
    /// </summary>
    internal static class SGLangCreateRequest
    {
        private const string Model = "VideoGenerationsRequest";
        private static readonly string[] StringFields = { "model", "size", "input_reference", "negative_prompt", "generator_device" };
        private static readonly string[] IntegerFields = { "seconds", "fps", "num_frames", "seed", "num_inference_steps" };
        private static readonly string[] NumberFields = { "guidance_scale", "guidance_scale_2" };

        public static Task<VideoSpec> ValidateAsync(ApiRequest request) =>
            (request.ContentType ?? string.Empty).Contains("multipart/form-data", StringComparison.OrdinalIgnoreCase)
                ? FromFormAsync(request)
                : FromJsonAsync(request);

        private static async Task<VideoSpec> FromFormAsync(ApiRequest request)
        {
            FormValidation form = await FormValidation.ReadAsync(request);
            form.Integers("seconds", "fps", "num_frames");
            if (form.Issues.Count > 0)
            {
                throw FastApiErrors.Unprocessable(form.Issues);
            }

            string? prompt = form.Text("prompt");
            if (string.IsNullOrEmpty(prompt))
            {
                throw FastApiErrors.HttpException(400, "prompt is required");
            }

            if (form.File("input_reference") is null)
            {
                throw FastApiErrors.HttpException(400, "input_reference file is required");
            }

            // fps/num_frames may also come in an extra_body JSON string; unparsable extra_body is ignored.
            JsonElement extra = ParseOrEmpty(form.Text("extra_body"));
            return Spec(prompt, form.Text("model"), form.Text("size"), Integer(form.Text("seconds")) ?? 4,
                Integer(form.Text("fps")) ?? IntegerProperty(extra, "fps"), Integer(form.Text("num_frames")) ?? IntegerProperty(extra, "num_frames"));
        }

        private static Task<VideoSpec> FromJsonAsync(ApiRequest request) => Task.FromResult(FromJson(request));

        private static VideoSpec FromJson(ApiRequest request)
        {
            JsonElement body = ParseOrEmpty(System.Text.Encoding.UTF8.GetString(request.BodyBytes.Span));
            if (body.ValueKind == JsonValueKind.Null)
            {
                body = ParseOrEmpty("{}");
            }

            if (body.ValueKind != JsonValueKind.Object)
            {
                throw FastApiErrors.HttpException(400, $"Invalid request body: cannot convert dictionary update sequence element #0 to a sequence");
            }

            var payload = body.EnumerateObject().Where(p => p.Name != "extra_body").ToDictionary(p => p.Name, p => p.Value);
            if (body.TryGetProperty("extra_body", out JsonElement extra) && extra.ValueKind == JsonValueKind.Object)
            {
                foreach (JsonProperty property in extra.EnumerateObject())
                {
                    payload[property.Name] = property.Value;
                }
            }

            var errors = new List<string>();
            if (!payload.TryGetValue("prompt", out JsonElement prompt))
            {
                errors.Add(Error("prompt", "Field required", "missing", PythonRepr.OfJson(ToElement(payload)), "dict"));
            }
            else
            {
                CheckString(errors, "prompt", prompt);
            }

            foreach (string name in StringFields.Where(payload.ContainsKey))
            {
                CheckString(errors, name, payload[name], nullable: true);
            }

            foreach (string name in IntegerFields.Where(payload.ContainsKey))
            {
                CheckInteger(errors, name, payload[name]);
            }

            foreach (string name in NumberFields.Where(payload.ContainsKey))
            {
                CheckNumber(errors, name, payload[name]);
            }

            if (errors.Count > 0)
            {
                string label = errors.Count == 1 ? "error" : "errors";
                throw FastApiErrors.HttpException(400, $"Invalid request body: {errors.Count} validation {label} for {Model}\n" + string.Join("\n", errors));
            }

            return Spec(prompt.GetString()!, StringProperty(payload, "model"), StringProperty(payload, "size"),
                IntegerProperty(payload, "seconds") ?? 4, IntegerProperty(payload, "fps"), IntegerProperty(payload, "num_frames"));
        }

        /// <summary>The stored job: model defaults to <c>sora-2</c>; <c>seconds</c> is <c>round(num_frames / fps)</c> (fps 24 by default).</summary>
        private static VideoSpec Spec(string prompt, string? model, string? size, long seconds, long? fps, long? numFrames)
        {
            long framesPerSecond = fps ?? 24;
            long frames = numFrames ?? framesPerSecond * seconds;
            double reported = framesPerSecond == 0 ? 0 : Math.Round((double)frames / framesPerSecond, MidpointRounding.ToEven);
            return new VideoSpec(string.IsNullOrEmpty(model) ? "sora-2" : model, prompt, string.IsNullOrEmpty(size) ? null : size,
                reported.ToString(CultureInfo.InvariantCulture));
        }

        private static void CheckString(List<string> errors, string name, JsonElement value, bool nullable = false)
        {
            if (value.ValueKind != JsonValueKind.String && !(nullable && value.ValueKind == JsonValueKind.Null))
            {
                errors.Add(Error(name, "Input should be a valid string", "string_type", PythonRepr.OfJson(value), PythonRepr.TypeOfJson(value)));
            }
        }

        private static void CheckInteger(List<string> errors, string name, JsonElement value)
        {
            string? problem = value.ValueKind switch
            {
                JsonValueKind.Null or JsonValueKind.True or JsonValueKind.False => null,
                JsonValueKind.Number when value.TryGetInt64(out _) => null,
                JsonValueKind.Number when value.GetDouble() % 1 == 0 => null,
                JsonValueKind.Number => "int_from_float|Input should be a valid integer, got a number with a fractional part",
                JsonValueKind.String when long.TryParse(value.GetString()!.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) => null,
                JsonValueKind.String => "int_parsing|Input should be a valid integer, unable to parse string as an integer",
                _ => "int_type|Input should be a valid integer",
            };
            AddIfProblem(errors, name, value, problem);
        }

        private static void CheckNumber(List<string> errors, string name, JsonElement value)
        {
            string? problem = value.ValueKind switch
            {
                JsonValueKind.Null or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => null,
                JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out _) => null,
                JsonValueKind.String => "float_parsing|Input should be a valid number, unable to parse string as a number",
                _ => "float_type|Input should be a valid number",
            };
            AddIfProblem(errors, name, value, problem);
        }

        private static void AddIfProblem(List<string> errors, string name, JsonElement value, string? problem)
        {
            if (problem != null)
            {
                string[] parts = problem.Split('|');
                errors.Add(Error(name, parts[1], parts[0], PythonRepr.OfJson(value), PythonRepr.TypeOfJson(value)));
            }
        }

        /// <summary>One error as pydantic's <c>str(ValidationError)</c> writes it.</summary>
        private static string Error(string field, string message, string type, string inputRepr, string inputType) =>
            $"{field}\n  {message} [type={type}, input_value={inputRepr}, input_type={inputType}]";

        private static JsonElement ParseOrEmpty(string? text)
        {
            try
            {
                using JsonDocument document = JsonDocument.Parse(string.IsNullOrWhiteSpace(text) ? "{}" : text);
                return document.RootElement.Clone();
            }
            catch (JsonException)
            {
                using JsonDocument empty = JsonDocument.Parse("{}");
                return empty.RootElement.Clone();
            }
        }

        private static JsonElement ToElement(Dictionary<string, JsonElement> payload) =>
            JsonSerializer.SerializeToElement(payload);

        private static long? Integer(string? text) =>
            long.TryParse(text?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value) ? value : null;

        private static long? IntegerProperty(JsonElement json, string name) =>
            json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out JsonElement value) ? IntegerOf(value) : null;

        private static long? IntegerProperty(Dictionary<string, JsonElement> payload, string name) =>
            payload.TryGetValue(name, out JsonElement value) ? IntegerOf(value) : null;

        private static long? IntegerOf(JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.Number => (long)value.GetDouble(),
            JsonValueKind.String => Integer(value.GetString()),
            JsonValueKind.True => 1,
            JsonValueKind.False => 0,
            _ => null,
        };

        private static string? StringProperty(Dictionary<string, JsonElement> payload, string name) =>
            payload.TryGetValue(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }
}
