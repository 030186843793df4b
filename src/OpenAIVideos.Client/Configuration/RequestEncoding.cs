namespace OpenAIVideos.Client
{
    /// <summary>How a server wants request bodies encoded.</summary>
    public enum RequestEncoding
    {
        /// <summary>JSON, or multipart/form-data when a file is uploaded (OpenAI's spec; SGLang, whose older versions
        /// reject a multipart create without a file).</summary>
        JsonUnlessFile,

        /// <summary>multipart/form-data always, nested values as JSON text in one form field (vLLM-Omni).</summary>
        Multipart,
    }
}
