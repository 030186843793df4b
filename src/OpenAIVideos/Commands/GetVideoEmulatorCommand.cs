using System.Management.Automation;
using OpenAIVideos.Client.Emulation;

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
            WriteObject(EmulatorLookup.Find(this, Port), enumerateCollection: true);
        }
    }
}
