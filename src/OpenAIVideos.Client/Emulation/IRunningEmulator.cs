using System;

namespace OpenAIVideos.Client.Emulation
{
    /// <summary>
    /// An emulator started in this process. Only HostedEmulator (built for .NET 8 and later) implements it,
    /// so <see cref="LocalVideoEmulator"/> can be loaded, and the module imported, without the emulator's assembly.
    /// </summary>
    internal interface IRunningEmulator
    {
        Uri BaseUri { get; }
        int Port { get; }
        string Flavor { get; }
        ServerKind Server { get; }
        bool RequiresApiKey { get; }
        double JobSeconds { get; }
        int Videos { get; }
        long Requests { get; }
        long FaultsInjected { get; }
        void AddFault(LocalEmulatorFault fault);
        void Stop();
    }
}
