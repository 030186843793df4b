namespace OpenAIVideos.Emulator
{
    /// <summary>
    /// Which kind of server the emulator imitates. Each flavor is a dialect: its routes, request encodings, error
    /// shapes and answers follow that server's public source (see the emulator README, one section per flavor).
    /// </summary>
    public enum EmulatorFlavor
    {
        /// <summary>Strict like api.openai.com: unknown request fields and unknown models are rejected.</summary>
        OpenAI,

        /// <summary>
        /// A generic lenient gateway: extra fields and unknown models pass, every video carries
        /// <c>"quality": "standard"</c>, and the running state is reported as <c>processing</c>.
        /// </summary>
        Gateway,

        /// <summary>
        /// vLLM-Omni (FastAPI): multipart-only create, one served model, vLLM's <c>{"error": {…, "code": 400}}</c>
        /// envelope with an integer code, no remix, extensions, edits or characters.
        /// </summary>
        VllmOmni,

        /// <summary>
        /// SGLang Diffusion (FastAPI): JSON or multipart create (multipart needs an <c>input_reference</c> file), errors as
        /// <c>{"detail": …}</c>, status <c>queued</c> until finished, list without cursors, delete answering the video.
        /// </summary>
        SGLang,

        /// <summary>
        /// LiteLLM proxy in front of OpenAI: ids rewritten to encode provider and model, videos owned by the key that
        /// made them, listing needs <c>custom_llm_provider</c>, keys in <c>Authorization</c> or <c>x-litellm-api-key</c>.
        /// </summary>
        LiteLLM,

        /// <summary>
        /// Azure OpenAI v1: routes under <c>/openai/v1</c>, <c>api-key</c> header, <c>api-version</c> checked, sora-2 sizes
        /// only, and a 429 beyond two running jobs per key.
        /// </summary>
        Azure,

        /// <summary>
        /// The Gemini API's OpenAI compatibility layer (Veo): routes under <c>/v1beta/openai</c>, create and retrieve only,
        /// <c>model</c> and <c>prompt</c> plus extra fields such as <c>duration_seconds</c>, <c>processing</c> while running,
        /// the result at <c>url</c> on a second origin, Google's error body.
        /// </summary>
        Gemini,

        /// <summary>
        /// OpenRouter's Video Generation API: routes under <c>/api/v1</c>, JSON create answered 202 with a
        /// <c>polling_url</c>, statuses pending, in_progress, completed, failed, cancelled and expired, <c>usage.cost</c>,
        /// results as <c>unsigned_urls</c> (the content route) and <c>urls</c> (a second origin), <c>/videos/models</c>
        /// with each model's accepted values and prices; no list, delete or remix.
        /// </summary>
        OpenRouter,
    }
}
