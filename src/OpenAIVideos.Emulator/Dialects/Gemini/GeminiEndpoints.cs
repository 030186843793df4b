using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OpenAIVideos.Emulator.Endpoints;
using OpenAIVideos.Emulator.Hosting;

namespace OpenAIVideos.Emulator.Dialects.Gemini
{
    /// <summary>
    /// The two video routes the Gemini API's OpenAI compatibility page documents: create and retrieve. List, delete,
    /// content, remix, extensions, edits and characters are not documented there, so they are unknown routes (404).
    /// </summary>
    internal static class GeminiEndpoints
    {
        public static void Map(IEndpointRouteBuilder api, RouteTable routes)
        {
            routes.Map(api, "POST", "/videos", CreateAsync, "create");
            routes.Map(api, "GET", "/videos/{videoId}", VideoRetrieval.Retrieve, "retrieve");
        }

        private static Task<IResult> CreateAsync(HttpContext context, EmulatorState state) =>
            VideoCreation.CreateAsync(context, state, () => GeminiCreateRequest.ValidateAsync(context, state));
    }
}
