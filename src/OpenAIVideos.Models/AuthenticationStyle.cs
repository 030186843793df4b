namespace OpenAIVideos
{
    /// <summary>How the key is presented to the server.</summary>
    public enum AuthenticationStyle
    {
        /// <summary><c>Authorization: Bearer KEY</c>: OpenAI, LiteLLM, vLLM-Omni, SGLang, Azure with an Entra token.</summary>
        Bearer,

        /// <summary><c>api-key: KEY</c>: Azure OpenAI resource keys.</summary>
        ApiKeyHeader,

        /// <summary><c>x-litellm-api-key: KEY</c>: LiteLLM's own header, for proxies that keep <c>Authorization</c> for something else.</summary>
        LiteLLMKeyHeader,

        /// <summary>No credentials: a local server started without authentication.</summary>
        None,
    }
}
