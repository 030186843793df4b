using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using OpenAIVideos.Benchmarks.Harness;

namespace OpenAIVideos.Benchmarks.Scenarios.Shell
{
    /// <summary>
    /// Warm retrieve in one long-lived pwsh: <c>Get-Video -VideoId</c> against <c>Invoke-RestMethod</c> on the same URL
    /// with the same key, in alternating rounds; <c>Get-Date</c> in the same process shows what a compiled cmdlet call
    /// costs by itself (the floor under any cmdlet).
    /// </summary>
    internal static class ShellRetrieveBenchmark
    {
        private const string Scenario = "shell-retrieve";

        public static async Task RunAsync(Report report, BenchSettings settings, PinnedPowerShell pwsh)
        {
            report.RecordLoad(Scenario);
            await using var emulator = await EmulatorProcess.StartAsync(jobSeconds: 3600);
            using var http = RawApi.CreateHttp(emulator.BaseUri);
            string id = (await RawApi.CreateAsync(http, "A calico cat playing a piano")).Id!;
            await using var worker = await ShellWorker.StartAsync(pwsh, emulator.BaseUri);
            var limit = TimeSpan.FromMinutes(2);
            foreach (string op in new[] { "ours-retrieve", "irm-retrieve", "floor-retrieve", "bare-retrieve", "http-retrieve", "gap-retrieve" })
            {
                await worker.RunAsync(new { op, n = settings.ShellRetrieveWarmup, id }, limit);
            }

            await Task.Delay(300); // let the JIT's background promotion finish

            int n = settings.ShellRetrievePerRound;
            var ours = new List<ShellMeasurement>();
            var irm = new List<ShellMeasurement>();
            var floor = new List<ShellMeasurement>();
            var roundTrip = new List<ShellMeasurement>();
            var bare = new List<ShellMeasurement>();
            var gap = new List<ShellMeasurement>();
            for (int round = 0; round < settings.ShellRetrieveRounds; round++)
            {
                // Back to back in one round, the side that goes first alternating: a paired comparison.
                foreach (bool isOurs in round % 2 == 0 ? new[] { true, false } : new[] { false, true })
                {
                    (isOurs ? ours : irm).Add(await worker.RunAsync(new { op = isOurs ? "ours-retrieve" : "irm-retrieve", n, id }, limit));
                }

                floor.Add(await worker.RunAsync(new { op = "floor-retrieve", n, id }, limit));
                bare.Add(await worker.RunAsync(new { op = "bare-retrieve", n, id }, limit));
                roundTrip.Add(await worker.RunAsync(new { op = "http-retrieve", n, id }, limit));
                gap.Add(await worker.RunAsync(new { op = "gap-retrieve", n, id }, limit));
            }

            double PerCall(ShellMeasurement m) => m.Milliseconds / n;
            double oursMs = Stats.Median(ours.Select(PerCall)), irmMs = Stats.Median(irm.Select(PerCall)), floorMs = Stats.Median(floor.Select(PerCall));
            double httpMs = Stats.Median(roundTrip.Select(PerCall)), bareMs = Stats.Median(bare.Select(PerCall));
            double gapMs = Stats.Median(gap.Select(PerCall));
            var ratios = ours.Zip(irm, (o, r) => o.Milliseconds / r.Milliseconds).ToList();
            double ratio = Stats.Median(ratios);
            report.Add(Scenario, "warm call, median of the rounds' ratios", "n/a", "n/a", "n/a",
                $"{Report.F(ratio)}× Invoke-RestMethod (middle half of rounds {Report.F(Stats.Percentile(ratios, 25))}–{Report.F(Stats.Percentile(ratios, 75))}×)",
                "≤ 0.25× Invoke-RestMethod", ratio <= 0.25);
            report.Add(Scenario, "warm call, median per call", Report.F(oursMs, "0.000") + " ms", Report.F(irmMs, "0.000") + " ms", "n/a",
                Report.F(oursMs / irmMs) + "× Invoke-RestMethod", "reported", null);
            report.Add(Scenario, "warm call, allocated per call", Report.F(ours.Sum(m => m.Allocated) / (double)(n * ours.Count), "0") + " B",
                Report.F(irm.Sum(m => m.Allocated) / (double)(n * irm.Count), "0") + " B", "n/a",
                Report.F(ours.Sum(m => m.Allocated) / (double)irm.Sum(m => m.Allocated)) + "× Invoke-RestMethod", "reported", null);
            report.Add(Scenario, "warm call, pwsh CPU time per call", Report.F(ours.Sum(m => m.CpuMilliseconds) * 1000 / (n * ours.Count), "0") + " µs",
                Report.F(irm.Sum(m => m.CpuMilliseconds) * 1000 / (n * irm.Count), "0") + " µs", "n/a",
                Report.F(ours.Sum(m => m.CpuMilliseconds) / irm.Sum(m => m.CpuMilliseconds)) + "× Invoke-RestMethod", "reported", null);
            report.Add(Scenario, "floor: `Get-Date` per call, same pwsh", $"{Report.F(floorMs, "0.000")} ms, {Report.F(floor.Sum(m => m.Allocated) / (double)(n * floor.Count), "0")} B",
                "n/a", "n/a", $"ours = floor + {Report.F(oursMs - floorMs, "0.000")} ms", "reported (what any compiled cmdlet call costs)", null);
            report.Add(Scenario, "our cmdlet with no request: `Get-Video -First 0`", $"{Report.F(bareMs, "0.000")} ms, {Report.F(bare.Sum(m => m.Allocated) / (double)(n * bare.Count), "0")} B",
                "n/a", "n/a", $"floor + {Report.F(bareMs - floorMs, "0.000")} ms (binding, connection, client, dispose)", "reported", null);
            report.Add(Scenario, "round-trip floor: `HttpClient.GetStringAsync` back to back, same pwsh", Report.F(httpMs, "0.000") + " ms", "n/a", "n/a",
                $"ours = round trip + {Report.F(oursMs - httpMs, "0.000")} ms; Invoke-RestMethod = round trip + {Report.F(irmMs - httpMs, "0.000")} ms",
                "reported (the loopback exchange with the emulator at this load)", null);
            report.Add(Scenario, "the same with `Get-Date` between requests", Report.F(gapMs, "0.000") + " ms", "n/a", "n/a",
                $"ours = this + {Report.F(oursMs - gapMs, "0.000")} ms; the pause alone makes the round trip {Report.F(gapMs - floorMs - httpMs, "0.000")} ms slower",
                "reported (what any single-call invocation waits for)", null);
            report.Note(Scenario, $"{settings.ShellRetrieveWarmup} warm-up calls per contender, then {settings.ShellRetrieveRounds} rounds of {n} calls per side "
                + $"({settings.ShellRetrieveRounds * n:N0} timed calls each), the side that goes first alternating; the verdict is the median of the rounds' own ratios. "
                + "Ours = `foreach ($i in 1..N) { $null = Get-Video -VideoId $id }` after `Connect-OpenAIVideo -BaseUri … -ApiKey …`; "
                + "Invoke-RestMethod = the same loop over `Invoke-RestMethod -Uri …/videos/$id -Headers @{ Authorization = \"Bearer …\"; Accept = 'application/json' }`. "
                + "After each pair, `Get-Date` (a compiled cmdlet, no I/O), `Get-Video -First 0` (ours, ending before any request) and `$http.GetStringAsync($uri).GetAwaiter().GetResult()` (one HttpClient with the bearer "
                + "header; no parsing, no binding), back to back and with a `Get-Date` between requests, run the same number of times in the same pwsh, "
                + "as floors measured at the same load. "
                + "Allocated = the worker pwsh's allocations on all threads (`[GC]::GetTotalAllocatedBytes($true)`) / calls; CPU = its TotalProcessorTime / calls.");
        }
    }
}
