using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using OpenAIVideos.Emulator.Api;
using OpenAIVideos.Emulator.Dialects.FastApi;
using OpenAIVideos.Emulator.Endpoints;

using OpenAIVideos.Emulator.Http;

namespace OpenAIVideos.Emulator.Dialects.VllmOmni
{
    /// <summary>
    /// Validates a vLLM-Omni create (<c>POST /v1/videos</c> and <c>/v1/videos/sync</c>): the <c>create_video</c> form
    /// parameters of david6666666/vllm-omni api_server.py @ 003aed99d008635e65e4370f2f65a0651f5dbf9a, then the handler's
    /// own checks in its order. Only multipart/form-data (or urlencoded) bodies carry fields, so a JSON create fails as if
    /// <c>prompt</c> were missing. Pydantic's range limits on the request model (e.g. steps 1–200) are not emulated.
    /// </summary>
    internal static class VllmOmniCreateForm
    {
        private static readonly string[] IntegerFields = { "width", "height", "num_frames", "fps", "num_inference_steps", "seed" };
        private static readonly string[] NumberFields = { "guidance_scale", "guidance_scale_2", "boundary_ratio", "flow_shift", "true_cfg_scale" };

        public static async Task<VideoSpec> ValidateAsync(ApiRequest request, VllmOmniDialect dialect)
        {
            FormValidation form = await FormValidation.ReadAsync(request);
            string? prompt = form.Required("prompt");
            form.Pattern("seconds", @"^[1-9]\d*$");
            form.Pattern("size", @"^\d+x\d+$");
            form.Integers(IntegerFields);
            form.Numbers(NumberFields);
            if (form.Issues.Count > 0)
            {
                throw ValidationFailed(form.Issues);
            }

            string? imageReference = ParseJson(form.Text("image_reference"));
            if (imageReference != null && form.File("input_reference") != null)
            {
                throw ApiException.BadRequest("Provide either input_reference or image_reference, not both.", null, null);
            }

            // video_reference and audio_reference arrived with later revisions (docs/serving/videos_api.md @ 0131cb5);
            // they are JSON strings like image_reference.
            ParseJson(form.Text("video_reference"));
            ParseJson(form.Text("audio_reference"));
            ParseJsonObject(form.Text("lora"));
            ParseJsonObject(form.Text("extra_params"));

            string? model = form.Text("model");
            if (model != null && model != dialect.ServedModel)
            {
                // The 400 comes from a later revision of _parse_video_form seen in the index; @003aed9 only logged a warning.
                throw ApiException.BadRequest($"Model mismatch: request specifies '{model}' but server is running '{dialect.ServedModel}'.", null, null);
            }

            return new VideoSpec(dialect.ServedModel, prompt!, form.Text("size"), form.Text("seconds") ?? "4");
        }

        /// <summary>vLLM's RequestValidationError answer: a 400 whose message lists pydantic's errors.</summary>
        public static ApiException ValidationFailed(IReadOnlyList<ValidationIssue> issues)
        {
            string label = issues.Count == 1 ? "error" : "errors";
            string message = $"{issues.Count} validation {label}:\n" + string.Join("\n", issues.Select(issue => "  " + issue.ToPythonRepr()));
            return ApiException.BadRequest(message, issues[0].DottedLocation, null);
        }

        /// <summary>The Python type of the parsed JSON (<c>dict</c>, <c>list</c>, …); null for an absent or empty field.</summary>
        private static string? ParseJson(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return null;
            }

            try
            {
                using JsonDocument document = JsonDocument.Parse(text);
                return PythonRepr.TypeOfJson(document.RootElement);
            }
            catch (JsonException)
            {
                throw ApiException.BadRequest("Invalid JSON in form field.", null, null);
            }
        }

        private static void ParseJsonObject(string? text)
        {
            if (ParseJson(text) is string kind && kind != "dict")
            {
                throw ApiException.BadRequest($"Invalid JSON in form field: expected dict, got {kind}.", null, null);
            }
        }
    }
}
