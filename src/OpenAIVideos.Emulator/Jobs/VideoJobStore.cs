using System;
using System.Collections.Generic;
using System.Linq;

namespace OpenAIVideos.Emulator.Jobs
{
    /// <summary>
    /// Every video the emulator knows, in creation order. Deleted ids keep their position so a list cursor that
    /// names a since-deleted video still works.
    /// </summary>
    internal sealed class VideoJobStore
    {
        private readonly object _gate = new object();
        private readonly Dictionary<string, VideoJob> _jobs = new Dictionary<string, VideoJob>(StringComparer.Ordinal);
        private readonly Dictionary<string, long> _positions = new Dictionary<string, long>(StringComparer.Ordinal);
        private long _nextSequence;

        public VideoJob Add(Func<long, VideoJob> create)
        {
            lock (_gate)
            {
                VideoJob job = create(_nextSequence++);
                _jobs.Add(job.Id, job);
                _positions.Add(job.Id, job.Sequence);
                return job;
            }
        }

        public VideoJob? Find(string id)
        {
            lock (_gate)
            {
                return _jobs.TryGetValue(id, out VideoJob? job) ? job : null;
            }
        }

        public bool Remove(string id)
        {
            lock (_gate)
            {
                return _jobs.Remove(id);
            }
        }

        /// <summary>Every stored job, in creation order.</summary>
        public IReadOnlyList<VideoJob> Snapshot()
        {
            lock (_gate)
            {
                return _jobs.Values.OrderBy(job => job.Sequence).ToList();
            }
        }

        public int Count
        {
            get { lock (_gate) { return _jobs.Count; } }
        }

        /// <summary>Position of an id ever created, for cursors; null when the id never existed.</summary>
        public long? PositionOf(string id)
        {
            lock (_gate)
            {
                return _positions.TryGetValue(id, out long position) ? position : null;
            }
        }

        /// <summary>
        /// One page: jobs strictly after the cursor position in the given order, plus whether more follow.
        /// </summary>
        public (IReadOnlyList<VideoJob> Page, bool HasMore) Page(bool descending, long? afterPosition, int limit)
        {
            lock (_gate)
            {
                IEnumerable<VideoJob> ordered = descending
                    ? _jobs.Values.OrderByDescending(job => job.Sequence)
                    : _jobs.Values.OrderBy(job => job.Sequence);
                if (afterPosition is long after)
                {
                    ordered = ordered.Where(job => descending ? job.Sequence < after : job.Sequence > after);
                }

                List<VideoJob> window = ordered.Take(limit + 1).ToList();
                bool hasMore = window.Count > limit;
                return (window.Take(limit).ToList(), hasMore);
            }
        }
    }
}
