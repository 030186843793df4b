namespace OpenAIVideos
{
    /// <summary>What a batch run did, or with -WhatIf would do, for one item, given what its journal says.</summary>
    public enum VideoBatchAction
    {
        /// <summary>Nothing was known of it: a video is created (billed).</summary>
        Create,

        /// <summary>A create was sent but its answer was lost: the video is looked for before anything is created again.</summary>
        Recover,

        /// <summary>It has a video id: waited for and downloaded, nothing created.</summary>
        Resume,

        /// <summary>Completed earlier with its files verified on disk: nothing is sent.</summary>
        Skip,

        /// <summary>It failed earlier and -RetryFailed was not given: its failure is reported again, nothing is sent.</summary>
        ReportFailure,
    }
}
