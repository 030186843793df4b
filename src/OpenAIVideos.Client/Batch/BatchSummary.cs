using System;
using System.Collections.Generic;

namespace OpenAIVideos.Client.Batch
{
    /// <summary>Adds up a run's results.</summary>
    public static class BatchSummary
    {
        /// <summary>The summary of <paramref name="results"/>.</summary>
        public static VideoBatchSummary Of(IEnumerable<VideoBatchResult> results, TimeSpan elapsed, string? journal)
        {
            var summary = new VideoBatchSummary { Elapsed = elapsed, Journal = journal };
            foreach (var result in results)
            {
                summary.Total++;
                summary.CreatesSent += result.CreatesSent;
                summary.EstimatedCost += result.EstimatedCost ?? 0m;
                if (result.Cost is { } charged)
                {
                    summary.Cost = (summary.Cost ?? 0m) + charged;
                }

                switch (result.Status)
                {
                    case VideoBatchItemStatus.Completed:
                        summary.Completed++;
                        summary.Skipped += result.Action == VideoBatchAction.Skip ? 1 : 0;
                        summary.Recovered += result.Action == VideoBatchAction.Recover ? 1 : 0;
                        summary.SecondsOfVideo += result.Seconds ?? 0;
                        break;
                    case VideoBatchItemStatus.Stopped:
                        summary.Stopped++;
                        break;
                    default:
                        summary.Failed++;
                        var id = result.ErrorId ?? "Unknown";
                        summary.FailuresByErrorId.TryGetValue(id, out var count);
                        summary.FailuresByErrorId[id] = count + 1;
                        break;
                }
            }

            return summary;
        }
    }
}
