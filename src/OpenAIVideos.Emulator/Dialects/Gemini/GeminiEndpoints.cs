using System.Threading.Tasks;
using OpenAIVideos.Emulator.Api;
using OpenAIVideos.Emulator.Endpoints;
using OpenAIVideos.Emulator.Hosting;

using OpenAIVideos.Emulator.Http;

namespace OpenAIVideos.Emulator.Dialects.Gemini
{
    /// <summary>
    /// The two video routes the Gemini API's OpenAI compatibility page documents: create and retrieve. List, delete,
    /// content, remix, extensions, edits and characters are not documented there, so they are unknown routes (404).
    /// </summary>
    internal static class GeminiEndpoints
    {
        public static void Map(RouteTable routes)
        {
            routes.Map("POST", "/videos", c => CreateAsync(c, c.State), "create");
            routes.Map("GET", "/videos/{videoId}", c => VideoRetrieval.Retrieve(c.RouteValue("videoId"), c, c.State), "retrieve");
        }

        private static Task<ApiResult> CreateAsync(ApiContext context, EmulatorState state) =>
            VideoCreation.CreateAsync(context, state, () => GeminiCreateRequest.ValidateAsync(context, state));
    }
}
