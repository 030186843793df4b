namespace OpenAIVideos
{
    /// <summary>
    /// The kind of server behind a connection. Each speaks the Videos API wire format in its own dialect; the engine's
    /// server profile for the kind decides encoding, authentication, paths and which operations exist.
    /// </summary>
    public enum ServerKind
    {
        /// <summary>Any server that follows OpenAI's spec as written (the built-in emulator's default flavor).</summary>
        Generic,

        /// <summary>OpenAI's own API (retired 2026-09-24).</summary>
        OpenAI,

        /// <summary>Azure OpenAI's v1 API (sora-2 retires 2026-10-15).</summary>
        Azure,

        /// <summary>The LiteLLM proxy.</summary>
        LiteLLM,

        /// <summary>vLLM-Omni's OpenAI-compatible server.</summary>
        VllmOmni,

        /// <summary>SGLang Diffusion's OpenAI-compatible server.</summary>
        SGLang,

        /// <summary>The Gemini API's OpenAI compatibility (Veo) at generativelanguage.googleapis.com.</summary>
        Gemini,

        /// <summary>OpenRouter's video generation API at openrouter.ai.</summary>
        OpenRouter,
    }
}
