using System.Collections.Generic;

namespace OpenAIVideos.Client
{
    /// <summary>
    /// The LiteLLM proxy. Source: BerriAI/litellm docs/my-website/docs/videos.md @ 050d1b1 and
    /// litellm/proxy/video_endpoints/endpoints.py @ 02ac6ac. It passes OpenAI's video routes to the provider, so no
    /// operation is refused up front; but its content route forwards only the id, so every download is the MP4 whatever
    /// variant was asked for; lists need <c>custom_llm_provider</c> (videos of other providers are reached by id).
    /// </summary>
    internal sealed class LiteLLMDialect : ServerProfile
    {
        public LiteLLMDialect()
            : base(ServerKind.LiteLLM, "LiteLLM", 4, false, RequestEncoding.JsonUnlessFile, AuthenticationStyle.Bearer, AllOperations, Mp4Only)
        {
            ListQuery = new[] { new KeyValuePair<string, string>("custom_llm_provider", "openai") };
        }

        public override IReadOnlyList<VideoModel> DocumentedModels => SoraModels;

        public override bool UsesSoraPrices => true;
    }
}
