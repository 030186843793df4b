using Microsoft.AspNetCore.Http;
using OpenAIVideos.Emulator.Api;
using OpenAIVideos.Emulator.Hosting;

namespace OpenAIVideos.Emulator.Endpoints
{
    /// <summary><c>GET /videos/{id}</c> where a server answers just the video as its dialect writes it (SGLang, Gemini).</summary>
    internal static class VideoRetrieval
    {
        public static IResult Retrieve(string videoId, HttpContext context, EmulatorState state) =>
            new ApiResult(state.Dialect.Present(state, state.Dialect.FindVideo(state, context, videoId)));
    }
}
