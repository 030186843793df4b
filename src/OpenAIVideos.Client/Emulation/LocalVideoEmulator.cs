using System;

namespace OpenAIVideos.Client.Emulation
{
    /// <summary>
    /// An emulator of the Videos API running inside this PowerShell session (Start-VideoEmulator). Its counters are read
    /// when shown, so <c>Get-VideoEmulator</c> always says how many videos and requests it holds now. The key it accepts
    /// is kept for Connect-OpenAIVideo and never shown.
    /// </summary>
    public sealed class LocalVideoEmulator
    {
        private readonly IRunningEmulator _instance;

        internal LocalVideoEmulator(IRunningEmulator instance, ApiKeySecret? apiKey, DateTimeOffset startedAt)
        {
            _instance = instance;
            ApiKey = apiKey;
            StartedAt = startedAt;
        }

        /// <summary>The loopback port it listens on.</summary>
        public int Port => _instance.Port;

        /// <summary>The API root to connect to, e.g. <c>http://127.0.0.1:PORT/v1/</c>.</summary>
        public Uri BaseUri => _instance.BaseUri;

        /// <summary>The server it imitates (<c>openai</c>, <c>vllm-omni</c>, …).</summary>
        public string Flavor => _instance.Flavor;

        /// <summary>The dialect the module speaks to it.</summary>
        public ServerKind Server => _instance.Server;

        /// <summary>Whether requests need a key.</summary>
        public bool RequiresApiKey => _instance.RequiresApiKey;

        /// <summary>Seconds from create to completed.</summary>
        public double JobSeconds => _instance.JobSeconds;

        /// <summary>Videos it holds now.</summary>
        public int Videos => _instance.Videos;

        /// <summary>Requests it has served.</summary>
        public long Requests => _instance.Requests;

        /// <summary>Faults it has injected.</summary>
        public long FaultsInjected => _instance.FaultsInjected;

        /// <summary>When it started.</summary>
        public DateTimeOffset StartedAt { get; }

        /// <summary>False once stopped.</summary>
        public bool Running { get; private set; } = true;

        private ApiKeySecret? ApiKey { get; }

        /// <summary>
        /// The key a connection to it sends: the one it accepts, or null when it accepts any. A method, not a property,
        /// so that showing the emulator never shows even the key's mask.
        /// </summary>
        public ApiKeySecret? KeyForConnection() => ApiKey;

        /// <summary>Queues a fault for the next matching requests.</summary>
        /// <exception cref="ArgumentException">An unknown kind, or a count below 1.</exception>
        public void AddFault(LocalEmulatorFault fault)
        {
            if (fault is null)
            {
                throw new ArgumentNullException(nameof(fault));
            }

            _instance.AddFault(fault);
        }

        internal void Stop()
        {
            Running = false;
            _instance.Stop();
        }

        /// <summary>The API root, as it reads in a string.</summary>
        public override string ToString() => BaseUri.ToString();
    }
}
