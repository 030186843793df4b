namespace OpenAIVideos.Client
{
    /// <summary>
    /// SGLang Diffusion's OpenAI-compatible server. Source: mickqian/sglang@397d9be
    /// python/sglang/multimodal_gen/runtime/entrypoints/openai/video_api.py: JSON or multipart create (its request model
    /// reads <c>seconds</c> as an integer, a string of digits included, and takes <c>negative_prompt</c> and
    /// <c>seed</c>), list without <c>has_more</c>, delete answers the video, content always the MP4, no remix,
    /// extensions, edits or characters.
    /// </summary>
    internal sealed class SGLangDialect : SelfHostedDialect
    {
        public SGLangDialect()
            : base(ServerKind.SGLang, "SGLang Diffusion", RequestEncoding.JsonUnlessFile, "`seconds` (string, read as an integer)", "`input_reference` (file part, or `{image_url}`)")
        {
        }
    }
}
