using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;

namespace OpenAIVideos.Packaging.Tests
{
    /// <summary>OpenAIVideos.psd1, in the repository and as laid out, against the PowerShell Gallery's needs and the build.</summary>
    public class ModuleManifestTests
    {
        private static readonly string[] RequiredKeys =
        {
            "RootModule", "ModuleVersion", "GUID", "Author", "CompanyName", "Copyright", "Description", "PowerShellVersion",
            "CompatiblePSEditions", "CmdletsToExport", "FunctionsToExport", "AliasesToExport", "VariablesToExport",
            "FormatsToProcess", "PrivateData",
        };

        private static IReadOnlyDictionary<string, object?> Source => PowerShellDataFile.ParseHashtable(File.ReadAllText(TestEnvironment.SourceManifest));

        private static IReadOnlyDictionary<string, object?> LaidOut =>
            PowerShellDataFile.ParseHashtable(File.ReadAllText(Path.Combine(TestEnvironment.ModuleRoot, "OpenAIVideos.psd1")));

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
        public void IdentifiesTheModuleForBothEditions()
        {
            var manifest = Source;
            Assert.Equal("OpenAIVideos.dll", manifest["RootModule"]);
            Assert.True(Guid.TryParse((string)manifest["GUID"]!, out var guid) && guid != Guid.Empty, "GUID must be a non-empty GUID.");
            Assert.Equal("5.1", manifest["PowerShellVersion"]);
            Assert.Equal(new[] { "Core", "Desktop" }, Strings(manifest["CompatiblePSEditions"]).OrderBy(edition => edition));
            Assert.True(Version.TryParse((string)manifest["ModuleVersion"]!, out _), "ModuleVersion must be a numeric version.");
        }

        [Fact]
        public void ExportsCmdletsOnlyAndByName()
        {
            var manifest = Source;
            var cmdlets = Strings(manifest["CmdletsToExport"]);
            Assert.NotEmpty(cmdlets);
            Assert.DoesNotContain(cmdlets, name => name.IndexOfAny(new[] { '*', '?', '[' }) >= 0);
            Assert.Equal(cmdlets.Count, cmdlets.Distinct(StringComparer.OrdinalIgnoreCase).Count());
            Assert.All(cmdlets, name => Assert.Matches("^[A-Z][a-z]+-[A-Z][A-Za-z]+$", name));

            // Explicit empty arrays: a missing key or '*' makes PowerShell load the module to find out what it exports.
            foreach (var key in new[] { "FunctionsToExport", "AliasesToExport", "VariablesToExport" })
            {
                Assert.True(manifest[key] is List<object?> { Count: 0 }, $"{key} must be @().");
            }
        }

        [Fact]
        public void ExportsExactlyTheCmdletsTheAssemblyDefines()
        {
            var declared = Strings(Source["CmdletsToExport"]).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var assembly = Path.Combine(TestEnvironment.ModuleRoot, "OpenAIVideos.dll");
            var defined = CmdletInventory.Read(assembly, new[] { TestEnvironment.DesktopFolder }).ToHashSet(StringComparer.OrdinalIgnoreCase);

            Assert.True(defined.Count > 0,
                $"{assembly} defines no [Cmdlet] classes, so CmdletsToExport ({declared.Count} names) cannot be checked against it. "
                + "This is expected only until the cmdlets land in src/OpenAIVideos.");
            Assert.True(declared.SetEquals(defined),
                "CmdletsToExport and the assembly disagree. Only in the manifest: "
                + string.Join(", ", declared.Except(defined, StringComparer.OrdinalIgnoreCase).OrderBy(name => name))
                + ". Only in the assembly: "
                + string.Join(", ", defined.Except(declared, StringComparer.OrdinalIgnoreCase).OrderBy(name => name)) + ".");
        }

        [Fact]
        public void DescribesTheModuleForTheGallery()
        {
            var psData = (IReadOnlyDictionary<string, object?>)((IReadOnlyDictionary<string, object?>)Source["PrivateData"]!)["PSData"]!;
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
        public void LaidOutManifestCarriesTheBuildVersionAndOtherwiseMatchesTheSource()
        {
            var laidOut = LaidOut;
            var assemblyVersion = AssemblyName.GetAssemblyName(Path.Combine(TestEnvironment.ModuleRoot, "OpenAIVideos.dll")).Version!;
            var moduleVersion = Version.Parse((string)laidOut["ModuleVersion"]!);

            Assert.Equal(TestEnvironment.ModuleVersion, moduleVersion.ToString());
            Assert.Equal(Path.GetFileName(TestEnvironment.ModuleRoot), moduleVersion.ToString());
            Assert.Equal(new Version(moduleVersion.Major, moduleVersion.Minor, Math.Max(moduleVersion.Build, 0), Math.Max(moduleVersion.Revision, 0)), assemblyVersion);

            var source = Source;
            Assert.Equal(source.Keys.OrderBy(key => key), laidOut.Keys.OrderBy(key => key));
            Assert.Equal(Strings(source["CmdletsToExport"]), Strings(laidOut["CmdletsToExport"]));
        }

        [Fact]
        public void RootModuleAndFormatsExistInTheLayout()
        {
            var manifest = LaidOut;
            Assert.True(File.Exists(Path.Combine(TestEnvironment.ModuleRoot, (string)manifest["RootModule"]!)), "RootModule is missing from the layout.");
            foreach (var format in Strings(manifest["FormatsToProcess"]))
            {
                Assert.True(File.Exists(Path.Combine(TestEnvironment.ModuleRoot, format)),
                    $"FormatsToProcess names {format}, which is not in {TestEnvironment.ModuleRoot}: Import-Module would fail. "
                    + "It is copied from the cmdlet project's output (src/OpenAIVideos/OpenAIVideos.Format.ps1xml).");
            }
        }

        /// <summary>A manifest value that PowerShell would accept as a string array: one string or a list of them.</summary>
        private static List<string> Strings(object? value) => value switch
        {
            string single => new List<string> { single },
            List<object?> list => list.Select(item => Assert.IsType<string>(item)).ToList(),
            _ => throw new Xunit.Sdk.XunitException($"Expected a string or an array of strings, found {value ?? "$null"}."),
        };
    }
}
