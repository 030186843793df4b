namespace OpenAIVideos.Client
{
    /// <summary>
    /// One parameter of the shared vocabulary for a new video (New-Video's parameters and Invoke-VideoBatch's input
    /// columns, by the same names). Each server's dialect sends it in its own field and type, or refuses it up front.
    /// </summary>
    public enum CreateParameter
    {
        /// <summary><c>-Seconds</c>: the duration.</summary>
        Seconds,

        /// <summary><c>-Size</c>: <c>WIDTHxHEIGHT</c>.</summary>
        Size,

        /// <summary><c>-AspectRatio</c>: <c>16:9</c>, <c>9:16</c>, ….</summary>
        AspectRatio,

        /// <summary><c>-Resolution</c>: <c>720p</c>, <c>1080p</c>, ….</summary>
        Resolution,

        /// <summary><c>-NegativePrompt</c>: what the video should not show.</summary>
        NegativePrompt,

        /// <summary><c>-Seed</c>: for repeatable results.</summary>
        Seed,

        /// <summary><c>-Audio</c>: generate an audio track.</summary>
        Audio,

        /// <summary><c>-InputReference</c>: the first frame.</summary>
        InputReference,

        /// <summary><c>-LastFrame</c>: the last frame.</summary>
        LastFrame,

        /// <summary><c>-ReferenceImage</c>: up to three images of a subject or style to keep.</summary>
        ReferenceImage,

        /// <summary><c>-Character</c>: characters made with New-VideoCharacter.</summary>
        Character,
    }
}
