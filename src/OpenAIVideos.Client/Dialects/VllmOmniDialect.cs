namespace OpenAIVideos.Client
{
    /// <summary>
    /// vLLM-Omni's OpenAI-compatible server. Source: david6666666/vllm-omni@003aed9
    /// vllm_omni/entrypoints/openai/api_server.py: multipart-only create (every field a form field, the first frame a
    /// file part; <c>negative_prompt</c> and <c>seed</c> among its form fields), one served model, no remix,
    /// extensions, edits or characters, and the MP4 whatever <c>variant</c> is asked for.
    /// </summary>
    internal sealed class VllmOmniDialect : SelfHostedDialect
    {
        public VllmOmniDialect()
            : base(ServerKind.VllmOmni, "vLLM-Omni", RequestEncoding.Multipart, "`seconds` (form field)", "`input_reference` (file part)")
        {
        }
    }
}
