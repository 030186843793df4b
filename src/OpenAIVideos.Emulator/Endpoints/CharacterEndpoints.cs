using System.Threading.Tasks;
using OpenAIVideos.Emulator.Api;
using OpenAIVideos.Emulator.Dialects;
using OpenAIVideos.Emulator.Dialects.OpenAI;
using OpenAIVideos.Emulator.Hosting;
using OpenAIVideos.Emulator.Jobs;
using OpenAIVideos.Emulator.Validation;

using OpenAIVideos.Emulator.Http;

namespace OpenAIVideos.Emulator.Endpoints
{
    /// <summary><c>/v1/videos/characters</c>: characters made from an uploaded MP4 (multipart only).</summary>
    internal static class CharacterEndpoints
    {
        private const int MaxNameLength = 80;

        public static void Map(RouteTable routes)
        {
            routes.Map("POST", "/videos/characters", c => CreateAsync(c, c.State), "character_create");
            routes.Map("GET", "/videos/characters/{characterId}", c => Retrieve(c.RouteValue("characterId"), c.State), "character_retrieve");
        }

        private static async Task<ApiResult> CreateAsync(ApiContext context, EmulatorState state)
        {
            RequestFields fields = await RequestFields.ReadAsync(context.Request, multipartOnly: true);
            if (((OpenAICompatibleDialect)state.Dialect).RejectsUnknownFields)
            {
                fields.RejectUnknown("video", "name");
            }

            string name = fields.String("name")
                ?? throw ApiException.BadRequest("Missing required parameter: 'name'.", "name", "missing_required_parameter");
            if (name.Length is 0 or > MaxNameLength)
            {
                throw ApiException.BadRequest($"Invalid 'name': expected a string of 1 to {MaxNameLength} characters, but got {name.Length} characters instead.", "name", "invalid_value");
            }

            FormFile upload = fields.File("video")
                ?? throw ApiException.BadRequest("Missing required parameter: 'video' (an MP4 file part).", "video", "missing_required_parameter");
            await SourceVideos.ReadMp4UploadAsync(upload, state.Options.MaxUploadBytes);
            VideoCharacter character = state.Characters.Add(name, state.Now);
            return new ApiResult(Present(character));
        }

        private static ApiResult Retrieve(string characterId, EmulatorState state)
        {
            VideoCharacter character = state.Characters.Find(characterId)
                ?? throw new ApiException(404, $"Character with id '{characterId}' not found.", null, "character_not_found");
            return new ApiResult(Present(character));
        }

        private static VideoCharacterResource Present(VideoCharacter character) =>
            new VideoCharacterResource(character.Id, character.Name, character.CreatedAt.ToUnixTimeSeconds());
    }
}
