using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using OpenAIVideos.Commands.Module;

namespace OpenAIVideos.Packaging.Tests
{
    /// <summary>out/OpenAIVideos/&lt;version&gt;: what is where, and that each edition's folder is complete.</summary>
    public class ModuleLayoutTests
    {
        private const string NetStandard20 = ".NETStandard,Version=v2.0";

        private static readonly string[] DesktopPolyfills =
        {
            "System.Memory", "System.Buffers", "System.Runtime.CompilerServices.Unsafe", "Microsoft.Bcl.AsyncInterfaces",
            "System.Threading.Tasks.Extensions", "System.Text.Encodings.Web", "System.Numerics.Vectors", "System.ValueTuple",
            "System.Diagnostics.DiagnosticSource", "Microsoft.Bcl.TimeProvider",
        };

        [Fact]
        public void TopLevelHoldsOnlyTheCmdletAndModelAssemblies()
        {
            var root = AssemblyFacts.ReadFolder(TestEnvironment.ModuleRoot);
            Assert.Equal(new[] { "OpenAIVideos", "OpenAIVideos.Models" }, root.Keys.OrderBy(name => name, StringComparer.Ordinal));
            Assert.All(root.Values, facts => Assert.Equal(NetStandard20, facts.TargetFramework));

            var dependencies = Directory.GetFiles(Path.Combine(TestEnvironment.ModuleRoot, "Dependencies"), "*", SearchOption.AllDirectories)
                .Select(Path.GetFileName)
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
            var topLevel = Directory.GetFiles(TestEnvironment.ModuleRoot).Select(Path.GetFileName).ToList();
            Assert.DoesNotContain(topLevel, dependencies.Contains);
            Assert.True(Directory.Exists(Path.Combine(TestEnvironment.ModuleRoot, "en-US")), "en-US/ (for help) is missing.");
        }

        [Fact]
        public void CoreHoldsTheNet8EngineAndOnlyWhatDotNet8DoesNotShip()
        {
            var core = AssemblyFacts.ReadFolder(TestEnvironment.CoreFolder);
            Assert.Equal(".NETCoreApp,Version=v8.0", core["OpenAIVideos.Client"].TargetFramework);
            foreach (var name in new[] { "OpenAIVideos.LoadContext", "Polly.Core" })
            {
                Assert.True(core.ContainsKey(name), $"{name}.dll is missing from Dependencies/Core.");
            }

            // .NET 8's handler recycles its own connections: no IHttpClientFactory, so no dependency-injection container
            // to load on a fresh process's first call (src/OpenAIVideos.Client/Transport/HttpClientPool.cs).
            Assert.DoesNotContain(core.Keys, name => name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal));

            Assert.False(core.ContainsKey("System.Text.Json"), "Dependencies/Core must not carry System.Text.Json: PowerShell 7's own copy is used.");
            Assert.False(core.ContainsKey("OpenAIVideos.Models"), "The models belong at the top only, or the engine and the cmdlets would see two copies.");

            var framework = AssemblyFacts.ReadFrameworkList(TestEnvironment.Net8FrameworkList);
            var redundant = core.Values
                .Where(facts => framework.TryGetValue(facts.Name, out var inbox) && inbox >= facts.Identity.Version!)
                .Select(facts => facts.Name)
                .ToList();
            Assert.True(redundant.Count == 0, ".NET 8 already ships (at the same or a later version): " + string.Join(", ", redundant));
        }

        [Fact]
        public void DesktopHoldsTheNetStandardEngineWithSystemTextJsonAndItsPolyfills()
        {
            var desktop = AssemblyFacts.ReadFolder(TestEnvironment.DesktopFolder);
            Assert.Equal(NetStandard20, desktop["OpenAIVideos.Client"].TargetFramework);

            var json = desktop["System.Text.Json"];
            // The .NET Framework build carries its servicing number in the assembly version (8.0.0.5 for 8.0.5).
            Assert.Equal(new Version(8, 0), new Version(json.Identity.Version!.Major, json.Identity.Version.Minor));
            Assert.StartsWith("8.0.", json.FileVersion);

            var missing = DesktopPolyfills.Where(name => !desktop.ContainsKey(name)).ToList();
            Assert.True(missing.Count == 0, "Missing from Dependencies/Desktop: " + string.Join(", ", missing));
            Assert.False(desktop.ContainsKey("OpenAIVideos.LoadContext"), "The load context is .NET 8 only.");
            Assert.False(desktop.ContainsKey("OpenAIVideos.Models"), "The models belong at the top only.");

            // .NET Framework builds of the packages, where there is one, rather than their netstandard2.0 builds.
            Assert.StartsWith(".NETFramework,", desktop["System.Text.Json"].TargetFramework);
        }

        [Fact]
        public void EveryReferenceOfTheEngineResolvesOnCore()
        {
            var framework = AssemblyFacts.ReadFrameworkList(TestEnvironment.Net8FrameworkList);
            var problems = UnresolvedReferences(
                AssemblyFacts.ReadFolder(TestEnvironment.CoreFolder),
                reference => framework.TryGetValue(reference.Name!, out var inbox) && inbox >= (reference.Version ?? new Version()));
            Assert.True(problems.Count == 0, "Unresolvable on PowerShell 7.4 (.NET 8):\n" + string.Join("\n", problems));
        }

        [Fact]
        public void EveryReferenceOfTheEngineResolvesOnDesktop()
        {
            var framework = AssemblyFacts.ReadReferenceAssemblies(TestEnvironment.NetFramework472Folder);
            var desktop = AssemblyFacts.ReadFolder(TestEnvironment.DesktopFolder);
            var problems = UnresolvedReferences(
                desktop,
                reference => framework.TryGetValue(reference.Name!, out var inbox) && inbox >= (reference.Version ?? new Version()));
            Assert.True(problems.Count == 0, "Unresolvable on Windows PowerShell 5.1 (.NET Framework 4.7.2):\n" + string.Join("\n", problems));

            // And the 5.1 resolver picks the laid-out file for every reference into the folder, including the ones that ask
            // for an older version than NuGet chose (there is no binding redirect for a module).
            var folders = new[] { TestEnvironment.DesktopFolder, TestEnvironment.ModuleRoot };
            foreach (var reference in desktop.Values.SelectMany(facts => facts.References).Where(reference => desktop.ContainsKey(reference.Name!)))
            {
                var chosen = ModuleDependencyPolicy.SelectFile(reference, folders, path => File.Exists(path) ? AssemblyName.GetAssemblyName(path) : null);
                Assert.Equal(desktop[reference.Name!].Path, chosen);
            }
        }

        [Fact]
        public void EveryReferenceOfTheCmdletAssemblyResolvesOnBothEditions()
        {
            var cmdlets = AssemblyFacts.Read(Path.Combine(TestEnvironment.ModuleRoot, "OpenAIVideos.dll"));
            var root = AssemblyFacts.ReadFolder(TestEnvironment.ModuleRoot);
            var net8 = AssemblyFacts.ReadFrameworkList(TestEnvironment.Net8FrameworkList);
            var net472 = AssemblyFacts.ReadReferenceAssemblies(TestEnvironment.NetFramework472Folder);
            var core = AssemblyFacts.ReadFolder(TestEnvironment.CoreFolder);
            var desktop = AssemblyFacts.ReadFolder(TestEnvironment.DesktopFolder);
            var problems = new List<string>();

            foreach (var reference in cmdlets.References)
            {
                var name = reference.Name!;
                var requested = reference.Version ?? new Version();
                if (name == "System.Management.Automation" || (root.TryGetValue(name, out var top) && top.Identity.Version >= requested))
                {
                    continue; // PowerShell's own, or the models beside the cmdlets
                }

                // PowerShell 7: .NET 8, or a file in Dependencies/Core that the load context answers the default context for.
                var onCore = (net8.TryGetValue(name, out var inbox) && inbox >= requested)
                    || (core.TryGetValue(name, out var ours) && ours.Identity.Version >= requested
                        && OpenAIVideos.LoadContext.DependencyLoadContext.IsAnsweredForDefaultContext(name));
                if (!onCore)
                {
                    problems.Add($"Core: {name} {requested}");
                }

                // Windows PowerShell 5.1: .NET Framework 4.7.2, or Dependencies/Desktop through the resolver.
                var onDesktop = (net472.TryGetValue(name, out var framework) && framework >= requested)
                    || (desktop.TryGetValue(name, out var carried) && carried.Identity.Version >= requested);
                if (!onDesktop)
                {
                    problems.Add($"Desktop: {name} {requested}");
                }
            }

            Assert.True(problems.Count == 0, "References of OpenAIVideos.dll that would not resolve:\n" + string.Join("\n", problems));
        }

        /// <summary>
        /// Walks the references from OpenAIVideos.Client through the folder. Each must be in the folder at the version asked
        /// for or later, or be the models at the module root, or be provided by the runtime (<paramref name="providedByRuntime"/>).
        /// </summary>
        private static List<string> UnresolvedReferences(IReadOnlyDictionary<string, AssemblyFacts> folder, Func<AssemblyName, bool> providedByRuntime)
        {
            var root = AssemblyFacts.ReadFolder(TestEnvironment.ModuleRoot);
            var problems = new List<string>();
            var visited = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var pending = new Stack<AssemblyFacts>();
            pending.Push(folder["OpenAIVideos.Client"]);
            while (pending.Count > 0)
            {
                var current = pending.Pop();
                if (!visited.Add(current.Name))
                {
                    continue;
                }

                foreach (var reference in current.References)
                {
                    var requested = reference.Version ?? new Version();
                    if (folder.TryGetValue(reference.Name!, out var local))
                    {
                        if (local.Identity.Version! < requested && !providedByRuntime(reference))
                        {
                            problems.Add($"{current.Name} needs {reference.Name} {requested}; the folder has {local.Identity.Version}.");
                        }

                        pending.Push(local);
                    }
                    else if (root.TryGetValue(reference.Name!, out var shared))
                    {
                        if (shared.Identity.Version! < requested)
                        {
                            problems.Add($"{current.Name} needs {reference.Name} {requested}; the module root has {shared.Identity.Version}.");
                        }
                    }
                    else if (!providedByRuntime(reference))
                    {
                        problems.Add($"{current.Name} needs {reference.Name} {requested}, which is neither laid out nor provided by the runtime.");
                    }
                }
            }

            return problems;
        }
    }
}
