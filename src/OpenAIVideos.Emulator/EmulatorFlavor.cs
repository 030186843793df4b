namespace OpenAIVideos.Emulator
{
    /// <summary>Which kind of server the emulator imitates.</summary>
    public enum EmulatorFlavor
    {
        /// <summary>Strict like api.openai.com: unknown request fields and unknown models are rejected.</summary>
        OpenAI,

        /// <summary>
        /// Like a gateway (LiteLLM, Azure, self-hosted): extra fields and unknown models pass, every video carries
        /// <c>"quality": "standard"</c>, and the running state is reported as <c>processing</c>.
        /// </summary>
        Gateway,
    }
}
