using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using OpenAIVideos.Commands.Module;

namespace OpenAIVideos.Packaging.Tests
{
    /// <summary>The module initializer's decisions (linked from src/OpenAIVideos/Module/ModuleInitializer.cs).</summary>
    public class ModuleDependencyPolicyTests
    {
        private const string MicrosoftToken = "cc7b13ffcd2ddd51";

        [Theory]
        [InlineData(".NET Framework 4.8.9032.0", "Desktop")]
        [InlineData(".NET Framework 4.7.3324.0", "Desktop")]
        [InlineData(".NET 8.0.11", "Core")]
        [InlineData(".NET 10.0.0", "Core")]
        [InlineData(".NET Core 3.1.32", "Core")]
        [InlineData(null, "Core")]
        public void DetectsTheEditionFromTheFrameworkDescription(string? description, string expected) =>
            Assert.Equal(expected, ModuleDependencyPolicy.DetectEdition(description).ToString());

        [Fact]
        public void ThisRuntimeIsCore() =>
            Assert.Equal(ModuleEdition.Core, ModuleDependencyPolicy.DetectEdition(System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription));

        [Fact]
        public void EachEditionHasItsOwnDependencyFolder()
        {
            var root = Path.Combine("modules", "OpenAIVideos", "0.1.0");
            Assert.Equal(Path.Combine(root, "Dependencies", "Core"), ModuleDependencyPolicy.DependencyFolder(root, ModuleEdition.Core));
            Assert.Equal(Path.Combine(root, "Dependencies", "Desktop"), ModuleDependencyPolicy.DependencyFolder(root, ModuleEdition.Desktop));
        }

        [Fact]
        public void TheNamesItLoadsByAreTheLayouts()
        {
            Assert.True(File.Exists(Path.Combine(TestEnvironment.CoreFolder, ModuleDependencyPolicy.LoadContextAssemblyFile)));
            Assert.Equal(ModuleDependencyPolicy.LoadContextTypeName, typeof(OpenAIVideos.LoadContext.DependencyLoadContext).FullName);
            Assert.NotNull(typeof(OpenAIVideos.LoadContext.DependencyLoadContext).GetMethod("Register", new[] { typeof(string) }));
            Assert.NotNull(typeof(OpenAIVideos.LoadContext.DependencyLoadContext).GetMethod("Unregister", Type.EmptyTypes));
        }

        [Theory]
        [InlineData("7.0.20", false)] // PowerShell 7.3
        [InlineData("6.0.36", false)]
        [InlineData("8.0.0", true)]
        [InlineData("10.0.1", true)]
        public void CoreNeedsDotNet8(string runtime, bool supported)
        {
            var problem = ModuleDependencyPolicy.CheckCoreRuntime(Version.Parse(runtime));
            Assert.Equal(supported, problem is null);
            if (problem is not null)
            {
                Assert.Contains("PowerShell 7.4", problem);
            }
        }

        [Theory]
        [InlineData("System.Memory, Version=4.0.1.1, Culture=neutral, PublicKeyToken=" + MicrosoftToken, "System.Memory, Version=4.0.1.2, Culture=neutral, PublicKeyToken=" + MicrosoftToken, true)]
        [InlineData("System.Memory, Version=4.0.1.2, Culture=neutral, PublicKeyToken=" + MicrosoftToken, "System.Memory, Version=4.0.1.2, Culture=neutral, PublicKeyToken=" + MicrosoftToken, true)]
        [InlineData("system.memory, Version=4.0.1.2", "System.Memory, Version=4.0.1.2, Culture=neutral, PublicKeyToken=" + MicrosoftToken, true)]
        [InlineData("System.Memory, Version=4.0.2.0, Culture=neutral, PublicKeyToken=" + MicrosoftToken, "System.Memory, Version=4.0.1.2, Culture=neutral, PublicKeyToken=" + MicrosoftToken, false)]
        [InlineData("System.Memory, Version=4.0.1.2, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a", "System.Memory, Version=4.0.1.2, Culture=neutral, PublicKeyToken=" + MicrosoftToken, false)]
        [InlineData("System.Memory, Version=4.0.1.2, Culture=neutral, PublicKeyToken=" + MicrosoftToken, "System.Memory, Version=4.0.1.2, Culture=neutral, PublicKeyToken=null", false)]
        [InlineData("System.Memory, Version=4.0.1.2, Culture=de-DE", "System.Memory, Version=4.0.1.2, Culture=neutral", false)]
        [InlineData("System.Buffers, Version=4.0.3.0", "System.Memory, Version=4.0.3.0", false)]
        public void AcceptsTheSameAssemblyAtTheRequestedVersionOrLater(string requested, string available, bool expected) =>
            Assert.Equal(expected, ModuleDependencyPolicy.Satisfies(new AssemblyName(requested), new AssemblyName(available)));

        [Fact]
        public void SelectsTheFirstFolderWhoseFileSatisfiesTheRequest()
        {
            var files = new Dictionary<string, AssemblyName>
            {
                [Path.Combine("deps", "Polly.Core.dll")] = new AssemblyName("Polly.Core, Version=8.0.0.0, Culture=neutral, PublicKeyToken=c8a3ffc3f8f825cc"),
                [Path.Combine("root", "OpenAIVideos.Models.dll")] = new AssemblyName("OpenAIVideos.Models, Version=0.1.0.0"),
                [Path.Combine("deps", "Old.dll")] = new AssemblyName("Old, Version=1.0.0.0"),
                [Path.Combine("root", "Old.dll")] = new AssemblyName("Old, Version=2.0.0.0"),
            };
            string? Select(string name) =>
                ModuleDependencyPolicy.SelectFile(new AssemblyName(name), new[] { "deps", "root" }, path => files.TryGetValue(path, out var identity) ? identity : null);

            Assert.Equal(Path.Combine("deps", "Polly.Core.dll"), Select("Polly.Core, Version=8.0.0.0, Culture=neutral, PublicKeyToken=c8a3ffc3f8f825cc"));
            Assert.Equal(Path.Combine("root", "OpenAIVideos.Models.dll"), Select("OpenAIVideos.Models, Version=0.1.0.0"));
            Assert.Equal(Path.Combine("root", "Old.dll"), Select("Old, Version=2.0.0.0")); // the first folder's copy is too old
            Assert.Null(Select("Polly.Core, Version=9.0.0.0, Culture=neutral, PublicKeyToken=c8a3ffc3f8f825cc"));
            Assert.Null(Select("Newtonsoft.Json, Version=13.0.0.0"));
            Assert.Null(Select("Polly.Core.resources, Version=8.0.0.0, Culture=de"));
        }

        [Fact]
        public void ResolvesAnOlderPolyfillRequestToTheLaidOutNewerFile()
        {
            // System.Text.Json 8 references Microsoft.Bcl.AsyncInterfaces 8.0.0.0; Microsoft.Extensions.* 9 brought 9.0.0.0.
            var laidOut = Path.Combine(TestEnvironment.DesktopFolder, "Microsoft.Bcl.AsyncInterfaces.dll");
            var available = AssemblyName.GetAssemblyName(laidOut);
            var requested = new AssemblyName(available.FullName) { Version = new Version(8, 0, 0, 0) };
            Assert.True(available.Version > requested.Version, $"Expected the laid-out AsyncInterfaces ({available.Version}) to be newer than 8.0.0.0.");

            var chosen = ModuleDependencyPolicy.SelectFile(requested, new[] { TestEnvironment.DesktopFolder, TestEnvironment.ModuleRoot }, AssemblyName.GetAssemblyName);
            Assert.Equal(laidOut, chosen);
        }

        [Theory]
        [InlineData("/m/OpenAIVideos/0.1.0/Dependencies/Desktop/System.Memory.dll", "/m/OpenAIVideos/0.1.0", true)]
        [InlineData("/m/OpenAIVideos/0.1.0/OpenAIVideos.Models.dll", "/m/OpenAIVideos/0.1.0/", true)]
        [InlineData("/m/OpenAIVideos/0.1.0-other/System.Memory.dll", "/m/OpenAIVideos/0.1.0", false)]
        [InlineData("/gac/System.Memory.dll", "/m/OpenAIVideos/0.1.0", false)]
        [InlineData("", "/m/OpenAIVideos/0.1.0", false)]
        public void KnowsWhichLoadedAssembliesAreTheModules(string path, string folder, bool expected) =>
            Assert.Equal(expected, ModuleDependencyPolicy.IsUnder(path, folder));
    }
}
