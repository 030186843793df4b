using System.Collections.Generic;
using OpenAIVideos.Client.Serialization;

namespace OpenAIVideos.Client
{
    /// <summary>
    /// SGLang Diffusion's OpenAI-compatible server. Source: mickqian/sglang@397d9be
    /// python/sglang/multimodal_gen/runtime/entrypoints/openai/video_api.py: JSON or multipart create, list without
    /// <c>has_more</c>, delete answers the video, content always the MP4, no remix, extensions, edits or characters.
    /// </summary>
    internal sealed class SGLangDialect : ServerProfile
    {
        // The spec's duration, size and first frame, and its own negative_prompt and seed (SGLang's request model); no characters.
        private static readonly IReadOnlyDictionary<CreateParameter, string> SGLangFields = new Dictionary<CreateParameter, string>
        {
            [CreateParameter.Seconds] = "`seconds` (string, read as an integer)",
            [CreateParameter.Size] = "`size`",
            [CreateParameter.InputReference] = "`input_reference` (file part, or `{image_url}`)",
            [CreateParameter.NegativePrompt] = "`negative_prompt`",
            [CreateParameter.Seed] = "`seed` (integer)",
        };

        public SGLangDialect()
            : base(ServerKind.SGLang, "SGLang Diffusion", 1, false, RequestEncoding.JsonUnlessFile, AuthenticationStyle.Bearer, CoreOperations, Mp4Only)
        {
        }

        private protected override IReadOnlyDictionary<CreateParameter, string> Fields => SGLangFields;

        private protected override void WriteCreateFields(VideoCreateRequest request, RequestBody body)
        {
            WriteSpecFields(request, body);
            body.Field("negative_prompt", request.NegativePrompt).Field("seed", request.Seed);
        }
    }
}
