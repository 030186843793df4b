using System.Collections.Generic;
using System.Linq;
using OpenAIVideos.Emulator.Jobs;

namespace OpenAIVideos.Emulator.Dialects.FastApi
{
    /// <summary>
    /// The order the Python servers list in: <c>jobs.sort(key=created_at, reverse=desc)</c> over the store's insertion
    /// order. <c>created_at</c> has whole seconds and Python's sort stays stable when reversed, so videos made in the same
    /// second keep their creation order in both directions (a newest-first list is not strictly newest first).
    /// </summary>
    internal static class CreationOrder
    {
        public static List<VideoJob> Sort(IEnumerable<VideoJob> jobs, bool descending)
        {
            IOrderedEnumerable<VideoJob> bySecond = descending
                ? jobs.OrderByDescending(job => job.CreatedAt.ToUnixTimeSeconds())
                : jobs.OrderBy(job => job.CreatedAt.ToUnixTimeSeconds());
            return bySecond.ThenBy(job => job.Sequence).ToList();
        }

        /// <summary>The jobs after the one with <paramref name="afterId"/>; none when no job has that id (both servers answer an empty page).</summary>
        public static List<VideoJob> After(List<VideoJob> sorted, string afterId)
        {
            int index = sorted.FindIndex(job => job.Id == afterId);
            return index < 0 ? new List<VideoJob>() : sorted.Skip(index + 1).ToList();
        }
    }
}
