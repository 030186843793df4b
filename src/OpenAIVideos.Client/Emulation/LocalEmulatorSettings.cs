namespace OpenAIVideos.Client.Emulation
{
    /// <summary>What Start-VideoEmulator asks for; unset values keep the emulator's own defaults.</summary>
    public sealed class LocalEmulatorSettings
    {
        /// <summary>The loopback port; 0 takes a free one.</summary>
        public int Port { get; set; }

        /// <summary>The flavor's name (<c>openai</c>, <c>vllm-omni</c>, …); the emulator parses it.</summary>
        public string Flavor { get; set; } = "openai";

        /// <summary>Seconds from create to completed; null keeps the emulator's 10.</summary>
        public double? JobSeconds { get; set; }

        /// <summary>The only key accepted; null accepts any non-empty key.</summary>
        public ApiKeySecret? ApiKey { get; set; }

        /// <summary>Accept requests without a key.</summary>
        public bool NoAuthentication { get; set; }

        /// <summary>Unfinished videos one key may have before a create answers 429; null keeps the flavor's limit.</summary>
        public int? MaxRunningJobs { get; set; }

        /// <summary>The model a vLLM-Omni server runs; null keeps the emulator's default.</summary>
        public string? ServedModel { get; set; }
    }
}
