using System;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;
using OpenAIVideos.Emulator.Api;
using OpenAIVideos.Emulator.Content;
using OpenAIVideos.Emulator.Hosting;
using OpenAIVideos.Emulator.Jobs;
using OpenAIVideos.Emulator.Validation;

using OpenAIVideos.Emulator.Http;

namespace OpenAIVideos.Emulator.Endpoints
{
    /// <summary>
    /// Resolves the video an extend, edit or remix starts from: a stored video that must be completed, or (extend and
    /// edit) an uploaded MP4 whose size and duration are read from its boxes.
    /// </summary>
    internal static class SourceVideos
    {
        public static VideoJob RequireCompleted(EmulatorState state, ApiContext context, string id, string action)
        {
            VideoJob job = state.Dialect.FindVideo(state, context, id);
            JobState jobState = state.StateOf(job);
            if (jobState.Status != JobState.Completed)
            {
                throw NotReady(id, jobState.Status, action);
            }

            return job;
        }

        public static ApiException NotReady(string id, string status, string action) => ApiException.BadRequest(
            $"Video '{id}' is not ready: its status is '{status}'. Only completed videos can be {action}.", null, "video_not_ready");

        /// <summary>The source of an extend or edit: <c>video.id</c> / <c>video[id]</c>, or an uploaded <c>video</c> file.</summary>
        public static async Task<(string Model, string Size, double Seconds)> ResolveAsync(EmulatorState state, ApiContext context, RequestFields fields, string action)
        {
            FormFile? upload = fields.File("video");
            if (upload != null)
            {
                return await ReadUploadAsync(state, upload);
            }

            string id = fields.Nested("video", "id")
                ?? throw ApiException.BadRequest("Missing required parameter: 'video'.", "video", "missing_required_parameter");
            VideoJob job = RequireCompleted(state, context, id, action);
            return (job.Model, job.Size ?? VideoValues.Sizes[0], double.Parse(job.Seconds, CultureInfo.InvariantCulture));
        }

        public static async Task<byte[]> ReadMp4UploadAsync(FormFile upload, long maxUploadBytes)
        {
            if (upload.Length > maxUploadBytes)
            {
                throw ApiException.TooLarge($"File '{upload.FileName}' is too large ({upload.Length} bytes). The maximum upload size is {maxUploadBytes} bytes.");
            }

            using var buffer = new MemoryStream();
            await upload.CopyToAsync(buffer);
            byte[] bytes = buffer.ToArray();
            if (!Mp4Probe.LooksLikeMp4(bytes))
            {
                throw ApiException.BadRequest($"Invalid '{upload.Name}': the file is not an MP4 video.", upload.Name, "invalid_file");
            }

            return bytes;
        }

        private static async Task<(string Model, string Size, double Seconds)> ReadUploadAsync(EmulatorState state, FormFile upload)
        {
            byte[] bytes = await ReadMp4UploadAsync(upload, state.Options.MaxUploadBytes);
            (double? seconds, int? width, int? height) = Mp4Probe.Read(bytes);
            string size = width is int w && height is int h ? $"{w}x{h}" : "720x1280";
            if (Array.IndexOf(VideoValues.Sizes, size) < 0)
            {
                size = "720x1280";
            }

            string model = Array.IndexOf(VideoValues.Sora2Sizes, size) >= 0 ? "sora-2" : "sora-2-pro";
            return (model, size, Math.Round(seconds ?? 4));
        }
    }
}
