using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using OpenAIVideos.Benchmarks.Harness;

namespace OpenAIVideos.Benchmarks.Scenarios.Shell
{
    /// <summary>
    /// What importing the module adds to a fresh pwsh, judged on the import's own Measure-Command inside each fresh
    /// process; beside it, the whole start-to-"ready" wall time of <c>pwsh -Command</c> with and without the import,
    /// alternating (too noisy under load to judge by, so only reported).
    /// </summary>
    internal static class ShellImportBenchmark
    {
        private const string Scenario = "shell-import";

        public static async Task RunAsync(Report report, BenchSettings settings, PinnedPowerShell pwsh)
        {
            report.RecordLoad(Scenario);
            // The same script on both sides, with and without the import in the measured block (as build/Measure-ModuleImport.ps1).
            string Script(string block) => $"$t = Measure-Command {{ {block} }}; 'ready ' + [int]$t.TotalMicroseconds";
            string import = Script($"Import-Module '{pwsh.Manifest.Replace("'", "''", StringComparison.Ordinal)}' -ErrorAction Stop");
            var limit = TimeSpan.FromMinutes(1);
            var inside = new List<double>();
            async Task<double> Start(bool withModule)
            {
                var (ms, output) = await ChildProcess.RunAsync("dotnet", pwsh.Arguments("-Command", withModule ? import : Script(string.Empty)), "ready", limit);
                if (withModule)
                {
                    inside.Add(double.Parse(output.Trim().Split(' ')[^1], System.Globalization.CultureInfo.InvariantCulture) / 1000);
                }

                return ms;
            }

            // One of each first, so the file cache holds both sets of assemblies.
            await Start(true);
            await Start(false);
            inside.Clear();
            var ours = new List<double>();
            var empty = new List<double>();
            for (int run = 0; run < settings.ShellImportRuns; run++)
            {
                foreach (bool withModule in run % 2 == 0 ? new[] { true, false } : new[] { false, true })
                {
                    (withModule ? ours : empty).Add(await Start(withModule));
                }
            }

            // Judged on the import's own time in each fresh process: the wall-clock pairs below differ by the import too, but on
            // a loaded machine their spread (process start to prompt, ~1 s) is larger than the quantity being measured.
            double inProcess = Stats.Median(inside);
            report.Add(Scenario, $"Import-Module, cold, in a fresh pwsh (its own Measure-Command), median of {settings.ShellImportRuns}", Report.F(inProcess, "0") + " ms",
                "0 ms (empty block)", "n/a", $"+{Report.F(inProcess, "0")} ms (middle half {Report.F(Stats.Percentile(inside, 25), "0")}–{Report.F(Stats.Percentile(inside, 75), "0")} ms)",
                "≤ 60 ms added", inProcess <= 60);
            var pairs = ours.Zip(empty, (o, e) => o - e).ToList();
            double added = Stats.Median(pairs);
            report.Add(Scenario, $"process start to prompt, median of {settings.ShellImportRuns}", Report.F(Stats.Median(ours), "0") + " ms (with Import-Module)",
                Report.F(Stats.Median(empty), "0") + " ms (empty pwsh)", "n/a",
                $"{Signed(added)} ms, median of the pairs' differences (middle half {Signed(Stats.Percentile(pairs, 25))} to {Signed(Stats.Percentile(pairs, 75))} ms; "
                + $"difference of the medians {Signed(Stats.Median(ours) - Stats.Median(empty))} ms)", "reported (load-sensitive)", null);
            report.Note(Scenario, $"{settings.ShellImportRuns} starts of each after one discarded start of each, alternating: `dotnet pwsh.dll -NoProfile -NonInteractive -Command "
                + "\"$t = Measure-Command { Import-Module out/OpenAIVideos/0.1.0/OpenAIVideos.psd1 }; 'ready ' + …\"` against the same with an empty block, each timed by the "
                + $"harness from just before Process.Start until the line 'ready' arrives on its stdout. The verdict is the import's own Measure-Command in each fresh "
                + "process (the two scripts differ by the import alone); the wall-clock row gives the median of the pairs' differences (with − without, run back to back).");
        }

        private static string Signed(double ms) => (ms < 0 ? "−" : "+") + Report.F(Math.Abs(ms), "0");
    }
}
