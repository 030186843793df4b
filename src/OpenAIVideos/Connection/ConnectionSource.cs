namespace OpenAIVideos.Commands
{
    /// <summary>Where the base of an effective connection came from.</summary>
    public enum ConnectionSource
    {
        /// <summary>The environment (<c>OPENAI_API_KEY</c>, <c>OPENAI_BASE_URL</c>, ...) or the built-in defaults.</summary>
        Environment,

        /// <summary>The session default set by <c>Connect-OpenAIVideo</c>.</summary>
        Session,
    }
}
