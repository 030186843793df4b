using System;
using System.Collections.Generic;
using System.Linq;

namespace OpenAIVideos.Emulator.Faults
{
    /// <summary>
    /// Decides which requests get a fault: queued rules first (each used for its next N matches), then the seeded
    /// random mode. Thread-safe; decisions are taken under one lock so a seed reproduces the same sequence.
    /// </summary>
    public sealed class FaultInjector
    {
        private static readonly int[] RandomStatuses = { 429, 500, 502, 503 };

        private readonly object _gate = new object();
        private readonly List<PendingRule> _rules = new List<PendingRule>();
        private RandomMode? _random;

        /// <summary>Queues a rule; rules are tried in the order added.</summary>
        public void Add(FaultRule rule)
        {
            ArgumentNullException.ThrowIfNull(rule);
            if (rule.Count < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(rule), "A fault rule must apply to at least one request.");
            }

            lock (_gate)
            {
                _rules.Add(new PendingRule(rule, rule.Count));
            }
        }

        /// <summary>
        /// Faults roughly <paramref name="rate"/> of the requests to the given operations (all when none are given),
        /// choosing kinds from <paramref name="kinds"/>; the same seed and request order give the same faults.
        /// </summary>
        public void SetRandom(double rate, int seed, FaultKind[] kinds, params string[] operations)
        {
            ArgumentNullException.ThrowIfNull(kinds);
            if (rate < 0 || rate > 1 || kinds.Length == 0)
            {
                throw new ArgumentException("Rate must be within 0..1 and at least one kind given.");
            }

            lock (_gate)
            {
                _random = new RandomMode(rate, new Random(seed), kinds.ToArray(), new HashSet<string>(operations, StringComparer.OrdinalIgnoreCase));
            }
        }

        /// <summary>Removes every rule and the random mode.</summary>
        public void Clear()
        {
            lock (_gate)
            {
                _rules.Clear();
                _random = null;
            }
        }

        /// <summary>
        /// Raised on the request's thread when a fault is about to be applied (for a delay: as the wait begins), outside
        /// any lock. Tests use it to act while a request is known to be in flight, instead of sleeping and hoping.
        /// </summary>
        public event Action<FaultRule>? Injecting;

        internal void OnInjecting(FaultRule rule) => Injecting?.Invoke(rule);

        /// <summary>Rules not yet used up.</summary>
        public int PendingRules
        {
            get { lock (_gate) { return _rules.Count; } }
        }

        /// <summary>The fault for this request, or null. Using a rule counts it down.</summary>
        public FaultRule? Next(string method, string operation, string path)
        {
            lock (_gate)
            {
                PendingRule? pending = _rules.FirstOrDefault(candidate => candidate.Rule.Matches(method, operation, path));
                if (pending != null)
                {
                    pending.Remaining--;
                    if (pending.Remaining == 0)
                    {
                        _rules.Remove(pending);
                    }

                    return pending.Rule;
                }

                return _random?.Next(operation);
            }
        }

        private sealed class PendingRule
        {
            public PendingRule(FaultRule rule, int remaining)
            {
                Rule = rule;
                Remaining = remaining;
            }

            public FaultRule Rule { get; }
            public int Remaining { get; set; }
        }

        private sealed record RandomMode(double Rate, Random Random, FaultKind[] Kinds, HashSet<string> Operations)
        {
            public FaultRule? Next(string operation)
            {
                if ((Operations.Count > 0 && !Operations.Contains(operation)) || Random.NextDouble() >= Rate)
                {
                    return null;
                }

                FaultKind kind = Kinds[Random.Next(Kinds.Length)];
                return new FaultRule
                {
                    Kind = kind,
                    Status = kind == FaultKind.ErrorStatus ? RandomStatuses[Random.Next(RandomStatuses.Length)] : null,
                    DelayMs = 50,
                    BodyBytes = 16,
                };
            }
        }
    }
}
