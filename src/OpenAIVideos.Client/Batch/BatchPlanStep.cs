using System.Collections.Generic;

namespace OpenAIVideos.Client.Batch
{
    /// <summary>What a run does for one item, and why.</summary>
    public sealed class BatchPlanStep
    {
        internal BatchPlanStep(BatchItem item, VideoBatchAction action, BatchItemHistory? history, IReadOnlyList<VideoContentVariant> missing,
            IReadOnlyList<string> verifiedFiles, string reason)
        {
            Item = item;
            Action = action;
            History = history;
            MissingVariants = missing;
            VerifiedFiles = verifiedFiles;
            Reason = reason;
        }

        /// <summary>The item.</summary>
        public BatchItem Item { get; }

        /// <summary>What is done.</summary>
        public VideoBatchAction Action { get; }

        /// <summary>What the journal said about the item, if anything.</summary>
        public BatchItemHistory? History { get; }

        /// <summary>The video the journal knows for the item (for <see cref="VideoBatchAction.Resume"/> and skips).</summary>
        public string? VideoId => Action == VideoBatchAction.Create ? null : History?.VideoId;

        /// <summary>Variants still to download once the video is completed.</summary>
        public IReadOnlyList<VideoContentVariant> MissingVariants { get; }

        /// <summary>Files the journal lists that are on disk with their journalled length.</summary>
        public IReadOnlyList<string> VerifiedFiles { get; }

        /// <summary>Why, in words (for -WhatIf and verbose output).</summary>
        public string Reason { get; }

        /// <summary>Whether the step may send a billed create (a recovery may, when the video is not found).</summary>
        public bool MayCreate => Action is VideoBatchAction.Create or VideoBatchAction.Recover;
    }
}
