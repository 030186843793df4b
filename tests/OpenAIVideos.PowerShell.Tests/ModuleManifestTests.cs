using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Reflection;

namespace OpenAIVideos.PowerShell.Tests
{
    /// <summary>
    /// OpenAIVideos.psd1, in the repository and as laid out, read by PowerShell itself (Import-PowerShellDataFile,
    /// Test-ModuleManifest, Import-Module), against the PowerShell Gallery's needs and the build.
    /// </summary>
    public sealed class ModuleManifestTests : IDisposable
    {
        private static readonly string[] RequiredKeys =
        {
            "RootModule", "ModuleVersion", "GUID", "Author", "CompanyName", "Copyright", "Description", "PowerShellVersion",
            "CompatiblePSEditions", "CmdletsToExport", "FunctionsToExport", "AliasesToExport", "VariablesToExport",
            "FormatsToProcess", "PrivateData",
        };

        private readonly HostedPowerShell shell = new HostedPowerShell();

        private Hashtable Source => ReadDataFile(ModuleLayout.SourceManifest);

        private Hashtable LaidOut => ReadDataFile(ModuleLayout.LaidOutManifest);

        [Fact]
        public void HasEveryRequiredField()
        {
            var manifest = Source;
            var missing = RequiredKeys.Where(key => !manifest.ContainsKey(key)).ToList();
            Assert.True(missing.Count == 0, "Missing from OpenAIVideos.psd1: " + string.Join(", ", missing));
            foreach (var key in new[] { "RootModule", "ModuleVersion", "Author", "CompanyName", "Copyright", "Description" })
            {
                Assert.False(string.IsNullOrWhiteSpace(manifest[key] as string), $"{key} must be a non-empty string.");
            }
        }

        [Fact]
        public void TestModuleManifestAcceptsTheLaidOutManifest()
        {
            var module = shell.RunSingle<PSModuleInfo>("param($Path) Test-ModuleManifest -Path $Path -ErrorAction Stop",
                new Hashtable { ["Path"] = ModuleLayout.LaidOutManifest });

            Assert.Equal("OpenAIVideos", module.Name);
            Assert.Equal(ModuleLayout.ModuleVersion, module.Version.ToString());
            Assert.Equal(new[] { "Core", "Desktop" }, module.CompatiblePSEditions.OrderBy(edition => edition));
            Assert.Equal(new Version(5, 1), module.PowerShellVersion);
            Assert.NotEqual(Guid.Empty, module.Guid);
            Assert.Equal(Strings(Source["CmdletsToExport"]).OrderBy(name => name), module.ExportedCmdlets.Keys.OrderBy(name => name));
        }

        [Fact]
        public void ExportsCmdletsOnlyAndByName()
        {
            var manifest = Source;
            var cmdlets = Strings(manifest["CmdletsToExport"]);
            Assert.NotEmpty(cmdlets);
            Assert.DoesNotContain(cmdlets, name => WildcardPattern.ContainsWildcardCharacters(name));
            Assert.Equal(cmdlets.Count, cmdlets.Distinct(StringComparer.OrdinalIgnoreCase).Count());

            // Approved verbs, as PowerShell's own list has them.
            var approved = shell.Run("(Get-Verb).Verb").Select(verb => (string)verb.BaseObject).ToHashSet(StringComparer.OrdinalIgnoreCase);
            Assert.All(cmdlets, name => Assert.Contains(name.Split('-')[0], approved));

            // Explicit empty arrays: a missing key or '*' makes PowerShell load the module to find out what it exports.
            foreach (var key in new[] { "FunctionsToExport", "AliasesToExport", "VariablesToExport" })
            {
                Assert.True(manifest[key] is object[] { Length: 0 }, $"{key} must be @().");
            }
        }

        [Fact]
        public void ExportsExactlyTheCmdletsTheAssemblyDefines()
        {
            // Imported as a bare assembly, a binary module exports every cmdlet it defines: PowerShell's own inventory.
            var defined = shell.Run(
                    "param($Path) (Import-Module -Name $Path -PassThru -Force -ErrorAction Stop).ExportedCmdlets.Keys",
                    new Hashtable { ["Path"] = Path.Combine(ModuleLayout.ModuleRoot, "OpenAIVideos.dll") })
                .Select(name => (string)name.BaseObject)
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
            var declared = Strings(Source["CmdletsToExport"]).ToHashSet(StringComparer.OrdinalIgnoreCase);

            Assert.True(defined.Count > 0, "Import-Module of OpenAIVideos.dll exported no cmdlets.");
            Assert.True(declared.SetEquals(defined),
                "CmdletsToExport and the assembly disagree. Only in the manifest: "
                + string.Join(", ", declared.Except(defined, StringComparer.OrdinalIgnoreCase).OrderBy(name => name))
                + ". Only in the assembly: "
                + string.Join(", ", defined.Except(declared, StringComparer.OrdinalIgnoreCase).OrderBy(name => name)) + ".");
        }

        [Fact]
        public void ImportingTheManifestGivesExactlyItsCmdlets()
        {
            var commands = shell.Run(
                "param($Path) Import-Module -Name $Path -Force -ErrorAction Stop; Get-Command -Module OpenAIVideos",
                new Hashtable { ["Path"] = ModuleLayout.LaidOutManifest });

            Assert.Equal(Strings(Source["CmdletsToExport"]).OrderBy(name => name), commands.Select(command => ((CommandInfo)command.BaseObject).Name).OrderBy(name => name));
            Assert.All(commands, command => Assert.Equal(CommandTypes.Cmdlet, ((CommandInfo)command.BaseObject).CommandType));
        }

        [Fact]
        public void DescribesTheModuleForTheGallery()
        {
            var psData = (Hashtable)((Hashtable)Source["PrivateData"]!)["PSData"]!;
            var tags = Strings(psData["Tags"]);
            foreach (var tag in new[] { "PSEdition_Core", "PSEdition_Desktop", "Windows", "Linux", "MacOS" })
            {
                Assert.Contains(tag, tags);
            }

            Assert.All(tags, tag => Assert.DoesNotContain(' ', tag)); // the Gallery rejects tags with spaces
            foreach (var key in new[] { "LicenseUri", "ProjectUri" })
            {
                Assert.True(Uri.TryCreate(psData[key] as string, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps, $"{key} must be an https URI.");
            }

            Assert.False(string.IsNullOrWhiteSpace(psData["ReleaseNotes"] as string), "ReleaseNotes must not be empty.");
        }

        [Fact]
        public void TheLicenseTheManifestLinksShipsInTheRepositoryAndTheLayout()
        {
            var psData = (Hashtable)((Hashtable)Source["PrivateData"]!)["PSData"]!;
            Assert.EndsWith("/LICENSE", (string)psData["LicenseUri"]!, StringComparison.Ordinal);
            foreach (var root in new[] { ModuleLayout.RepositoryRoot, ModuleLayout.ModuleRoot })
            {
                var license = Path.Combine(root, "LICENSE");
                Assert.True(File.Exists(license), $"{license} is missing.");
                Assert.StartsWith("MIT License", File.ReadAllText(license), StringComparison.Ordinal);
            }

            Assert.Contains("MIT", (string)Source["Copyright"]!, StringComparison.Ordinal);
        }

        [Fact]
        public void LaidOutManifestCarriesTheBuildVersionAndOtherwiseMatchesTheSource()
        {
            var laidOut = LaidOut;
            var assemblyVersion = AssemblyName.GetAssemblyName(Path.Combine(ModuleLayout.ModuleRoot, "OpenAIVideos.dll")).Version!;
            var moduleVersion = Version.Parse((string)laidOut["ModuleVersion"]!);

            Assert.Equal(ModuleLayout.ModuleVersion, moduleVersion.ToString());
            Assert.Equal(Path.GetFileName(ModuleLayout.ModuleRoot), moduleVersion.ToString());
            Assert.Equal(new Version(moduleVersion.Major, moduleVersion.Minor, Math.Max(moduleVersion.Build, 0), Math.Max(moduleVersion.Revision, 0)), assemblyVersion);

            var source = Source;
            Assert.Equal(source.Keys.Cast<string>().OrderBy(key => key), laidOut.Keys.Cast<string>().OrderBy(key => key));
            Assert.Equal(Strings(source["CmdletsToExport"]), Strings(laidOut["CmdletsToExport"]));
        }

        [Fact]
        public void RootModuleAndFormatsExistInTheLayout()
        {
            var manifest = LaidOut;
            Assert.True(File.Exists(Path.Combine(ModuleLayout.ModuleRoot, (string)manifest["RootModule"]!)), "RootModule is missing from the layout.");
            foreach (var format in Strings(manifest["FormatsToProcess"]))
            {
                Assert.True(File.Exists(Path.Combine(ModuleLayout.ModuleRoot, format)),
                    $"FormatsToProcess names {format}, which is not in {ModuleLayout.ModuleRoot}: Import-Module would fail. "
                    + "It is copied from the cmdlet project's output (src/OpenAIVideos/OpenAIVideos.Format.ps1xml).");
            }
        }

        public void Dispose() => shell.Dispose();

        private Hashtable ReadDataFile(string path) =>
            shell.RunSingle<Hashtable>("param($Path) Import-PowerShellDataFile -LiteralPath $Path", new Hashtable { ["Path"] = path });

        /// <summary>A manifest value that PowerShell would accept as a string array: one string or an array of them.</summary>
        private static List<string> Strings(object? value) => value switch
        {
            string single => new List<string> { single },
            object[] array => array.Select(item => Assert.IsType<string>(item)).ToList(),
            _ => throw new Xunit.Sdk.XunitException($"Expected a string or an array of strings, found {value ?? "$null"}."),
        };
    }
}
