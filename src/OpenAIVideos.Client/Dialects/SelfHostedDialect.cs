using System.Collections.Generic;
using OpenAIVideos.Client.Serialization;

namespace OpenAIVideos.Client
{
    /// <summary>
    /// What the self-hosted OpenAI-compatible servers (vLLM-Omni, SGLang Diffusion) share: the spec's duration, size
    /// and first frame, plus their own <c>negative_prompt</c> and <c>seed</c>; no characters, remix, extensions or
    /// edits; the MP4 whatever variant is asked; one job at a time. Each server's file says where it differs.
    /// </summary>
    internal abstract class SelfHostedDialect : ServerProfile
    {
        private readonly IReadOnlyDictionary<CreateParameter, string> _fields;

        private protected SelfHostedDialect(ServerKind kind, string displayName, RequestEncoding encoding, string secondsField, string referenceField)
            : base(kind, displayName, 1, false, encoding, AuthenticationStyle.Bearer, CoreOperations, Mp4Only)
        {
            _fields = new Dictionary<CreateParameter, string>
            {
                [CreateParameter.Seconds] = secondsField,
                [CreateParameter.Size] = "`size`",
                [CreateParameter.InputReference] = referenceField,
                [CreateParameter.NegativePrompt] = "`negative_prompt`",
                [CreateParameter.Seed] = "`seed` (integer)",
            };
        }

        private protected override IReadOnlyDictionary<CreateParameter, string> Fields => _fields;

        private protected override void WriteCreateFields(VideoCreateRequest request, RequestBody body)
        {
            WriteSpecFields(request, body);
            body.Field("negative_prompt", request.NegativePrompt).Field("seed", request.Seed);
        }
    }
}
