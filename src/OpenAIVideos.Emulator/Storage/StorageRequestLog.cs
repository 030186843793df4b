using System.Collections.Generic;
using System.Linq;

namespace OpenAIVideos.Emulator.Storage
{
    /// <summary>Every request the storage origin received, oldest first (unbounded: a test sees all of them).</summary>
    public sealed class StorageRequestLog
    {
        private readonly object _gate = new object();
        private readonly List<StorageRequest> _entries = new List<StorageRequest>();

        /// <summary>The recorded requests, oldest first.</summary>
        public IReadOnlyList<StorageRequest> Entries
        {
            get { lock (_gate) { return _entries.ToList(); } }
        }

        /// <summary>Forgets every entry.</summary>
        public void Clear()
        {
            lock (_gate)
            {
                _entries.Clear();
            }
        }

        internal void Add(StorageRequest request)
        {
            lock (_gate)
            {
                _entries.Add(request);
            }
        }
    }
}
