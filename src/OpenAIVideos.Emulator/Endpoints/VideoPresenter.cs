using OpenAIVideos.Emulator.Api;
using OpenAIVideos.Emulator.Hosting;
using OpenAIVideos.Emulator.Jobs;

namespace OpenAIVideos.Emulator.Endpoints
{
    /// <summary>Turns a stored job into its wire shape at the current instant, in the configured flavour.</summary>
    internal static class VideoPresenter
    {
        public static VideoResource Present(EmulatorState state, VideoJob job)
        {
            JobState jobState = state.StateOf(job);
            bool gateway = state.Options.Flavor == EmulatorFlavor.Gateway;
            string status = gateway && jobState.Status == JobState.InProgress ? "processing" : jobState.Status;
            return new VideoResource(
                job.Id,
                "video",
                job.Model,
                status,
                jobState.Progress,
                job.CreatedAt.ToUnixTimeSeconds(),
                jobState.CompletedAt?.ToUnixTimeSeconds(),
                jobState.ExpiresAt?.ToUnixTimeSeconds(),
                job.Prompt,
                job.Size,
                job.Seconds,
                job.RemixedFromVideoId,
                jobState.ErrorCode is null ? null : new VideoErrorResource(jobState.ErrorCode, jobState.ErrorMessage ?? string.Empty))
            {
                Quality = gateway ? "standard" : null,
            };
        }
    }
}
