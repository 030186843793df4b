using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OpenAIVideos.Benchmarks.Harness;
using OpenAIVideos.Client;

namespace OpenAIVideos.Benchmarks.Scenarios
{
    /// <summary>
    /// Waiting on 1,000 jobs at once: threads before/peak/after, poll requests against the fewest the server's
    /// <c>openai-poll-after-ms</c> allows, and wall time against the longest remaining job plus one interval.
    /// </summary>
    internal static class WaitBenchmark
    {
        private const string Scenario = "wait";

        private sealed record Outcome(double Seconds, double IdealSeconds, long Polls, long MinimumPolls, int ThreadsBefore, int ThreadsPeak, int ThreadsAfter, int Completed);

        public static async Task RunAsync(Report report, BenchSettings settings, ProcessSampler sampler)
        {
            report.RecordLoad("wait");
            double interval = settings.PollAfterMs / 1000.0;
            await using var emulator = await EmulatorProcess.StartAsync(jobSeconds: settings.WaitJobSeconds, pollAfterMs: settings.PollAfterMs);
            using var http = RawApi.CreateHttp(emulator.BaseUri);
            using var client = Clients.Ours(emulator.BaseUri);

            // Warm the paths on one short batch first.
            var warm = await RawApi.CreateManyAsync(http, 8, "warm-up");
            await foreach (var _ in client.Poller.WaitAllAsync(warm.Select(j => j.Id), new VideoWaitOptions { Timeout = TimeSpan.FromSeconds(60) }))
            {
            }

            Outcome ours = await MeasureAsync(settings, sampler, emulator, http, ids => OursAsync(client, ids));
            Outcome raw = await MeasureAsync(settings, sampler, emulator, http, ids => RawAsync(http, ids));

            report.Add(Scenario, $"{settings.WaitJobs:N0} jobs: threads before / peak / after",
                $"{ours.ThreadsBefore} / {ours.ThreadsPeak} / {ours.ThreadsAfter}", $"{raw.ThreadsBefore} / {raw.ThreadsPeak} / {raw.ThreadsAfter}", "n/a",
                $"+{ours.ThreadsPeak - ours.ThreadsBefore} threads for {settings.WaitJobs:N0} jobs", "bounded (peak ≤ before + 32)", ours.ThreadsPeak <= ours.ThreadsBefore + 32);
            double pollRatio = ours.Polls / (double)ours.MinimumPolls;
            report.Add(Scenario, "poll requests (minimum the hint allows)", $"{ours.Polls:N0} (min {ours.MinimumPolls:N0})", $"{raw.Polls:N0} (min {raw.MinimumPolls:N0})", "n/a",
                $"{Report.F(pollRatio)}× min; raw {Report.F(raw.Polls / (double)raw.MinimumPolls)}× min", "≤ 1.10× min", pollRatio <= 1.10);
            double wallRatio = ours.Seconds / ours.IdealSeconds;
            report.Add(Scenario, "wall time (longest job + one interval)", $"{Report.F(ours.Seconds, "0.00")} s (ideal {Report.F(ours.IdealSeconds, "0.00")} s)",
                $"{Report.F(raw.Seconds, "0.00")} s (ideal {Report.F(raw.IdealSeconds, "0.00")} s)", "n/a",
                $"{Report.F(wallRatio)}× ideal; raw {Report.F(raw.Seconds / raw.IdealSeconds)}× ideal", "≤ ideal + 1 interval", ours.Seconds <= ours.IdealSeconds + interval);
            report.Note(Scenario, $"emulator `--job-seconds {settings.WaitJobSeconds} --poll-after-ms {settings.PollAfterMs}`; {settings.WaitJobs:N0} jobs created by raw POSTs "
                + "(16 loops) just before each wait, so they finish at different times. Ours = `client.Poller.WaitAllAsync(ids)` with default options "
                + "(at most 16 polls in flight, the server's hint as interval); raw = one `async` loop per job (retrieve, then `Task.Delay(hint)`), "
                + "no cap on polls in flight. Polls = the emulator's retrieve count (GET /_emulator/stats) over the wait. Minimum polls = Σ per job of "
                + "(⌈remaining / interval⌉ + 1), remaining = (time its create answer arrived + job length) − wait start; ideal wall = longest remaining + one "
                + "interval. Creation time is estimated from the client side, so both are slight over-estimates (by at most one poll per job). "
                + "Threads: Process.Threads before the wait (sampler thread included), the peak sampled every 50 ms, and right after.");
        }

        private static async Task<Outcome> MeasureAsync(BenchSettings settings, ProcessSampler sampler, EmulatorProcess emulator, HttpClient http,
            Func<IReadOnlyList<string>, Task<int>> wait)
        {
            double jobSeconds = settings.WaitJobSeconds;
            double interval = settings.PollAfterMs / 1000.0;
            var jobs = await RawApi.CreateManyAsync(http, settings.WaitJobs, "A calico cat playing a piano, benchmark waiting", loops: 16);
            sampler.Reset();
            int threadsBefore = ProcessSampler.ThreadCount();
            long pollsBefore = await emulator.RequestsForAsync("retrieve");
            long start = Stopwatch.GetTimestamp();
            int completed = await wait(jobs.Select(j => j.Id).ToList());
            double seconds = Stats.MillisecondsSince(start) / 1000;
            int threadsAfter = ProcessSampler.ThreadCount();
            long polls = await emulator.RequestsForAsync("retrieve") - pollsBefore;
            if (completed != jobs.Count)
            {
                throw new InvalidOperationException($"Only {completed} of {jobs.Count} jobs completed.");
            }

            double[] remaining = jobs.Select(j => Math.Max(0, (j.ReceivedTimestamp - start) / (double)Stopwatch.Frequency + jobSeconds)).ToArray();
            long minimum = remaining.Sum(r => (long)Math.Ceiling(r / interval) + 1);
            return new Outcome(seconds, remaining.Max() + interval, polls, minimum, threadsBefore, Math.Max(sampler.PeakThreads, threadsAfter), threadsAfter, completed);
        }

        private static async Task<int> OursAsync(VideosClient client, IReadOnlyList<string> ids)
        {
            int completed = 0;
            await foreach (VideoWaitOutcome outcome in client.Poller.WaitAllAsync(ids, new VideoWaitOptions { Timeout = TimeSpan.FromSeconds(120) }))
            {
                if (outcome.Succeeded)
                {
                    completed++;
                }
            }

            return completed;
        }

        private static async Task<int> RawAsync(HttpClient http, IReadOnlyList<string> ids)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            var waits = ids.Select(async id =>
            {
                while (true)
                {
                    var (video, hint) = await RawApi.RetrieveWithHintAsync(http, id, timeout.Token);
                    if (video.IsTerminal)
                    {
                        return video.Status == "completed";
                    }

                    await Task.Delay(hint ?? 1000, timeout.Token);
                }
            }).ToList();
            return (await Task.WhenAll(waits)).Count(done => done);
        }
    }
}
