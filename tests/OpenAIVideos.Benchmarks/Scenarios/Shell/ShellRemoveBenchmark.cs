using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OpenAIVideos.Benchmarks.Harness;

namespace OpenAIVideos.Benchmarks.Scenarios.Shell
{
    /// <summary>
    /// A filter-and-act pipeline: <c>Get-Video | Where-Object Status -eq failed | Remove-Video -Confirm:$false</c> over
    /// 1,000 videos of which 100 failed, against the same pipeline built from Invoke-RestMethod. Before every run the
    /// server is emptied and seeded again, so both sides always see the same 1,000 finished videos.
    /// </summary>
    internal static class ShellRemoveBenchmark
    {
        private const string Scenario = "shell-remove";

        public static async Task RunAsync(Report report, BenchSettings settings, PinnedPowerShell pwsh)
        {
            report.RecordLoad(Scenario);
            await using var emulator = await EmulatorProcess.StartAsync(jobSeconds: 0.2, pageSize: 100);
            using var http = RawApi.CreateHttp(emulator.BaseUri);
            await using var worker = await ShellWorker.StartAsync(pwsh, emulator.BaseUri);
            var limit = TimeSpan.FromMinutes(3);
            foreach (string op in new[] { "ours-remove", "irm-remove" })
            {
                await SeedAsync(http, 50, 5);
                await worker.RunAsync(new { op }, limit);
            }

            var ours = new List<ShellMeasurement>();
            var irm = new List<ShellMeasurement>();
            for (int round = 0; round < settings.ShellRemoveRounds; round++)
            {
                foreach (bool isOurs in round % 2 == 0 ? new[] { true, false } : new[] { false, true })
                {
                    await SeedAsync(http, settings.ShellRemoveTotal, settings.ShellRemoveFailed);
                    long deletesBefore = await emulator.RequestsForAsync("delete");
                    var run = await worker.RunAsync(new { op = isOurs ? "ours-remove" : "irm-remove" }, limit);
                    long deletes = await emulator.RequestsForAsync("delete") - deletesBefore;
                    var left = await RawApi.ListAllAsync(http);
                    if (deletes != settings.ShellRemoveFailed || left.Count != settings.ShellRemoveTotal - settings.ShellRemoveFailed || left.Any(v => v.Status == "failed"))
                    {
                        throw new InvalidOperationException($"{(isOurs ? "ours" : "Invoke-RestMethod")}: {deletes} deletes, {left.Count} videos left, {left.Count(v => v.Status == "failed")} failed left.");
                    }

                    (isOurs ? ours : irm).Add(run);
                }
            }

            var ratios = ours.Zip(irm, (o, r) => o.Milliseconds / r.Milliseconds).ToList();
            double ratio = Stats.Median(ratios);
            report.Add(Scenario, $"{settings.ShellRemoveTotal:N0} videos, {settings.ShellRemoveFailed} failed removed: time", Report.F(Stats.Median(ours.Select(m => m.Milliseconds)), "0") + " ms",
                Report.F(Stats.Median(irm.Select(m => m.Milliseconds)), "0") + " ms", "n/a",
                $"{Report.F(ratio)}× Invoke-RestMethod (median of the rounds' ratios)", "≤ 0.5×", ratio <= 0.5);
            report.Add(Scenario, "allocated per listed video", Report.F(Stats.Median(ours.Select(m => (double)m.Allocated)) / settings.ShellRemoveTotal, "0") + " B",
                Report.F(Stats.Median(irm.Select(m => (double)m.Allocated)) / settings.ShellRemoveTotal, "0") + " B", "n/a", string.Empty, "reported", null);
            report.Note(Scenario, $"emulator `--job-seconds 0.2 --page-size 100`; before each of the {settings.ShellRemoveRounds * 2} runs the harness deletes every video, "
                + $"creates {settings.ShellRemoveTotal - settings.ShellRemoveFailed} ordinary and {settings.ShellRemoveFailed} `[emulator:fail]` videos by raw POSTs, and waits until all are finished; "
                + "after each it checks that exactly the failed ones were deleted (the emulator's delete count and a listing). "
                + "Ours = `Get-Video | Where-Object Status -eq failed | Remove-Video -Confirm:$false`; Invoke-RestMethod = the paging function of shell-list "
                + "`| Where-Object Status -eq failed | ForEach-Object { $null = Invoke-RestMethod -Method Delete -Uri …/videos/$($_.id) -Headers … }`. "
                + $"{settings.ShellRemoveRounds} rounds, the side that goes first alternating; ms per round: ours {string.Join(", ", ours.Select(m => Report.F(m.Milliseconds, "0")))}; "
                + $"Invoke-RestMethod {string.Join(", ", irm.Select(m => Report.F(m.Milliseconds, "0")))}.");
        }

        private static async Task SeedAsync(HttpClient http, int total, int failed)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            foreach (var video in await RawApi.ListAllAsync(http, timeout.Token))
            {
                if (video.IsTerminal)
                {
                    await RawApi.DeleteAsync(http, video.Id!, timeout.Token);
                }
            }

            await RawApi.CreateManyAsync(http, total - failed, "A calico cat playing a piano, benchmark removal");
            await RawApi.CreateManyAsync(http, failed, "A calico cat playing a piano [emulator:fail]");
            // Finished means deletable: poll the listing until no video is still queued or running.
            while ((await RawApi.ListAllAsync(http, timeout.Token)) is var all && (all.Count != total || all.Any(v => !v.IsTerminal)))
            {
                await Task.Delay(100, timeout.Token);
            }
        }
    }
}
