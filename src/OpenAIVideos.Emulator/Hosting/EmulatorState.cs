using System;
using OpenAIVideos.Emulator.Diagnostics;
using OpenAIVideos.Emulator.Dialects;
using OpenAIVideos.Emulator.Faults;
using OpenAIVideos.Emulator.Jobs;
using OpenAIVideos.Emulator.Storage;

namespace OpenAIVideos.Emulator.Hosting
{
    /// <summary>Everything one emulator instance holds, shared by its middleware and endpoints through DI.</summary>
    internal sealed class EmulatorState
    {
        public EmulatorState(EmulatorOptions options)
        {
            Options = options;
            Dialect = ServerDialect.For(options);
            RequestLog = new RequestLog(options.RequestLogCapacity, options.RequestLogBodyBytes);
            Storage = new StorageOrigin(this);
        }

        public EmulatorOptions Options { get; }

        /// <summary>The server the flavor imitates; every flavor-specific decision is asked of it.</summary>
        public ServerDialect Dialect { get; }
        public VideoJobStore Videos { get; } = new VideoJobStore();
        public CharacterStore Characters { get; } = new CharacterStore();
        public IdempotencyCache Idempotency { get; } = new IdempotencyCache();
        public FaultInjector Faults { get; } = new FaultInjector();
        public EmulatorStatistics Statistics { get; } = new EmulatorStatistics();
        public RequestLog RequestLog { get; }

        /// <summary>The second origin serving result URLs (started only for dialects that hand out such URLs).</summary>
        public StorageOrigin Storage { get; }

        public DateTimeOffset Now => Options.TimeProvider.GetUtcNow();

        public JobState StateOf(VideoJob job) => JobLifecycle.Evaluate(job, Now, Options.JobDuration);
    }
}
