using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OpenAIVideos.Benchmarks.Harness;
using OpenAIVideos.Client;
using OpenAIVideos.Client.Batch;

namespace OpenAIVideos.Benchmarks.Scenarios
{
    /// <summary>
    /// What the batch engine (Invoke-VideoBatch) costs per item over doing the same work by hand: 1,000 items created,
    /// waited for and saved by <see cref="BatchRunner"/> (journal with an fsync before and after every create), against
    /// creates in 16 loops, <c>WaitAllAsync</c> (what Wait-Video runs) and saves in 16 loops with the same client.
    /// </summary>
    internal static class BatchBenchmark
    {
        private const string Scenario = "batch";
        private const double JobSeconds = 2;
        private const int PollAfterMs = 500;

        private sealed record Outcome(double Seconds, double CpuSeconds, int Completed);

        public static async Task RunAsync(Report report, BenchSettings settings)
        {
            report.RecordLoad(Scenario);
            int items = settings.Quick ? 200 : 1000;
            await using var emulator = await EmulatorProcess.StartAsync(jobSeconds: JobSeconds, pollAfterMs: PollAfterMs, pageSize: 100);
            var folder = Directory.CreateTempSubdirectory("oav-bench-batch-").FullName;
            try
            {
                // Warm both paths on a small run first.
                await ByHandAsync(emulator.BaseUri, 16, Path.Combine(folder, "warm-hand"), "warm");
                await BatchAsync(emulator.BaseUri, 16, Path.Combine(folder, "warm-batch"), "warm");
                Outcome byHand = await ByHandAsync(emulator.BaseUri, items, Path.Combine(folder, "hand"), "hand");
                Outcome batch = await BatchAsync(emulator.BaseUri, items, Path.Combine(folder, "batch"), "batch");
                if (byHand.Completed != items || batch.Completed != items)
                {
                    throw new InvalidOperationException($"Completed {byHand.Completed} by hand and {batch.Completed} in the batch of {items}.");
                }

                double wallPerItem = (batch.Seconds - byHand.Seconds) * 1000 / items;
                double cpuPerItem = (batch.CpuSeconds - byHand.CpuSeconds) * 1000 / items;
                report.Add(Scenario, $"{items:N0} items: wall time, batch vs create + Wait + save",
                    $"{Report.F(batch.Seconds, "0.00")} s", $"{Report.F(byHand.Seconds, "0.00")} s", "n/a",
                    $"{Report.F(wallPerItem, "0.00")} ms/item overhead", "≤ 5 ms/item", wallPerItem <= 5);
                report.Add(Scenario, $"{items:N0} items: client CPU, batch vs create + Wait + save",
                    $"{Report.F(batch.CpuSeconds, "0.00")} s", $"{Report.F(byHand.CpuSeconds, "0.00")} s", "n/a",
                    $"{Report.F(cpuPerItem, "0.00")} ms/item overhead", "≤ 2 ms/item", cpuPerItem <= 2);
                report.Note(Scenario, $"emulator `--job-seconds {JobSeconds} --poll-after-ms {PollAfterMs}`. Batch = `BatchRunner.RunAsync` with `ThrottleLimit` = "
                    + $"{items:N0} (no cap), the server's poll hint, one MP4 per item, journal in the temp folder (fsync before and after each create). "
                    + "By hand = the same client: creates in 16 loops, `Poller.WaitAllAsync` (as Wait-Video), downloads in 16 loops. CPU = this process's "
                    + "TotalProcessorTime over the run. Overhead = (batch − by hand) / items.");
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        private static IReadOnlyList<string> Prompts(int count, string tag) =>
            Enumerable.Range(1, count).Select(i => $"benchmark batch {tag} {i:0000}: a calico cat playing a piano").ToList();

        private static async Task<Outcome> ByHandAsync(Uri baseUri, int count, string folder, string tag)
        {
            Directory.CreateDirectory(folder);
            using var client = Clients.Ours(baseUri);
            var prompts = Prompts(count, tag);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            long start = Stopwatch.GetTimestamp();
            var ids = new string[count];
            int next = -1;
            await Task.WhenAll(Enumerable.Range(0, 16).Select(async _ =>
            {
                for (int i; (i = Interlocked.Increment(ref next)) < count;)
                {
                    ids[i] = (await client.CreateAsync(new VideoCreateRequest { Prompt = prompts[i] })).Id;
                }
            }));
            var completed = new List<string>();
            await foreach (var outcome in client.Poller.WaitAllAsync(ids, new VideoWaitOptions { Timeout = TimeSpan.FromSeconds(300) }))
            {
                if (outcome.Succeeded)
                {
                    completed.Add(outcome.VideoId);
                }
            }

            next = -1;
            await Task.WhenAll(Enumerable.Range(0, 16).Select(async _ =>
            {
                for (int i; (i = Interlocked.Increment(ref next)) < completed.Count;)
                {
                    await client.DownloadContentToFileAsync(completed[i], VideoContentVariant.Video, Path.Combine(folder, completed[i] + ".mp4"), overwrite: true);
                }
            }));
            return new Outcome(Stats.MillisecondsSince(start) / 1000, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds, completed.Count);
        }

        private static async Task<Outcome> BatchAsync(Uri baseUri, int count, string folder, string tag)
        {
            var items = Prompts(count, tag).Select((prompt, i) =>
            {
                var request = new VideoCreateRequest { Prompt = prompt };
                return new BatchItem(i + 1, request, null, BatchItemKey.For(request, null));
            }).ToList();
            var options = new BatchRunOptions { OutputFolder = folder, ThrottleLimit = count, Wait = new VideoWaitOptions { Timeout = TimeSpan.FromSeconds(300) } };
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            long start = Stopwatch.GetTimestamp();
            using var journal = BatchJournal.Open(Path.Combine(folder + ".jsonl"));
            var steps = items.Select(item => BatchPlanner.Plan(item, journal.Find(item.Key), options.Variants, false, BatchPlanner.FileLengthOnDisk)).ToList();
            using var runner = new BatchRunner(new VideoClientOptions { BaseUri = baseUri, ApiKey = ApiKeySecret.FromPlainText(EmulatorProcess.ApiKey) });
            var results = await runner.RunAsync(steps, journal, options, (_, _) => Task.CompletedTask);
            return new Outcome(Stats.MillisecondsSince(start) / 1000, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds,
                results.Count(result => result.Status == VideoBatchItemStatus.Completed));
        }
    }
}
