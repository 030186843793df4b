using System;
using System.Collections.Generic;
using System.Linq;

namespace OpenAIVideos.Client.Emulation
{
    /// <summary>
    /// The emulators running in this process, oldest first: Start-VideoEmulator adds, Stop-VideoEmulator (and
    /// Remove-Module) stop them, Connect-OpenAIVideo -Emulator connects to the newest.
    /// </summary>
    public static class LocalEmulators
    {
        private static readonly object Gate = new object();
        private static readonly List<LocalVideoEmulator> Running = new List<LocalVideoEmulator>();

        /// <summary>The running emulators, oldest first.</summary>
        public static IReadOnlyList<LocalVideoEmulator> All
        {
            get { lock (Gate) { return Running.ToList(); } }
        }

        /// <summary>The newest running emulator, or null.</summary>
        public static LocalVideoEmulator? Newest
        {
            get { lock (Gate) { return Running.LastOrDefault(); } }
        }

        /// <summary>
        /// The running emulators on <paramref name="ports"/> (all of them when null), in the order asked, and the ports
        /// no running emulator listens on.
        /// </summary>
        public static (IReadOnlyList<LocalVideoEmulator> Found, IReadOnlyList<int> Missing) OnPorts(IEnumerable<int>? ports)
        {
            IReadOnlyList<LocalVideoEmulator> running = All;
            if (ports is null)
            {
                return (running, Array.Empty<int>());
            }

            var found = new List<LocalVideoEmulator>();
            var missing = new List<int>();
            foreach (int port in ports)
            {
                LocalVideoEmulator? emulator = running.FirstOrDefault(candidate => candidate.Port == port);
                if (emulator is null)
                {
                    missing.Add(port);
                }
                else
                {
                    found.Add(emulator);
                }
            }

            return (found, missing);
        }

        /// <summary>Starts an emulator in this process.</summary>
        /// <exception cref="ArgumentException">An unknown flavor or a bad value.</exception>
        /// <exception cref="System.IO.IOException">The port is in use.</exception>
        /// <exception cref="PlatformNotSupportedException">Windows PowerShell 5.1: the emulator needs .NET 8.</exception>
        public static LocalVideoEmulator Start(LocalEmulatorSettings settings)
        {
            if (settings is null)
            {
                throw new ArgumentNullException(nameof(settings));
            }

#if NET8_0_OR_GREATER
            var emulator = new LocalVideoEmulator(HostedEmulator.Start(settings), settings.ApiKey, DateTimeOffset.Now);
            lock (Gate)
            {
                Running.Add(emulator);
            }

            return emulator;
#else
            throw new PlatformNotSupportedException("The emulator runs in PowerShell 7.4 or later (.NET 8); in Windows PowerShell 5.1, run the standalone emulator and Connect-OpenAIVideo -BaseUri to it.");
#endif
        }

        /// <summary>Stops <paramref name="emulator"/> and forgets it; nothing happens if it already stopped.</summary>
        public static void Stop(LocalVideoEmulator emulator)
        {
            if (emulator is null)
            {
                throw new ArgumentNullException(nameof(emulator));
            }

            lock (Gate)
            {
                if (!Running.Remove(emulator))
                {
                    return;
                }
            }

            emulator.Stop();
        }

        /// <summary>Stops every emulator (Remove-Module).</summary>
        public static void StopAll()
        {
            foreach (LocalVideoEmulator emulator in All)
            {
                Stop(emulator);
            }
        }

        /// <summary>
        /// Names the user can give as a flavor, from the emulator itself; empty where it cannot run.
        /// Loads the emulator's assembly, so it is only called when asked (tab completion).
        /// </summary>
        public static IReadOnlyList<string> FlavorNames()
        {
#if NET8_0_OR_GREATER
            return HostedEmulator.FlavorNames();
#else
            return Array.Empty<string>();
#endif
        }

        /// <summary>Fault kinds' names, from the emulator itself; empty where it cannot run.</summary>
        public static IReadOnlyList<string> FaultKindNames()
        {
#if NET8_0_OR_GREATER
            return HostedEmulator.FaultKindNames();
#else
            return Array.Empty<string>();
#endif
        }
    }
}
