using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using OpenAIVideos.Benchmarks.Harness;

namespace OpenAIVideos.Benchmarks.Scenarios.Shell
{
    /// <summary>
    /// Waiting on 1,000 jobs from the shell: <c>$ids | Wait-Video</c> against an Invoke-RestMethod loop that sweeps the
    /// unfinished jobs and sleeps out the rest of the same interval; polls against the fewest the server's
    /// <c>openai-poll-after-ms</c> allows, wall time against the longest remaining job plus one interval.
    /// </summary>
    internal static class ShellWaitBenchmark
    {
        private const string Scenario = "shell-wait";

        private sealed record Outcome(double Seconds, double IdealSeconds, long Polls, long MinimumPolls);

        public static async Task RunAsync(Report report, BenchSettings settings, PinnedPowerShell pwsh)
        {
            report.RecordLoad(Scenario);
            double interval = settings.PollAfterMs / 1000.0;
            await using var emulator = await EmulatorProcess.StartAsync(jobSeconds: settings.WaitJobSeconds, pollAfterMs: settings.PollAfterMs);
            using var http = RawApi.CreateHttp(emulator.BaseUri);
            await using var worker = await ShellWorker.StartAsync(pwsh, emulator.BaseUri);
            foreach (string op in new[] { "ours-wait", "irm-wait" })
            {
                var warm = await RawApi.CreateManyAsync(http, 8, "warm-up");
                await worker.RunAsync(new { op, ids = warm.Select(j => j.Id).ToArray(), intervalMs = settings.PollAfterMs }, TimeSpan.FromMinutes(1));
            }

            Outcome ours = await MeasureAsync(settings, emulator, http, worker, "ours-wait");
            Outcome irm = await MeasureAsync(settings, emulator, http, worker, "irm-wait");
            double pollRatio = ours.Polls / (double)ours.MinimumPolls;
            report.Add(Scenario, $"{settings.ShellWaitJobs:N0} jobs: poll requests (minimum the hint allows)", $"{ours.Polls:N0} (min {ours.MinimumPolls:N0})",
                $"{irm.Polls:N0} (min {irm.MinimumPolls:N0})", "n/a", $"{Report.F(pollRatio)}× min; Invoke-RestMethod {Report.F(irm.Polls / (double)irm.MinimumPolls)}× min",
                "≤ 1.05× min", pollRatio <= 1.05);
            report.Add(Scenario, "wall time (longest job + one interval)", $"{Report.F(ours.Seconds, "0.00")} s (ideal {Report.F(ours.IdealSeconds, "0.00")} s)",
                $"{Report.F(irm.Seconds, "0.00")} s (ideal {Report.F(irm.IdealSeconds, "0.00")} s)", "n/a",
                $"{Report.F(ours.Seconds / ours.IdealSeconds)}× ideal; Invoke-RestMethod {Report.F(irm.Seconds / irm.IdealSeconds)}× ideal", "≤ ideal + 1 interval",
                ours.Seconds <= ours.IdealSeconds + interval);
            report.Note(Scenario, $"emulator `--job-seconds {settings.WaitJobSeconds} --poll-after-ms {settings.PollAfterMs}`; {settings.ShellWaitJobs:N0} jobs created by raw POSTs "
                + "(16 loops) just before each wait. Ours = `$ids | Wait-Video` (default options: the server's hint as interval, at most 16 polls in flight); "
                + $"Invoke-RestMethod = sweeps over the unfinished ids (`Invoke-RestMethod …/videos/$id`), then `Start-Sleep` for what is left of {settings.PollAfterMs} ms. "
                + "Polls = the emulator's retrieve count over the wait. Minimum polls = Σ per job of (⌈remaining / interval⌉ + 1), remaining = (time its create "
                + "answer arrived + job length) − the start of the pipeline in the worker (both processes read CLOCK_MONOTONIC); ideal wall = longest remaining + one interval.");
        }

        private static async Task<Outcome> MeasureAsync(BenchSettings settings, EmulatorProcess emulator, System.Net.Http.HttpClient http, ShellWorker worker, string op)
        {
            double interval = settings.PollAfterMs / 1000.0;
            var jobs = await RawApi.CreateManyAsync(http, settings.ShellWaitJobs, "A calico cat playing a piano, benchmark waiting", loops: 16);
            long pollsBefore = await emulator.RequestsForAsync("retrieve");
            var run = await worker.RunAsync(new { op, ids = jobs.Select(j => j.Id).ToArray(), intervalMs = settings.PollAfterMs }, TimeSpan.FromMinutes(3));
            long polls = await emulator.RequestsForAsync("retrieve") - pollsBefore;
            if (run.Count != jobs.Count)
            {
                throw new InvalidOperationException($"{op}: only {run.Count} of {jobs.Count} jobs completed.");
            }

            double[] remaining = jobs.Select(j => Math.Max(0, (j.ReceivedTimestamp - run.StartTimestamp) / (double)Stopwatch.Frequency + settings.WaitJobSeconds)).ToArray();
            long minimum = remaining.Sum(r => (long)Math.Ceiling(r / interval) + 1);
            return new Outcome(run.Milliseconds / 1000, remaining.Max() + interval, polls, minimum);
        }
    }
}
