using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace OpenAIVideos.Docs.Tests
{
    /// <summary>The about topic covers the configuration the code reads; README gives the project's two commands.</summary>
    public sealed class AboutTopicAndReadmeTests
    {
        private static readonly string[] AboutSections = { "Short Description", "Long Description", "See Also" };

        [Fact]
        public void TheAboutTopicFollowsThePlatyPSAboutFormat()
        {
            var file = RepositoryPaths.Relative(RepositoryPaths.AboutTopic);
            Assert.True(File.Exists(RepositoryPaths.AboutTopic), $"{file}: missing.");
            var document = CommandHelpDocument.Load(RepositoryPaths.AboutTopic);
            Assert.True(document.Title == "about_OpenAIVideos", $"{file}: the title is '# {document.Title}', expected '# about_OpenAIVideos'.");
            var headings = document.Sections.Select(s => s.Key).ToList();
            var missing = AboutSections.Where(s => !headings.Contains(s)).ToList();
            Assert.True(missing.Count == 0, $"{file}: no '## {string.Join("', '## ", missing)}' section.");
            Assert.True(headings.IndexOf("Short Description") == 0 && headings.IndexOf("Long Description") == 1,
                $"{file}: '## Short Description' then '## Long Description' must come first (they are [{string.Join(", ", headings)}]).");
        }

        [Fact]
        public void TheAboutTopicNamesEveryEnvironmentVariableTheCodeReads()
        {
            var names = ModuleMetadata.EnvironmentVariableNames();
            Assert.True(names.Count >= 6, $"Only [{string.Join(", ", names)}] found in the built assemblies; the scan is broken.");
            var text = File.ReadAllText(RepositoryPaths.AboutTopic);
            var missing = names.Where(n => !Regex.IsMatch(text, $@"\b{n}\b")).ToList();
            Assert.True(missing.Count == 0,
                $"{RepositoryPaths.Relative(RepositoryPaths.AboutTopic)}: does not name the environment variable(s) {string.Join(", ", missing)} that the client reads.");
        }

        [Fact]
        public void TheAboutTopicListsEveryErrorId()
        {
            var ids = typeof(OpenAIVideos.Client.VideoErrorIds).GetFields().Concat(typeof(OpenAIVideos.Client.Batch.BatchErrorIds).GetFields())
                .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)
                .Concat(new[] { "ApiKeyMissing", "InvalidConnectionParameter", "PathNotFolder" })
                .ToList();
            var text = File.ReadAllText(RepositoryPaths.AboutTopic);
            var missing = ids.Where(id => !text.Contains("`" + id + "`", StringComparison.Ordinal)).ToList();
            Assert.True(missing.Count == 0,
                $"{RepositoryPaths.Relative(RepositoryPaths.AboutTopic)}: the error table does not list {string.Join(", ", missing)} (as `Id`).");
        }

        [Fact]
        public void TheAboutTopicListsEveryEmulatorFlavor()
        {
            // --flavor takes the enum's names, case and hyphens aside (vllm-omni is VllmOmni).
            var text = File.ReadAllText(RepositoryPaths.AboutTopic);
            var spelt = Regex.Matches(text, "`([a-z-]+)`").Select(m => m.Groups[1].Value.Replace("-", string.Empty)).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var missing = Enum.GetNames(typeof(OpenAIVideos.Emulator.EmulatorFlavor)).Where(name => !spelt.Contains(name)).ToList();
            Assert.True(missing.Count == 0,
                $"{RepositoryPaths.Relative(RepositoryPaths.AboutTopic)}: the emulator section does not name the flavor(s) {string.Join(", ", missing)} (as `--flavor` spells them).");
        }

        [Theory]
        [InlineData("PSOpenAI")]
        [InlineData("OpenAIVideos\\Get-Video")]
        [InlineData("Import-Module OpenAIVideos -Prefix")]
        public void TheReadmeAndTheAboutTopicSayHowToLiveBesidePSOpenAI(string text)
        {
            // PSOpenAI (mkht/PSOpenAI, Public/Videos) has New-Video, Get-Video, Remove-Video and Wait-Video too.
            foreach (var path in new[] { RepositoryPaths.Readme, RepositoryPaths.AboutTopic })
            {
                Assert.True(File.ReadAllText(path).Contains(text, StringComparison.Ordinal), $"{RepositoryPaths.Relative(path)}: does not say '{text}'.");
            }
        }

        [Theory]
        [InlineData("dotnet tool restore && dotnet pwsh ./build.ps1 -Task Demo")]
        [InlineData("dotnet tool restore && dotnet pwsh ./build.ps1 -Task Test")]
        public void TheReadmeGivesTheSetUpCommand(string command)
        {
            Assert.True(File.Exists(RepositoryPaths.Readme), "README.md: missing at the repository root.");
            var text = File.ReadAllText(RepositoryPaths.Readme);
            Assert.True(text.Contains(command, StringComparison.Ordinal), $"README.md: does not give the command '{command}'.");
        }

        [Fact]
        public void TheReadmeSaysThatDotnetPwshWorksOnlyInsideTheRepository()
        {
            // dotnet pwsh is a local tool: only the manifest at the repository root makes the command exist.
            var manifest = File.ReadAllText(Path.Combine(RepositoryPaths.Root, ".config", "dotnet-tools.json"));
            Assert.Contains("\"pwsh\"", manifest, StringComparison.Ordinal);
            var text = Text.Normalize(File.ReadAllText(RepositoryPaths.Readme));
            Assert.True(text.Contains("works only inside the repository", StringComparison.Ordinal),
                "README.md: does not say that `dotnet pwsh` (a local tool of .config/dotnet-tools.json) works only inside the repository.");
        }
    }
}
