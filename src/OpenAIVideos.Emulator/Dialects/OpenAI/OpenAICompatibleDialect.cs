using OpenAIVideos.Emulator.Api;
using OpenAIVideos.Emulator.Endpoints;
using OpenAIVideos.Emulator.Hosting;
using OpenAIVideos.Emulator.Jobs;
using OpenAIVideos.Emulator.Validation;

using OpenAIVideos.Emulator.Http;

namespace OpenAIVideos.Emulator.Dialects.OpenAI
{
    /// <summary>
    /// Servers that speak OpenAI's own Videos API (OpenAI, gateways, LiteLLM, Azure): they share OpenAI's endpoints and
    /// video shape and differ only in the knobs below.
    /// </summary>
    internal abstract class OpenAICompatibleDialect : ServerDialect
    {
        /// <summary>Unknown request fields are a 400 <c>unknown_parameter</c>.</summary>
        public virtual bool RejectsUnknownFields => false;

        /// <summary>Only OpenAI's model names are accepted.</summary>
        public virtual bool KnownModelsOnly => false;

        /// <summary>What a running video's <c>status</c> says.</summary>
        public virtual string RunningStatus => JobState.InProgress;

        /// <summary>The <c>quality</c> every video carries; null leaves the field out.</summary>
        public virtual string? Quality => null;

        /// <summary>Whether <c>/videos/extensions</c>, <c>/videos/edits</c> and <c>/videos/characters</c> exist.</summary>
        protected virtual bool HasExtensionsEditsAndCharacters => true;

        /// <summary>
        /// Whether a content download reaches the server with its <c>variant</c> and <c>Range</c>; false for a proxy that
        /// forwards only the id and re-sends the whole body (then every variant is the MP4).
        /// </summary>
        public virtual bool ForwardsContentQuery => true;

        /// <summary>Adds the headers this server puts on a content download.</summary>
        public virtual void DecorateContent(ApiResponse response, string publicId)
        {
        }

        /// <summary>Checks that the model can render the size.</summary>
        public virtual void CheckSize(string model, string size) => VideoValues.ModelAndSize(model, size, KnownModelsOnly);

        /// <summary>Throws when a list request lacks something the server needs.</summary>
        public virtual void CheckList(ApiContext context)
        {
        }

        /// <summary>Whether a listed video is shown to this caller.</summary>
        public virtual bool ListShows(VideoJob job, ApiContext context) => true;

        public override void Map(RouteTable routes)
        {
            VideoEndpoints.Map(routes, HasExtensionsEditsAndCharacters);
            ContentEndpoint.Map(routes);
            if (HasExtensionsEditsAndCharacters)
            {
                CharacterEndpoints.Map(routes);
            }
        }

        public override object Present(EmulatorState state, VideoJob job)
        {
            JobState jobState = state.StateOf(job);
            return new VideoResource(
                PublicId(job),
                "video",
                job.Model,
                jobState.Status == JobState.InProgress ? RunningStatus : jobState.Status,
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
                Quality = Quality,
            };
        }
    }
}
