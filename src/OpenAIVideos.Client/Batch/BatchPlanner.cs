using System;
using System.Collections.Generic;

namespace OpenAIVideos.Client.Batch
{
    /// <summary>
    /// Decides what a (re)run does for each item from what the journal says about it. The rules, in order:
    /// nothing journalled → create; refused or failed → report the failure again, or with -RetryFailed create anew;
    /// a create journalled without an answer → recover (find the video before creating again); a video whose every
    /// file is on disk with its journalled length → skip; any other video → resume (wait, then download what is missing).
    /// </summary>
    public static class BatchPlanner
    {
        /// <summary>The step for one item.</summary>
        /// <param name="item">The item.</param>
        /// <param name="history">The journal's history of its key, or null.</param>
        /// <param name="variants">The variants this run downloads.</param>
        /// <param name="retryFailed">Whether items whose job failed (or whose create was refused) are created again.</param>
        /// <param name="fileLength">The length of a file on disk, or null when there is none (the file system in production).</param>
        public static BatchPlanStep Plan(BatchItem item, BatchItemHistory? history, IReadOnlyList<VideoContentVariant> variants, bool retryFailed,
            Func<string, long?> fileLength)
        {
            if (item is null || variants is null || fileLength is null)
            {
                throw new ArgumentNullException(item is null ? nameof(item) : variants is null ? nameof(variants) : nameof(fileLength));
            }

            var none = Array.Empty<string>();
            if (history is null || history.IdempotencyKey is null)
            {
                return new BatchPlanStep(item, VideoBatchAction.Create, history, variants, none, "not in the journal: create");
            }

            if (history.HasFailed)
            {
                var what = history.Rejected ? "the server refused its create" : $"its video {history.VideoId} ended {history.FinishedStatus}";
                return retryFailed
                    ? new BatchPlanStep(item, VideoBatchAction.Create, history, variants, none, $"{what} ({history.ErrorId}); -RetryFailed: create again")
                    : new BatchPlanStep(item, VideoBatchAction.ReportFailure, history, Array.Empty<VideoContentVariant>(), none,
                        $"{what} ({history.ErrorId}); not created again without -RetryFailed");
            }

            if (history.CreateAnswerLost)
            {
                return new BatchPlanStep(item, VideoBatchAction.Recover, history, variants, none,
                    $"a create was sent at {history.CreateSentAt:u} but its answer was not recorded: look for its video before creating");
            }

            var missing = new List<VideoContentVariant>();
            var verified = new List<string>();
            foreach (var variant in variants)
            {
                if (history.Files.TryGetValue(variant.Name, out var file) && file.Path is not null && file.Bytes is { } bytes && fileLength(file.Path) == bytes)
                {
                    verified.Add(file.Path);
                }
                else
                {
                    missing.Add(variant);
                }
            }

            // Done as well as verified: a run killed between its last file and "done" is resumed (nothing to download),
            // so that the journal ends saying the item is done.
            if (missing.Count == 0 && history.Done && string.Equals(history.FinishedStatus, VideoStatus.Completed, StringComparison.OrdinalIgnoreCase))
            {
                return new BatchPlanStep(item, VideoBatchAction.Skip, history, missing, verified, $"video {history.VideoId} completed, files verified: skip");
            }

            var reason = history.FinishedStatus is null
                ? $"video {history.VideoId} was not finished when last seen: wait and download"
                : missing.Count == 0
                    ? $"video {history.VideoId} completed and its files are whole, but the run stopped before recording it done: record it"
                    : $"video {history.VideoId} completed; {missing.Count} file(s) missing or not whole: download again";
            return new BatchPlanStep(item, VideoBatchAction.Resume, history, missing, verified, reason);
        }

        /// <summary>The length of a file, or null when it does not exist.</summary>
        public static long? FileLengthOnDisk(string path)
        {
            var info = new System.IO.FileInfo(path);
            return info.Exists ? info.Length : (long?)null;
        }
    }
}
