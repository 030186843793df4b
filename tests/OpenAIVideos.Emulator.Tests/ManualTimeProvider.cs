using System;

namespace OpenAIVideos.Emulator.Tests
{
    /// <summary>A clock the test moves by hand, so lifecycle tests never sleep.</summary>
    internal sealed class ManualTimeProvider : TimeProvider
    {
        private readonly object _gate = new object();
        private DateTimeOffset _now = new DateTimeOffset(2026, 9, 1, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow()
        {
            lock (_gate) { return _now; }
        }

        public void Advance(TimeSpan by)
        {
            lock (_gate) { _now += by; }
        }
    }
}
