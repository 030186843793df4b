namespace OpenAIVideos.Client
{
    /// <summary>How waiting on one job ended, when many are waited on together.</summary>
    public sealed class VideoWaitOutcome
    {
        internal VideoWaitOutcome(string videoId, Video? video, VideoApiException? error)
        {
            VideoId = videoId;
            Video = video;
            Error = error;
        }

        /// <summary>The id that was waited on.</summary>
        public string VideoId { get; }

        /// <summary>The video as last seen: terminal unless <see cref="Error"/> says otherwise.</summary>
        public Video? Video { get; }

        /// <summary>
        /// Why the wait did not end in success: the job failed (<see cref="VideoErrorIds.VideoFailed"/>), timed out
        /// (<see cref="VideoErrorIds.WaitTimedOut"/>), or could not be polled (e.g. <see cref="VideoErrorIds.VideoNotFound"/>).
        /// Null when the video completed.
        /// </summary>
        public VideoApiException? Error { get; }

        /// <summary>True when the job completed.</summary>
        public bool Succeeded => Error is null;
    }
}
