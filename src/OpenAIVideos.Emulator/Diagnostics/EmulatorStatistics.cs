using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using OpenAIVideos.Emulator.Faults;

namespace OpenAIVideos.Emulator.Diagnostics
{
    /// <summary>Thread-safe counters of what the emulator served, for assertions and benchmarks.</summary>
    public sealed class EmulatorStatistics
    {
        private readonly ConcurrentDictionary<string, long> _byOperation = new ConcurrentDictionary<string, long>();
        private readonly ConcurrentDictionary<FaultKind, long> _faults = new ConcurrentDictionary<FaultKind, long>();
        private long _totalRequests;
        private long _videosCreated;
        private long _contentBytesServed;
        private long _idempotentReplays;
        private long _connectionsAccepted;

        /// <summary>Every request received, admin routes included.</summary>
        public long TotalRequests => Interlocked.Read(ref _totalRequests);

        /// <summary>Videos created by create, remix, extend and edit (replays excluded).</summary>
        public long VideosCreated => Interlocked.Read(ref _videosCreated);

        /// <summary>Bytes of downloaded content written to clients.</summary>
        public long ContentBytesServed => Interlocked.Read(ref _contentBytesServed);

        /// <summary>POSTs answered from the idempotency cache instead of creating again.</summary>
        public long IdempotentReplays => Interlocked.Read(ref _idempotentReplays);

        /// <summary>TCP connections accepted: fewer than requests when clients keep their connections alive and reuse them.</summary>
        public long ConnectionsAccepted => Interlocked.Read(ref _connectionsAccepted);

        /// <summary>Requests per operation name (create, list, retrieve, …; <c>admin</c> and <c>unknown</c> too).</summary>
        public IReadOnlyDictionary<string, long> RequestsByOperation => _byOperation.ToDictionary(pair => pair.Key, pair => pair.Value);

        /// <summary>Faults injected, per kind.</summary>
        public IReadOnlyDictionary<FaultKind, long> FaultsInjected => _faults.ToDictionary(pair => pair.Key, pair => pair.Value);

        /// <summary>Requests of one operation so far.</summary>
        public long RequestsFor(string operation) => _byOperation.TryGetValue(operation, out long count) ? count : 0;

        /// <summary>Faults of one kind so far.</summary>
        public long FaultsOf(FaultKind kind) => _faults.TryGetValue(kind, out long count) ? count : 0;

        internal void RecordRequest(string operation)
        {
            Interlocked.Increment(ref _totalRequests);
            _byOperation.AddOrUpdate(operation, 1, (_, count) => count + 1);
        }

        internal void RecordConnection() => Interlocked.Increment(ref _connectionsAccepted);

        internal void RecordVideoCreated() => Interlocked.Increment(ref _videosCreated);

        internal void RecordContentBytes(long bytes) => Interlocked.Add(ref _contentBytesServed, bytes);

        internal void RecordIdempotentReplay() => Interlocked.Increment(ref _idempotentReplays);

        internal void RecordFault(FaultKind kind) => _faults.AddOrUpdate(kind, 1, (_, count) => count + 1);
    }
}
