using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAIVideos.Emulator.Jobs
{
    /// <summary>
    /// Remembers which resource a POST with an <c>Idempotency-Key</c> created, so a retried POST gets the original
    /// back instead of paying for a second generation (the Stripe convention; some OpenAI SDK versions send the header).
    /// </summary>
    internal sealed class IdempotencyCache
    {
        private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);
        private readonly Dictionary<string, string> _created = new Dictionary<string, string>(StringComparer.Ordinal);

        /// <summary>
        /// Returns the id created earlier for <paramref name="scope"/>, or runs <paramref name="create"/> and remembers
        /// its id. Serialised so two concurrent retries cannot both create. Failed creates are not remembered.
        /// </summary>
        public async Task<(string Id, bool Replayed)> GetOrCreateAsync(string scope, Func<Task<string>> create)
        {
            await _gate.WaitAsync();
            try
            {
                if (_created.TryGetValue(scope, out string? existing))
                {
                    return (existing, true);
                }

                string id = await create();
                _created.Add(scope, id);
                return (id, false);
            }
            finally
            {
                _gate.Release();
            }
        }
    }
}
