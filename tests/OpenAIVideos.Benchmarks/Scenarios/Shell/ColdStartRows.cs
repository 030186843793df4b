using System;
using System.Collections.Generic;
using System.Linq;
using OpenAIVideos.Benchmarks.Harness;

namespace OpenAIVideos.Benchmarks.Scenarios.Shell
{
    /// <summary>The rows of the whole-process scenario: each pair summarised by the medians of its own differences and ratios.</summary>
    internal static class ColdStartRows
    {
        public const double ImportTargetMs = 60;
        public const double GetVideoTargetRatio = 0.85;

        /// <summary>Writes the rows; <paramref name="costs"/> holds, per row key and per side (ours first), the runs of each round.</summary>
        public static void Write(Report report, string scenario, int pairs, IReadOnlyDictionary<string, List<ProcessCost>[]> costs)
        {
            var bare = costs["import"][1];
            var empty = costs["import"][2];
            report.Add(scenario, $"bare start, `-Command '$null = 1'`: whole process, median of {pairs}", "n/a", Costs(bare), "n/a", string.Empty, "reported", null);

            var import = costs["import"][0];
            double added = Stats.Median(Differences(import, bare, c => c.WallMilliseconds));
            report.Add(scenario, "start + `Import-Module`: whole process", Costs(import), Costs(bare) + " (bare start)", "n/a",
                $"{Signed(added)} ms added (median of the pairs' differences, middle half {Signed(Stats.Percentile(Differences(import, bare, c => c.WallMilliseconds), 25))} to {Signed(Stats.Percentile(Differences(import, bare, c => c.WallMilliseconds), 75))} ms); "
                + $"CPU {Signed(Stats.Median(Differences(import, bare, c => c.CpuMilliseconds)))} ms; peak RSS {SignedMiB(Stats.Median(Differences(import, bare, c => c.PeakResidentBytes)))}",
                $"≤ {ImportTargetMs:0} ms added", added <= ImportTargetMs);

            report.Add(scenario, "start + `Import-Module` of an empty manifest module (PowerShell's own first-import cost)", "n/a", Costs(empty), "n/a",
                $"ours {Signed(Stats.Median(Differences(import, empty, c => c.WallMilliseconds)))} ms beyond it (median of the pairs' differences); "
                + $"it {Signed(Stats.Median(Differences(empty, bare, c => c.WallMilliseconds)))} ms beyond the bare start; CPU: ours {Signed(Stats.Median(Differences(import, empty, c => c.CpuMilliseconds)))} ms beyond it",
                "reported (where the import's time goes)", null);

            var getVideo = costs["get"][0];
            var irm = costs["get"][1];
            double ratio = Stats.Median(Ratios(getVideo, irm));
            report.Add(scenario, "script: start + `Import-Module` + first `Get-Video`", Costs(getVideo), Costs(irm) + " (Invoke-RestMethod script)", "n/a",
                $"{Report.F(ratio)}× Invoke-RestMethod (median of the pairs' ratios, middle half {Spread(Ratios(getVideo, irm), "0.##")}×); "
                + $"{Signed(Stats.Median(Differences(getVideo, irm, c => c.WallMilliseconds)))} ms; CPU {Report.F(Stats.Median(Ratios(getVideo, irm, c => c.CpuMilliseconds)))}×",
                $"≤ {GetVideoTargetRatio}× Invoke-RestMethod", ratio <= GetVideoTargetRatio);

            var pipeline = costs["pipeline"][0];
            var irmPipeline = costs["pipeline"][1];
            report.Add(scenario, "script: start + `Import-Module` + `New-Video | Wait-Video | Save-VideoContent`", Costs(pipeline),
                Costs(irmPipeline) + " (Invoke-RestMethod + Invoke-WebRequest script)", "n/a",
                $"{Report.F(Stats.Median(Ratios(pipeline, irmPipeline)))}× (median of the pairs' ratios, middle half {Spread(Ratios(pipeline, irmPipeline), "0.##")}×); "
                + $"{Signed(Stats.Median(Differences(pipeline, irmPipeline, c => c.WallMilliseconds)))} ms; CPU {Report.F(Stats.Median(Ratios(pipeline, irmPipeline, c => c.CpuMilliseconds)))}×",
                "reported", null);
        }

        /// <summary>Median wall time, CPU time and peak resident set of one kind of process.</summary>
        public static string Costs(IReadOnlyCollection<ProcessCost> runs)
        {
            string wall = Report.F(Stats.Median(runs.Select(c => c.WallMilliseconds)), "0") + " ms";
            if (runs.Any(c => c.CpuMilliseconds < 0))
            {
                return wall + " (CPU and peak RSS unknown: no /usr/bin/time)";
            }

            return $"{wall} (CPU {Report.F(Stats.Median(runs.Select(c => c.CpuMilliseconds)), "0")} ms, peak RSS {Report.MiB((long)Stats.Median(runs.Select(c => (double)c.PeakResidentBytes)))})";
        }

        private static List<double> Differences(IReadOnlyList<ProcessCost> ours, IReadOnlyList<ProcessCost> baseline, Func<ProcessCost, double> measure) =>
            ours.Zip(baseline, (o, b) => measure(o) - measure(b)).ToList();

        private static List<double> Ratios(IReadOnlyList<ProcessCost> ours, IReadOnlyList<ProcessCost> baseline, Func<ProcessCost, double>? measure = null)
        {
            measure ??= c => c.WallMilliseconds;
            return ours.Zip(baseline, (o, b) => measure(o) / measure(b)).ToList();
        }

        private static string Spread(IReadOnlyCollection<double> values, string format) =>
            $"{Report.F(Stats.Percentile(values, 25), format)} to {Report.F(Stats.Percentile(values, 75), format)}";

        private static string Signed(double ms) => (ms < 0 ? "−" : "+") + Report.F(Math.Abs(ms), "0");

        private static string SignedMiB(double bytes) => (bytes < 0 ? "−" : "+") + Report.MiB((long)Math.Abs(bytes));
    }
}
