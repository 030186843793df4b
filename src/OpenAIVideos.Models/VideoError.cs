namespace OpenAIVideos
{
    /// <summary>Why a video job failed, as the API reports it in the video's <c>error</c> field.</summary>
    public sealed class VideoError
    {
        /// <summary>Machine-readable code, e.g. <c>moderation_blocked</c>.</summary>
        public string Code { get; set; } = string.Empty;

        /// <summary>Human-readable explanation.</summary>
        public string Message { get; set; } = string.Empty;

        /// <summary>The code and message together.</summary>
        public override string ToString() => string.IsNullOrEmpty(Code) ? Message : Code + ": " + Message;
    }
}
