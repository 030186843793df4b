namespace OpenAIVideos.Client.Batch
{
    /// <summary>The stable error ids a batch run adds to <see cref="VideoErrorIds"/>.</summary>
    public static class BatchErrorIds
    {
        /// <summary>An input row cannot become a video (no prompt, a bad input reference); the run goes on without it.</summary>
        public const string InvalidBatchItem = "InvalidBatchItem";

        /// <summary>The journal cannot be opened or written; the run stops before sending anything unrecorded.</summary>
        public const string JournalUnavailable = "JournalUnavailable";
    }
}
