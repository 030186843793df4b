#if NET8_0_OR_GREATER
using System;
using System.Collections.Generic;
using System.Linq;
using OpenAIVideos.Emulator;
using OpenAIVideos.Emulator.Faults;

namespace OpenAIVideos.Client.Emulation
{
    /// <summary>
    /// A <see cref="VideoApiEmulator"/> (the same one the standalone server and the test suites run) started in this
    /// process. Only this file names the emulator's types, so its assembly loads when an emulator starts, not before.
    /// </summary>
    internal sealed class HostedEmulator : IRunningEmulator
    {
        private readonly VideoApiEmulator _emulator;

        private HostedEmulator(VideoApiEmulator emulator) => _emulator = emulator;

        public Uri BaseUri => _emulator.BaseUri;

        public int Port => _emulator.RootUri.Port;

        public string Flavor => _emulator.FlavorName;

        public ServerKind Server => ServerFor(_emulator.Options.Flavor);

        public bool RequiresApiKey => _emulator.Options.RequireAuthentication;

        public double JobSeconds => _emulator.Options.JobDuration.TotalSeconds;

        public int Videos => _emulator.StoredVideos;

        public long Requests => _emulator.Statistics.TotalRequests;

        public long FaultsInjected => _emulator.Statistics.FaultsInjected.Values.Sum();

        public static HostedEmulator Start(LocalEmulatorSettings settings)
        {
            var options = new EmulatorOptions
            {
                Flavor = EmulatorFlavors.Parse(settings.Flavor),
                RequireAuthentication = !settings.NoAuthentication,
                ApiKey = settings.ApiKey?.Reveal(),
                MaxRunningJobsPerKey = settings.MaxRunningJobs,
                ServedModel = settings.ServedModel,
            };
            if (settings.JobSeconds is double seconds)
            {
                options.JobDuration = TimeSpan.FromSeconds(seconds);
            }

            return new HostedEmulator(VideoApiEmulator.StartAsync(options, settings.Port).GetAwaiter().GetResult());
        }

        public static IReadOnlyList<string> FlavorNames() => EmulatorFlavors.Names;

        public static IReadOnlyList<string> FaultKindNames() => Enum.GetNames<FaultKind>();

        public void AddFault(LocalEmulatorFault fault)
        {
            if (!Enum.TryParse(fault.Kind.Replace("_", string.Empty, StringComparison.Ordinal), ignoreCase: true, out FaultKind kind)
                || !Enum.IsDefined(kind))
            {
                throw new ArgumentException($"Unknown fault kind '{fault.Kind}'. Known kinds: {string.Join(", ", FaultKindNames())}.");
            }

            if (fault.Count < 1)
            {
                throw new ArgumentException("A fault applies to at least one request (-Count 1 or more).");
            }

            _emulator.Faults.Add(new FaultRule
            {
                Kind = kind,
                Operation = fault.Operation,
                Method = fault.Method,
                PathPrefix = fault.PathPrefix,
                Count = fault.Count,
                Status = fault.Status,
                ErrorMessage = fault.ErrorMessage,
                ErrorCode = fault.ErrorCode,
                RetryAfter = fault.RetryAfter,
                DelayMs = fault.DelayMs,
                BodyBytes = fault.BodyBytes,
            });
        }

        public void Stop() => _emulator.DisposeAsync().AsTask().GetAwaiter().GetResult();

        /// <summary>The dialect the module speaks to a flavor: the flavors imitate exactly the servers of these names.</summary>
        private static ServerKind ServerFor(EmulatorFlavor flavor) => flavor switch
        {
            EmulatorFlavor.VllmOmni => ServerKind.VllmOmni,
            EmulatorFlavor.SGLang => ServerKind.SGLang,
            EmulatorFlavor.LiteLLM => ServerKind.LiteLLM,
            EmulatorFlavor.Azure => ServerKind.Azure,
            EmulatorFlavor.Gemini => ServerKind.Gemini,
            EmulatorFlavor.OpenRouter => ServerKind.OpenRouter,
            _ => ServerKind.Generic,
        };
    }
}
#endif
