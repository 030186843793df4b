using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using OpenAIVideos.Emulator.Api;
using OpenAIVideos.Emulator.Hosting;
using OpenAIVideos.Emulator.Jobs;

namespace OpenAIVideos.Emulator.Endpoints
{
    /// <summary>
    /// The one place new videos are stored: every dialect's create, remix, extend and edit come here, so the per-key
    /// limit, the owner, the idempotency replay and the statistics apply to each of them alike.
    /// </summary>
    internal static class VideoCreation
    {
        public static async Task<IResult> CreateAsync(HttpContext context, EmulatorState state, Func<Task<VideoSpec>> validate)
        {
            VideoJob job = await StoreAsync(context, state, validate);
            return new ApiResult(state.Dialect.PresentCreated(state, job), state.Dialect.CreatedStatus);
        }

        /// <summary>Validates, checks the caller's limit and stores; replays the first video for a repeated Idempotency-Key.</summary>
        public static async Task<VideoJob> StoreAsync(HttpContext context, EmulatorState state, Func<Task<VideoSpec>> validate)
        {
            string owner = RequestOwner.Of(context);
            string? key = context.Request.Headers["Idempotency-Key"].ToString();
            if (string.IsNullOrEmpty(key) || !state.Dialect.HonoursIdempotencyKey)
            {
                VideoSpec spec = await validate();
                state.Dialect.BeforeCreate(state, context);
                return Store(state, spec, owner);
            }

            string scope = $"{context.Request.Method} {context.Request.Path}\n{key}";
            (string id, bool replayed) = await state.Idempotency.GetOrCreateAsync(scope, async () =>
            {
                VideoSpec spec = await validate();
                state.Dialect.BeforeCreate(state, context);
                return Store(state, spec, owner).Id;
            });
            if (replayed)
            {
                state.Statistics.RecordIdempotentReplay();
                context.Response.Headers["Idempotent-Replayed"] = "true";
            }

            return state.Videos.Find(id) ?? throw ApiException.VideoNotFound(id);
        }

        private static VideoJob Store(EmulatorState state, VideoSpec spec, string owner)
        {
            DateTimeOffset now = state.Now;
            VideoJob job = state.Videos.Add(sequence =>
                new VideoJob(state.Dialect.NewVideoId(), sequence, spec.Model, spec.Prompt, spec.Size, spec.Seconds, now, spec.RemixedFromVideoId, owner, spec.Details));
            state.Statistics.RecordVideoCreated();
            return job;
        }
    }

    /// <summary>
    /// A validated request for a new video; <see cref="Size"/> is null where a server leaves it unset (vLLM-Omni);
    /// <see cref="Details"/> is what the dialect keeps for itself (<see cref="VideoJob.Details"/>).
    /// </summary>
    internal sealed record VideoSpec(string Model, string Prompt, string? Size, string Seconds, string? RemixedFromVideoId = null, object? Details = null);
}
