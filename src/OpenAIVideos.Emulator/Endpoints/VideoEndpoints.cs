using System;
using System.Globalization;
using System.Linq;
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
    /// <summary>
    /// The <c>/videos</c> operations that create, read and delete video jobs, as OpenAI defines them; the
    /// OpenAI-compatible dialects (OpenAI, Gateway, LiteLLM, Azure) map them and tune them through their knobs.
    /// </summary>
    internal static class VideoEndpoints
    {
        public static void Map(RouteTable routes, bool withExtensionsAndEdits)
        {
            routes.Map("POST", "/videos", c => CreateAsync(c, c.State), "create");
            routes.Map("GET", "/videos", c => List(c, c.State), "list");
            routes.Map("GET", "/videos/{videoId}", c => Retrieve(c.RouteValue("videoId"), c, c.State), "retrieve");
            routes.Map("DELETE", "/videos/{videoId}", c => Delete(c.RouteValue("videoId"), c, c.State), "delete");
            routes.Map("POST", "/videos/{videoId}/remix", c => RemixAsync(c.RouteValue("videoId"), c, c.State), "remix");
            if (withExtensionsAndEdits)
            {
                routes.Map("POST", "/videos/extensions", c => ExtendAsync(c, c.State), "extend");
                routes.Map("POST", "/videos/edits", c => EditAsync(c, c.State), "edit");
            }
        }

        private static OpenAICompatibleDialect Dialect(EmulatorState state) => (OpenAICompatibleDialect)state.Dialect;

        private static bool Strict(EmulatorState state) => Dialect(state).RejectsUnknownFields;

        private static async Task<ApiResult> CreateAsync(ApiContext context, EmulatorState state)
        {
            RequestFields fields = await RequestFields.ReadAsync(context.Request);
            return await VideoCreation.CreateAsync(context, state, async () =>
            {
                if (Strict(state))
                {
                    fields.RejectUnknown("prompt", "model", "seconds", "size", "input_reference", "characters");
                    fields.RejectUnknownNested("input_reference", "image_url", "file_id");
                }

                string prompt = VideoValues.Prompt(fields.String("prompt"));
                string model = fields.String("model") ?? "sora-2";
                string seconds = VideoValues.OneOf("seconds", fields.String("seconds") ?? "4", VideoValues.CreateSeconds);
                string size = fields.String("size") ?? "720x1280";
                Dialect(state).CheckSize(model, size);
                await InputReferenceValidator.ValidateAsync(fields, size, state.Options.MaxUploadBytes);
                ValidateCharacters(state, fields);
                return new VideoSpec(model, prompt, size, seconds);
            });
        }

        private static void ValidateCharacters(EmulatorState state, RequestFields fields)
        {
            var ids = fields.CharacterIds();
            if (ids.Count > 2)
            {
                throw ApiException.BadRequest($"Invalid 'characters': array too long. Expected an array with maximum length 2, but got an array with length {ids.Count} instead.", "characters", "array_above_max_length");
            }

            string? missing = ids.FirstOrDefault(id => state.Characters.Find(id) is null);
            if (missing != null)
            {
                throw new ApiException(404, $"Character with id '{missing}' not found.", "characters", "character_not_found");
            }
        }

        private static ApiResult List(ApiContext context, EmulatorState state)
        {
            OpenAICompatibleDialect dialect = Dialect(state);
            dialect.CheckList(context);
            QueryValues query = context.Request.Query;
            int limit = state.Options.DefaultPageSize;
            if (query.TryGetValue("limit", out var limitText)
                && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit > 100))
            {
                // The spec allows 0 (an empty page whose has_more says whether any video exists); NumberStyles.None refuses a sign.
                throw ApiException.BadRequest($"Invalid 'limit': expected an integer between 0 and 100, but got '{limitText}' instead.", "limit", "invalid_value");
            }

            string order = query.TryGetValue("order", out var orderText) ? orderText.ToString() : "desc";
            VideoValues.OneOf("order", order, new[] { "asc", "desc" });
            long? after = null;
            if (query.TryGetValue("after", out var afterText) && afterText.ToString().Length > 0)
            {
                after = state.Videos.PositionOf(dialect.StoredId(afterText.ToString()))
                    ?? throw ApiException.BadRequest($"Invalid 'after': no video with id '{afterText}' exists.", "after", "invalid_value");
            }

            var (page, hasMore) = state.Videos.Page(order == "desc", after, limit);
            // Cursors describe the whole page even when the dialect hides some of its videos from this caller.
            var data = page.Where(job => dialect.ListShows(job, context)).Select(job => dialect.Present(state, job)).ToList();
            string? firstId = page.Count > 0 ? dialect.PublicId(page[0]) : null;
            string? lastId = page.Count > 0 ? dialect.PublicId(page[page.Count - 1]) : null;
            return new ApiResult(new VideoListResource("list", data, firstId, lastId, hasMore));
        }

        private static ApiResult Retrieve(string videoId, ApiContext context, EmulatorState state)
        {
            VideoJob job = state.Dialect.FindVideo(state, context, videoId);
            object video = state.Dialect.Present(state, job);
            if (state.Options.PollAfterMs is int pollAfter && !state.StateOf(job).IsTerminal)
            {
                context.Response.Headers["openai-poll-after-ms"] = pollAfter.ToString(CultureInfo.InvariantCulture);
            }

            return new ApiResult(video);
        }

        private static ApiResult Delete(string videoId, ApiContext context, EmulatorState state)
        {
            VideoJob job = state.Dialect.FindVideo(state, context, videoId);
            JobState jobState = state.StateOf(job);
            if (!jobState.IsTerminal)
            {
                throw ApiException.BadRequest(
                    $"Video '{videoId}' is not ready: its status is '{jobState.Status}'. Only completed or failed videos can be deleted.", null, "video_not_ready");
            }

            state.Videos.Remove(job.Id);
            return new ApiResult(new DeletedVideoResource(state.Dialect.PublicId(job), "video.deleted", true));
        }

        private static async Task<ApiResult> RemixAsync(string videoId, ApiContext context, EmulatorState state)
        {
            RequestFields fields = await RequestFields.ReadAsync(context.Request);
            return await VideoCreation.CreateAsync(context, state, async () =>
            {
                if (Strict(state))
                {
                    fields.RejectUnknown("prompt");
                }

                string prompt = VideoValues.Prompt(fields.String("prompt"));
                VideoJob source = SourceVideos.RequireCompleted(state, context, videoId, "remixed");
                return new VideoSpec(source.Model, prompt, source.Size, source.Seconds, source.Id);
            });
        }

        private static async Task<ApiResult> ExtendAsync(ApiContext context, EmulatorState state)
        {
            RequestFields fields = await RequestFields.ReadAsync(context.Request);
            return await VideoCreation.CreateAsync(context, state, async () =>
            {
                if (Strict(state))
                {
                    fields.RejectUnknown("video", "prompt", "seconds");
                    fields.RejectUnknownNested("video", "id");
                }

                string prompt = VideoValues.Prompt(fields.String("prompt"));
                string seconds = fields.String("seconds")
                    ?? throw ApiException.BadRequest("Missing required parameter: 'seconds'.", "seconds", "missing_required_parameter");
                VideoValues.OneOf("seconds", seconds, VideoValues.ExtensionSeconds);
                var source = await SourceVideos.ResolveAsync(state, context, fields, "extended");
                double total = source.Seconds + double.Parse(seconds, CultureInfo.InvariantCulture);
                return new VideoSpec(source.Model, prompt, source.Size, total.ToString(CultureInfo.InvariantCulture));
            });
        }

        private static async Task<ApiResult> EditAsync(ApiContext context, EmulatorState state)
        {
            RequestFields fields = await RequestFields.ReadAsync(context.Request);
            return await VideoCreation.CreateAsync(context, state, async () =>
            {
                if (Strict(state))
                {
                    fields.RejectUnknown("video", "prompt");
                    fields.RejectUnknownNested("video", "id");
                }

                string prompt = VideoValues.Prompt(fields.String("prompt"));
                var source = await SourceVideos.ResolveAsync(state, context, fields, "edited");
                return new VideoSpec(source.Model, prompt, source.Size, source.Seconds.ToString(CultureInfo.InvariantCulture));
            });
        }
    }
}
