using OpenAIVideos.Emulator.Api;
using OpenAIVideos.Emulator.Hosting;

using OpenAIVideos.Emulator.Http;

namespace OpenAIVideos.Emulator.Endpoints
{
    /// <summary><c>GET /videos/{id}</c> where a server answers just the video as its dialect writes it (SGLang, Gemini).</summary>
    internal static class VideoRetrieval
    {
        public static ApiResult Retrieve(string videoId, ApiContext context, EmulatorState state) =>
            new ApiResult(state.Dialect.Present(state, state.Dialect.FindVideo(state, context, videoId)));
    }
}
