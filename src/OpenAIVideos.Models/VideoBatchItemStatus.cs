namespace OpenAIVideos
{
    /// <summary>How one item of a batch run (Invoke-VideoBatch) ended.</summary>
    public enum VideoBatchItemStatus
    {
        /// <summary>Its video is completed and every file asked for is on disk and whole.</summary>
        Completed,

        /// <summary>It did not end completed: the job failed, the server refused the create, or a request kept failing.</summary>
        Failed,

        /// <summary>The row itself was unusable (no prompt, a bad input reference); nothing was sent.</summary>
        Invalid,

        /// <summary>The run stopped (Ctrl+C) before the item finished; the next run picks it up.</summary>
        Stopped,
    }
}
