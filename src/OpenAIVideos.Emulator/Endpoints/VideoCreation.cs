using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using OpenAIVideos.Emulator.Api;
using OpenAIVideos.Emulator.Hosting;
using OpenAIVideos.Emulator.Jobs;

namespace OpenAIVideos.Emulator.Endpoints
{
    /// <summary>
    /// The one place new videos are stored: create, remix, extend and edit all come here, so the idempotency replay
    /// and the statistics apply to each of them alike.
    /// </summary>
    internal static class VideoCreation
    {
        public static async Task<IResult> CreateAsync(HttpContext context, EmulatorState state, Func<Task<VideoSpec>> validate)
        {
            string? key = context.Request.Headers["Idempotency-Key"].ToString();
            if (string.IsNullOrEmpty(key))
            {
                return new ApiResult(VideoPresenter.Present(state, Store(state, await validate())));
            }

            string scope = $"{context.Request.Method} {context.Request.Path}\n{key}";
            (string id, bool replayed) = await state.Idempotency.GetOrCreateAsync(scope, async () => Store(state, await validate()).Id);
            if (replayed)
            {
                state.Statistics.RecordIdempotentReplay();
                context.Response.Headers["Idempotent-Replayed"] = "true";
            }

            VideoJob job = state.Videos.Find(id) ?? throw ApiException.VideoNotFound(id);
            return new ApiResult(VideoPresenter.Present(state, job));
        }

        private static VideoJob Store(EmulatorState state, VideoSpec spec)
        {
            DateTimeOffset now = state.Now;
            VideoJob job = state.Videos.Add(sequence =>
                new VideoJob(ResourceIds.NewVideoId(), sequence, spec.Model, spec.Prompt, spec.Size, spec.Seconds, now, spec.RemixedFromVideoId));
            state.Statistics.RecordVideoCreated();
            return job;
        }
    }

    /// <summary>A validated request for a new video.</summary>
    internal sealed record VideoSpec(string Model, string Prompt, string Size, string Seconds, string? RemixedFromVideoId = null);
}
