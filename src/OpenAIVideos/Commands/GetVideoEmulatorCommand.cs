using System.Management.Automation;
using OpenAIVideos.Client;
using OpenAIVideos.Client.Emulation;
using OpenAIVideos.Commands.Errors;

namespace OpenAIVideos.Commands
{
    /// <summary>
    /// <para type="synopsis">Lists the emulators running in this PowerShell session.</para>
    /// <para type="description">Each shows its port, base URI, flavor, and how many videos it holds and requests it has served, counted when shown. Start-VideoEmulator starts them; Stop-VideoEmulator stops them.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "VideoEmulator", DefaultParameterSetName = DefaultSet)]
    [OutputType(typeof(LocalVideoEmulator))]
    public sealed class GetVideoEmulatorCommand : PSCmdlet
    {
        private const string DefaultSet = "Default";

        /// <summary>Only the emulators on these ports; an unknown port is an error.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, 65535)]
        public int[]? Port { get; set; }

        /// <summary>Writes the emulators.</summary>
        protected override void ProcessRecord()
        {
            var (found, missing) = LocalEmulators.OnPorts(Port);
            foreach (int port in missing)
            {
                WriteError(EmulatorNotFound(port));
            }

            WriteObject(found, enumerateCollection: true);
        }

        internal static ErrorRecord EmulatorNotFound(int port) => ErrorRecordFactory.Create(
            new ItemNotFoundException($"No emulator of this session listens on port {port}."),
            VideoErrorReport.Of("EmulatorNotFound", VideoErrorCategory.ObjectNotFound, $"No emulator of this session listens on port {port}.", port,
                "Get-VideoEmulator lists the emulators this session started."));
    }
}
