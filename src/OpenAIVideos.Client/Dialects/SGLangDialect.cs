namespace OpenAIVideos.Client
{
    /// <summary>
    /// SGLang Diffusion's OpenAI-compatible server. Source: mickqian/sglang@397d9be
    /// python/sglang/multimodal_gen/runtime/entrypoints/openai/video_api.py: JSON or multipart create, list without
    /// <c>has_more</c>, delete answers the video, content always the MP4, no remix, extensions, edits or characters.
    /// </summary>
    internal sealed class SGLangDialect : ServerProfile
    {
        public SGLangDialect()
            : base(ServerKind.SGLang, "SGLang Diffusion", 1, false, RequestEncoding.JsonUnlessFile, AuthenticationStyle.Bearer, CoreOperations, Mp4Only)
        {
        }
    }
}
