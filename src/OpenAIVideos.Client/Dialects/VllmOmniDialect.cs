namespace OpenAIVideos.Client
{
    /// <summary>
    /// vLLM-Omni's OpenAI-compatible server. Source: david6666666/vllm-omni@003aed9
    /// vllm_omni/entrypoints/openai/api_server.py: multipart-only create, one served model, no remix, extensions,
    /// edits or characters, and the MP4 whatever <c>variant</c> is asked for. One job at a time per server.
    /// </summary>
    internal sealed class VllmOmniDialect : ServerProfile
    {
        public VllmOmniDialect()
            : base(ServerKind.VllmOmni, "vLLM-Omni", 1, false, RequestEncoding.Multipart, AuthenticationStyle.Bearer, CoreOperations, Mp4Only)
        {
        }
    }
}
