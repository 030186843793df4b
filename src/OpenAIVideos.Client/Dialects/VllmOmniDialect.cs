using System.Collections.Generic;
using OpenAIVideos.Client.Serialization;

namespace OpenAIVideos.Client
{
    /// <summary>
    /// vLLM-Omni's OpenAI-compatible server. Source: david6666666/vllm-omni@003aed9
    /// vllm_omni/entrypoints/openai/api_server.py: multipart-only create, one served model, no remix, extensions,
    /// edits or characters, and the MP4 whatever <c>variant</c> is asked for. One job at a time per server.
    /// </summary>
    internal sealed class VllmOmniDialect : ServerProfile
    {
        // The spec's duration, size and first frame, and its own negative_prompt and seed (vLLM-Omni's form fields); no characters.
        private static readonly IReadOnlyDictionary<CreateParameter, string> VllmOmniFields = new Dictionary<CreateParameter, string>
        {
            [CreateParameter.Seconds] = "`seconds` (form field)",
            [CreateParameter.Size] = "`size`",
            [CreateParameter.InputReference] = "`input_reference` (file part)",
            [CreateParameter.NegativePrompt] = "`negative_prompt`",
            [CreateParameter.Seed] = "`seed` (integer)",
        };

        public VllmOmniDialect()
            : base(ServerKind.VllmOmni, "vLLM-Omni", 1, false, RequestEncoding.Multipart, AuthenticationStyle.Bearer, CoreOperations, Mp4Only)
        {
        }

        private protected override IReadOnlyDictionary<CreateParameter, string> Fields => VllmOmniFields;

        private protected override void WriteCreateFields(VideoCreateRequest request, RequestBody body)
        {
            WriteSpecFields(request, body);
            body.Field("negative_prompt", request.NegativePrompt).Field("seed", request.Seed);
        }
    }
}
