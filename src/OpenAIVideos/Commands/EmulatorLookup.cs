using System.Collections.Generic;
using System.Management.Automation;
using OpenAIVideos.Client;
using OpenAIVideos.Client.Emulation;
using OpenAIVideos.Commands.Errors;

namespace OpenAIVideos.Commands
{
    /// <summary>
    /// Finds this session's emulators by port for the emulator cmdlets, reporting each port none listens on as one
    /// non-terminating <c>EmulatorNotFound</c> error, so Get- and Stop-VideoEmulator answer an unknown port alike.
    /// </summary>
    internal static class EmulatorLookup
    {
        /// <summary>The emulators on <paramref name="ports"/> (all of them when null); a missing port is written as an error.</summary>
        public static IReadOnlyList<LocalVideoEmulator> Find(Cmdlet cmdlet, int[]? ports)
        {
            var (found, missing) = LocalEmulators.OnPorts(ports);
            foreach (int port in missing)
            {
                cmdlet.WriteError(NotFound(port));
            }

            return found;
        }

        /// <summary>The error for a port no emulator of this session listens on.</summary>
        public static ErrorRecord NotFound(int port) => ErrorRecordFactory.Create(
            new ItemNotFoundException($"No emulator of this session listens on port {port}."),
            VideoErrorReport.Of("EmulatorNotFound", VideoErrorCategory.ObjectNotFound, $"No emulator of this session listens on port {port}.", port,
                "Get-VideoEmulator lists the emulators this session started."));
    }
}
