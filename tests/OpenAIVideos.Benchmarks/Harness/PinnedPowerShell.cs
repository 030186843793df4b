using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Threading.Tasks;

namespace OpenAIVideos.Benchmarks.Harness
{
    /// <summary>
    /// The PowerShell the repository pins in its tool manifest (.config/dotnet-tools.json), started as
    /// <c>dotnet &lt;tool folder&gt;/pwsh.dll</c>: the same assembly <c>dotnet pwsh</c> runs, without the tool-manifest
    /// lookup of the dotnet muxer in front of it (which adds the same constant to every start). Also builds the laid-out
    /// module the shell scenarios import, with build.ps1 run by that PowerShell.
    /// </summary>
    internal sealed class PinnedPowerShell
    {
        private PinnedPowerShell(string repositoryRoot, string version, string dllPath)
        {
            RepositoryRoot = repositoryRoot;
            Version = version;
            DllPath = dllPath;
        }

        public string RepositoryRoot { get; }

        public string Version { get; }

        public string DllPath { get; }

        /// <summary>The laid-out module's manifest (out/OpenAIVideos/VERSION/OpenAIVideos.psd1), unless another was given.</summary>
        public string Manifest => ManifestOverride ?? Path.Combine(RepositoryRoot, "out", "OpenAIVideos", ModuleVersion(), "OpenAIVideos.psd1");

        /// <summary>Another build's manifest (<c>--module</c>), e.g. an older commit laid out elsewhere to compare against.</summary>
        public string? ManifestOverride { get; set; }

        public static string WorkerScript => Path.Combine(AppContext.BaseDirectory, "Shell", "ShellWorker.ps1");

        /// <summary>Finds the pinned PowerShell, running <c>dotnet tool restore</c> first when it is not in the NuGet cache.</summary>
        public static async Task<PinnedPowerShell> FindAsync(string repositoryRoot)
        {
            using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(repositoryRoot, ".config", "dotnet-tools.json")));
            string version = manifest.RootElement.GetProperty("tools").GetProperty("powershell").GetProperty("version").GetString()
                ?? throw new InvalidOperationException("The tool manifest pins no PowerShell version.");
            string packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            string tools = Path.Combine(packages, "powershell", version, "tools");
            if (!Directory.Exists(tools))
            {
                await RunAsync("dotnet", new[] { "tool", "restore" }, repositoryRoot);
            }

            string platform = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "win" : "unix";
            foreach (string framework in Directory.GetDirectories(tools))
            {
                string dll = Path.Combine(framework, "any", platform, "pwsh.dll");
                if (File.Exists(dll))
                {
                    return new PinnedPowerShell(repositoryRoot, version, dll);
                }
            }

            throw new InvalidOperationException($"pwsh.dll of PowerShell {version} was not found under {tools}; run `dotnet tool restore`.");
        }

        /// <summary>
        /// Another PowerShell's pwsh.dll for the scenarios (<c>--pwsh</c>), e.g. a ReadyToRun copy of the pinned one
        /// (Shell/New-ReadyToRunPowerShell.ps1) or an installed one; the pinned one still builds the layout.
        /// </summary>
        public PinnedPowerShell WithDll(string dllPath)
        {
            string full = Path.GetFullPath(dllPath);
            if (!File.Exists(full))
            {
                throw new FileNotFoundException($"--pwsh: {full} does not exist.", full);
            }

            string automation = Path.Combine(Path.GetDirectoryName(full)!, "System.Management.Automation.dll");
            string version = File.Exists(automation) ? System.Diagnostics.FileVersionInfo.GetVersionInfo(automation).ProductVersion?.Split('+')[0] ?? "unknown" : "unknown";
            return new PinnedPowerShell(RepositoryRoot, version, full) { ManifestOverride = ManifestOverride };
        }

        /// <summary>Arguments for <c>dotnet</c> that start this PowerShell with <paramref name="args"/>.</summary>
        public List<string> Arguments(params string[] args)
        {
            var list = new List<string> { DllPath, "-NoProfile", "-NonInteractive" };
            list.AddRange(args);
            return list;
        }

        /// <summary>Lays out the module: <c>build.ps1 -Task Build</c>, as the repository's README says.</summary>
        public Task BuildModuleAsync() =>
            RunAsync("dotnet", Arguments("-File", Path.Combine(RepositoryRoot, "build.ps1"), "-Task", "Build"), RepositoryRoot);

        private string ModuleVersion()
        {
            var props = new System.Xml.XmlDocument();
            props.Load(Path.Combine(RepositoryRoot, "Directory.Build.props"));
            return props.SelectSingleNode("/Project/PropertyGroup/VersionPrefix")?.InnerText.Trim()
                ?? throw new InvalidOperationException("VersionPrefix was not found in Directory.Build.props.");
        }

        private static async Task RunAsync(string file, IEnumerable<string> args, string directory)
        {
            var info = new System.Diagnostics.ProcessStartInfo(file) { WorkingDirectory = directory, UseShellExecute = false, RedirectStandardOutput = true };
            foreach (string arg in args)
            {
                info.ArgumentList.Add(arg);
            }

            using var process = System.Diagnostics.Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");
            string output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed with exit code {process.ExitCode}:\n{output}");
            }
        }
    }
}
