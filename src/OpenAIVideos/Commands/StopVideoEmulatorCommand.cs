using System.Management.Automation;
using OpenAIVideos.Client.Emulation;

namespace OpenAIVideos.Commands
{
    /// <summary>
    /// <para type="synopsis">Stops emulators started in this PowerShell session.</para>
    /// <para type="description">Without -Port, stops them all. Their videos are forgotten. Requests still running are cut off. Removing the module stops them too.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Stop, "VideoEmulator", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = DefaultSet)]
    [OutputType(typeof(void))]
    public sealed class StopVideoEmulatorCommand : PSCmdlet
    {
        private const string DefaultSet = "Default";

        /// <summary>The ports of the emulators to stop; binds from Get-VideoEmulator's (or Start-VideoEmulator -PassThru's) output.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, 65535)]
        public int[]? Port { get; set; }

        /// <summary>Stops them.</summary>
        protected override void ProcessRecord()
        {
            foreach (LocalVideoEmulator emulator in EmulatorLookup.Find(this, Port))
            {
                Stop(emulator);
            }
        }

        private void Stop(LocalVideoEmulator emulator)
        {
            if (ShouldProcess($"{emulator.BaseUri} ({emulator.Flavor}, {emulator.Videos} videos)", "Stop the emulator"))
            {
                LocalEmulators.Stop(emulator);
                WriteVerbose($"Stopped the emulator at {emulator.BaseUri}.");
            }
        }
    }
}
