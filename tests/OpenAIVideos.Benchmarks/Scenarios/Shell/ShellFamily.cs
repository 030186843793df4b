using System;
using System.Linq;
using System.Threading.Tasks;
using OpenAIVideos.Benchmarks.Harness;

namespace OpenAIVideos.Benchmarks.Scenarios.Shell
{
    /// <summary>
    /// The shell scenarios: the cmdlets as a user runs them, in the repository's pinned pwsh with the laid-out module,
    /// against Invoke-RestMethod, Invoke-WebRequest and curl. Child processes rather than a PowerShell hosted in this
    /// process (Microsoft.PowerShell.SDK): the module then loads exactly as it does for users (pwsh's own host, its
    /// assembly load contexts, the module's private one), this process's allocations never mix with the shell's, and the
    /// import row needs fresh processes anyway.
    /// </summary>
    internal static class ShellFamily
    {
        public static readonly string[] Scenarios = { "shell-retrieve", "shell-list", "shell-remove", "shell-download", "shell-wait", "shell-cold" };

        /// <summary>Finds the pinned pwsh and builds the layout (unless <paramref name="build"/> is false or another <paramref name="manifest"/> is given).</summary>
        public static async Task<PinnedPowerShell> PrepareAsync(string repositoryRoot, bool build, string? manifest, string? pwshDll = null)
        {
            var pwsh = await PinnedPowerShell.FindAsync(repositoryRoot);
            pwsh.ManifestOverride = manifest is null ? null : System.IO.Path.GetFullPath(manifest);
            if (build && manifest is null)
            {
                Console.WriteLine($"Building the module layout with PowerShell {pwsh.Version} (build.ps1 -Task Build)…");
                await pwsh.BuildModuleAsync();
            }

            if (!System.IO.File.Exists(pwsh.Manifest))
            {
                throw new InvalidOperationException($"{pwsh.Manifest} does not exist: run without --no-build.");
            }

            return pwshDll is null ? pwsh : pwsh.WithDll(pwshDll);
        }

        public static Task RunAsync(string scenario, Report report, BenchSettings settings, PinnedPowerShell pwsh) => scenario switch
        {
            "shell-retrieve" => ShellRetrieveBenchmark.RunAsync(report, settings, pwsh),
            "shell-list" => ShellListBenchmark.RunAsync(report, settings, pwsh),
            "shell-remove" => ShellRemoveBenchmark.RunAsync(report, settings, pwsh),
            "shell-download" => ShellDownloadBenchmark.RunAsync(report, settings, pwsh),
            "shell-wait" => ShellWaitBenchmark.RunAsync(report, settings, pwsh),
            "shell-cold" => ShellColdStartBenchmark.RunAsync(report, settings, pwsh),
            _ => throw new ArgumentException($"Not a shell scenario: {scenario}.", nameof(scenario)),
        };

        public static bool IsShell(string scenario) => Scenarios.Contains(scenario);
    }
}
