namespace OpenAIVideos.Client
{
    /// <summary>One operation of the Videos API, as a server profile lists what it serves.</summary>
    public enum VideoOperation
    {
        /// <summary><c>POST /videos</c>.</summary>
        Create,

        /// <summary><c>GET /videos</c>.</summary>
        List,

        /// <summary><c>GET /videos/{id}</c>.</summary>
        Retrieve,

        /// <summary><c>DELETE /videos/{id}</c>.</summary>
        Delete,

        /// <summary><c>GET /videos/{id}/content</c>.</summary>
        Content,

        /// <summary><c>POST /videos/{id}/remix</c>.</summary>
        Remix,

        /// <summary><c>POST /videos/extensions</c>.</summary>
        Extend,

        /// <summary><c>POST /videos/edits</c>.</summary>
        Edit,

        /// <summary><c>POST /videos/characters</c>.</summary>
        CreateCharacter,

        /// <summary><c>GET /videos/characters/{id}</c>.</summary>
        RetrieveCharacter,
    }
}
