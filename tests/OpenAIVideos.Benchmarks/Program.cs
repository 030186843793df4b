using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using OpenAIVideos.Benchmarks.Harness;
using OpenAIVideos.Benchmarks.Scenarios;
using OpenAIVideos.Benchmarks.Scenarios.Shell;
using OpenAIVideos.Client;

namespace OpenAIVideos.Benchmarks
{
    /// <summary>
    /// The performance suite: our client against a raw HttpClient + System.Text.Json baseline and curl, side by side,
    /// against the emulator (a separate process) on loopback. Run by hand, not by CI:
    /// <c>dotnet run -c Release --project tests/OpenAIVideos.Benchmarks -- all --write-doc</c>; the shell family (the
    /// cmdlets in the pinned pwsh against Invoke-RestMethod, Invoke-WebRequest and curl) with <c>-- shell --write-doc</c>.
    /// </summary>
    internal static class Program
    {
        private const string Usage =
            "usage: OpenAIVideos.Benchmarks all|retrieve|list|download|wait|emulator|batch|shell|shell-retrieve|shell-list|shell-remove|shell-download|shell-wait|shell-cold\n"
            + "       [more scenarios…] [--quick] [--write-doc [PATH]] [--dir FOLDER] [--no-build] [--module PSD1] [--pwsh PWSH.DLL]\n"
            + "  all          the engine scenarios (batch included); shell = every shell-* scenario (the cmdlets in the pinned pwsh)\n"
            + "  --quick      smaller sizes, for developing the harness (not for reporting)\n"
            + "  --write-doc  write the results between the markers of docs/performance.md (or PATH)\n"
            + "  --dir        folder for the download scenarios' files (default: a new folder under the temp path)\n"
            + "  --no-build   shell scenarios: use the module already laid out in out/ instead of running build.ps1 -Task Build\n"
            + "  --module     shell scenarios: import this manifest instead (e.g. an older commit laid out elsewhere, to compare)\n"
            + "  --pwsh       shell scenarios: run this pwsh.dll (as `dotnet PWSH.DLL`) instead of the pinned one, e.g. the ReadyToRun copy\n"
            + "               that tests/OpenAIVideos.Benchmarks/Shell/New-ReadyToRunPowerShell.ps1 makes (as PowerShell's release packages are compiled)";

        private static readonly string[] Scenarios = { "retrieve", "list", "download", "wait", "emulator", "batch" };

        public static async Task<int> Main(string[] args)
        {
            if (args.Length > 0 && args[0] is "cold-client" or "cold-raw")
            {
                return await ColdAsync(args);
            }

            var scenarios = new List<string>();
            bool quick = false, build = true;
            string? docPath = null, folder = null, manifest = null, pwshDll = null;
            for (int i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--quick":
                        quick = true;
                        break;
                    case "--write-doc":
                        docPath = i + 1 < args.Length && !args[i + 1].StartsWith("-", StringComparison.Ordinal) && !Scenarios.Contains(args[i + 1]) && !ShellFamily.IsShell(args[i + 1]) && args[i + 1] is not "all" and not "shell"
                            ? args[++i]
                            : DefaultDocPath();
                        break;
                    case "--module":
                        manifest = i + 1 < args.Length ? args[++i] : null;
                        break;
                    case "--pwsh":
                        pwshDll = i + 1 < args.Length ? args[++i] : null;
                        break;
                    case "--no-build":
                        build = false;
                        break;
                    case "--dir":
                        folder = i + 1 < args.Length ? args[++i] : null;
                        break;
                    case "all":
                        scenarios.AddRange(Scenarios);
                        break;
                    case "shell":
                        scenarios.AddRange(ShellFamily.Scenarios);
                        break;
                    case var name when Scenarios.Contains(name) || ShellFamily.IsShell(name):
                        scenarios.Add(name);
                        break;
                    default:
                        Console.Error.WriteLine(Usage);
                        return 2;
                }
            }

            if (scenarios.Count == 0)
            {
                Console.Error.WriteLine(Usage);
                return 2;
            }

            var settings = new BenchSettings { Quick = quick, DownloadFolder = folder };
            string commandLine = "dotnet run -c Release --project tests/OpenAIVideos.Benchmarks -- " + string.Join(' ', args);
            var report = new Report { CommandLine = commandLine };
            var shellReport = new Report("shell-benchmark-results", "Invoke-RestMethod / Invoke-WebRequest", "Ours (cmdlets)") { CommandLine = commandLine };
            Console.WriteLine($"Machine: {Report.Machine()}");
            Console.WriteLine($"Emulator: {EmulatorProcess.DllPath} (separate process)");
            PinnedPowerShell? pwsh = scenarios.Any(ShellFamily.IsShell) ? await ShellFamily.PrepareAsync(RepositoryRoot(), build, manifest, pwshDll) : null;
            if (pwsh is not null)
            {
                shellReport.MachineExtra = $"; PowerShell {pwsh.Version} ({(pwshDll is null ? "the tool manifest's" : pwsh.DllPath)}, as `dotnet {Path.GetFileName(pwsh.DllPath)}`)"
                    + (manifest is null ? string.Empty : $"; module {pwsh.Manifest}");
            }

            using var sampler = new ProcessSampler(sampleThreads: true);
            var total = Stopwatch.StartNew();
            foreach (string scenario in scenarios.Distinct())
            {
                Console.WriteLine($"[{total.Elapsed:mm\\:ss}] {scenario} (load {Report.LoadAverage()})…");
                if (ShellFamily.IsShell(scenario))
                {
                    await ShellFamily.RunAsync(scenario, shellReport, settings, pwsh!);
                    continue;
                }

                switch (scenario)
                {
                    case "retrieve":
                        await RetrieveBenchmark.RunAsync(report, settings);
                        break;
                    case "list":
                        await ListBenchmark.RunAsync(report, settings, sampler);
                        break;
                    case "download":
                        await DownloadBenchmark.RunAsync(report, settings, sampler);
                        break;
                    case "wait":
                        await WaitBenchmark.RunAsync(report, settings, sampler);
                        break;
                    case "emulator":
                        await EmulatorThroughputBenchmark.RunAsync(report, settings);
                        break;
                    case "batch":
                        await BatchBenchmark.RunAsync(report, settings);
                        break;
                }
            }

            Console.WriteLine($"[{total.Elapsed:mm\\:ss}] done{(quick ? " (--quick: sizes reduced, not for reporting)" : string.Empty)}.");
            // Each family has its own section of the doc: only a family that ran is printed and rewritten.
            foreach (Report ran in new[] { report, shellReport }.Where(r => r.Rows.Count > 0))
            {
                ran.RecordLoad("end");
                Console.WriteLine();
                Console.WriteLine(ran.ConsoleTable());
                foreach (string note in ran.Notes)
                {
                    Console.WriteLine(note);
                }

                Console.WriteLine("Load: " + string.Join("; ", ran.Loads));
                if (docPath is not null)
                {
                    ran.WriteInto(docPath);
                    Console.WriteLine($"Wrote the results into {docPath}.");
                }
            }

            return 0;
        }

        // A child of the cold-start scenario: one process, one client, one retrieve, then the object's id on stdout.
        private static async Task<int> ColdAsync(string[] args)
        {
            var baseUri = new Uri(args[1]);
            string key = args[2], id = args[3];
            string? seen;
            if (args[0] == "cold-client")
            {
                using var client = new VideosClient(new VideoClientOptions { BaseUri = baseUri, ApiKey = ApiKeySecret.FromPlainText(key) });
                seen = (await client.RetrieveAsync(id)).Id;
            }
            else
            {
                using var http = new HttpClient { BaseAddress = baseUri };
                http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
                seen = (await RawApi.RetrieveAsync(http, id)).Id;
            }

            double sinceStart = (DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds;
            Console.WriteLine($"object {seen} since-start-ms={Report.F(sinceStart, "0")}");
            return seen == id ? 0 : 1;
        }

        private static string DefaultDocPath() => Path.Combine(RepositoryRoot(), "docs", "performance.md");

        private static string RepositoryRoot()
        {
            for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Module.sln")))
                {
                    return folder.FullName;
                }
            }

            throw new InvalidOperationException("Run from inside the repository (Module.sln not found), or give --write-doc PATH.");
        }
    }
}
