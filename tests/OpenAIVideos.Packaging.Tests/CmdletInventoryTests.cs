using System.Linq;
using System.Management.Automation;

namespace OpenAIVideos.Packaging.Tests
{
    /// <summary>The cmdlet scan that the manifest is checked against, run on this assembly's own probe cmdlets.</summary>
    public class CmdletInventoryTests
    {
        [Fact]
        public void FindsConcreteCmdletClassesByTheirAttribute()
        {
            var cmdlets = CmdletInventory.Read(typeof(CmdletInventoryTests).Assembly.Location, new[] { TestEnvironment.DesktopFolder });
            Assert.Contains("Get-PackagingProbe", cmdlets);
            Assert.Contains("Set-PackagingProbe", cmdlets);
            Assert.DoesNotContain("Remove-PackagingProbe", cmdlets);
            Assert.Equal(2, cmdlets.Count(name => name.EndsWith("-PackagingProbe", System.StringComparison.Ordinal)));
        }

        [Cmdlet(VerbsCommon.Get, "PackagingProbe")]
        internal sealed class GetPackagingProbe : PSCmdlet
        {
        }

        [Cmdlet("Set", "PackagingProbe", SupportsShouldProcess = true)]
        internal sealed class SetPackagingProbe : Cmdlet
        {
        }

        [Cmdlet(VerbsCommon.Remove, "PackagingProbe")]
        internal abstract class RemovePackagingProbeBase : PSCmdlet
        {
        }
    }
}
