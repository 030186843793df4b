using System;
using System.Net;

namespace OpenAIVideos.Emulator
{
    /// <summary>How the emulator behaves. Set before start; the host reads the values while serving.</summary>
    public sealed class EmulatorOptions
    {
        /// <summary>The served model of the vLLM-Omni flavor when <see cref="ServedModel"/> is not set.</summary>
        public const string DefaultServedModel = "Wan-AI/Wan2.1-T2V-1.3B-Diffusers";

        /// <summary>
        /// Whether every request must carry an API key in a header the flavor reads (<c>Authorization: Bearer</c> or
        /// <c>api-key</c>; LiteLLM also <c>x-litellm-api-key</c>).
        /// </summary>
        public bool RequireAuthentication { get; set; } = true;

        /// <summary>The only key accepted; null accepts any non-empty key.</summary>
        public string? ApiKey { get; set; }

        /// <summary>Time from create to completion. The first 10 % is <c>queued</c>, the rest <c>in_progress</c>.</summary>
        public TimeSpan JobDuration { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>Value of the <c>openai-poll-after-ms</c> header on retrieves of unfinished videos; null sends none.</summary>
        public int? PollAfterMs { get; set; }

        /// <summary>Which server's dialect to speak: OpenAI (strict), a lenient gateway, vLLM-Omni, SGLang, LiteLLM, Azure, Gemini or OpenRouter.</summary>
        public EmulatorFlavor Flavor { get; set; } = EmulatorFlavor.OpenAI;

        /// <summary>
        /// The one model a vLLM-Omni server runs (<c>vllm serve MODEL</c>); a create naming another model is a 400
        /// "Model mismatch". Null means <see cref="DefaultServedModel"/>. Other flavors ignore it.
        /// </summary>
        public string? ServedModel { get; set; }

        /// <summary>
        /// How many unfinished videos one key may have before a create answers 429 with <c>Retry-After</c>. Null uses
        /// the flavor's own limit: 2 for Azure (reported by users, not confirmed), none for the others.
        /// </summary>
        public int? MaxRunningJobsPerKey { get; set; }

        /// <summary>Largest request body accepted; larger bodies get 413 in the API's error envelope.</summary>
        public long MaxRequestBodyBytes { get; set; } = 32L * 1024 * 1024;

        /// <summary>Largest single uploaded file part; larger parts get 413.</summary>
        public long MaxUploadBytes { get; set; } = 20L * 1024 * 1024;

        /// <summary>The clock every lifecycle decision reads; tests pass their own to move time by hand.</summary>
        public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

        /// <summary>Address the in-process host listens on. Loopback unless set explicitly, so nothing is exposed by accident.</summary>
        public IPAddress BindAddress { get; set; } = IPAddress.Loopback;

        /// <summary>
        /// Port of the storage origin that serves result URLs (Gemini's <c>url</c>, OpenRouter's <c>urls</c>) on
        /// <see cref="BindAddress"/>; null picks a free port.
        /// </summary>
        public int? StoragePort { get; set; }

        /// <summary>Page size of <c>GET /videos</c> when the request gives no <c>limit</c>.</summary>
        public int DefaultPageSize { get; set; } = 20;

        /// <summary>How many requests the <see cref="Diagnostics.RequestLog"/> keeps (oldest dropped first).</summary>
        public int RequestLogCapacity { get; set; } = 1000;

        /// <summary>How many bytes of each request body the request log keeps.</summary>
        public int RequestLogBodyBytes { get; set; } = 64 * 1024;
    }
}
