using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using OpenAIVideos.Benchmarks.Harness;

namespace OpenAIVideos.Benchmarks.Scenarios.Shell
{
    /// <summary>
    /// 1 GiB of content to a file from the shell: <c>Save-VideoContent</c>, <c>Invoke-WebRequest -OutFile</c> and
    /// <c>curl -o</c> (started from the same pwsh), each of the other two also followed by an fsync of the file so that it is
    /// as durable as ours, in an order shuffled per round; rates both ways (judged on equal durability), and the worker's
    /// peak resident set above its start. Each file is deleted as soon as it has been timed.
    /// </summary>
    internal static class ShellDownloadBenchmark
    {
        private const string Scenario = "shell-download";
        private static readonly string[] Contenders = { "ours-download", "iwr-download", "curl-download", "iwr-download-fsync", "curl-download-fsync" };

        public static async Task RunAsync(Report report, BenchSettings settings, PinnedPowerShell pwsh)
        {
            report.RecordLoad(Scenario);
            if (!ChildProcess.CurlAvailable)
            {
                report.Add(Scenario, "download", "n/a", "n/a", "n/a", $"{ChildProcess.CurlPath} not found", "≥ 1.0× Invoke-WebRequest + fsync and ≥ 0.9× curl + fsync", null);
                return;
            }

            await DownloadFolder.UseAsync(settings, "openaivideos-shell-bench", folder => RunInAsync(report, settings, pwsh, folder));
        }

        private static async Task RunInAsync(Report report, BenchSettings settings, PinnedPowerShell pwsh, string folder)
        {
            await using var emulator = await EmulatorProcess.StartAsync(jobSeconds: 0.2);
            using var http = RawApi.CreateHttp(emulator.BaseUri);
            string id = (await RawApi.CreateAsync(http, $"Benchmark body [emulator:content-bytes={settings.ShellDownloadBytes}]")).Id!;
            string small = (await RawApi.CreateAsync(http, "Benchmark warm-up [emulator:content-bytes=1048576]")).Id!;
            await RawApi.WaitCompletedAsync(http, id, TimeSpan.FromSeconds(30));
            await RawApi.WaitCompletedAsync(http, small, TimeSpan.FromSeconds(30));
            await using var worker = await ShellWorker.StartAsync(pwsh, emulator.BaseUri);
            var limit = TimeSpan.FromMinutes(2);
            foreach (string op in Contenders)
            {
                await RunOneAsync(worker, op, small, 1048576, folder, limit);
            }

            var runs = Contenders.ToDictionary(op => op, _ => new List<ShellMeasurement>());
            var random = new Random(20261201); // seeded: the same orders every run
            for (int round = 0; round < settings.ShellDownloadRounds; round++)
            {
                foreach (string op in Contenders.OrderBy(_ => random.Next()).ToList())
                {
                    runs[op].Add(await RunOneAsync(worker, op, id, settings.ShellDownloadBytes, folder, limit));
                }
            }

            double mib = settings.ShellDownloadBytes / 1048576.0;
            double Rate(string op) => Stats.Median(runs[op].Select(m => mib / (m.Milliseconds / 1000)));
            double ours = Rate("ours-download"), iwr = Rate("iwr-download"), curl = Rate("curl-download");
            double iwrSync = Rate("iwr-download-fsync"), curlSync = Rate("curl-download-fsync");
            report.Add(Scenario, $"{Report.F(mib, "0")} MiB to a file, MiB/s, as each writes by default", Report.F(ours, "0") + " (durable)",
                Report.F(iwr, "0") + " (Invoke-WebRequest -OutFile, page cache only)", Report.F(curl, "0") + " (`-o`, page cache only)",
                $"{Report.F(ours / curl)}× curl, {Report.F(ours / iwr)}× Invoke-WebRequest", "reported (not like for like: only ours is on the disk when it returns)", null);
            bool equalDurabilityMet = ours >= iwrSync && ours >= 0.9 * curlSync;
            report.Add(Scenario, $"same, equal durability: the others followed by an fsync of the file, MiB/s", Report.F(ours, "0"),
                Report.F(iwrSync, "0") + " (Invoke-WebRequest + fsync)", Report.F(curlSync, "0") + " (`-o` + fsync)",
                $"{Report.F(ours / curlSync)}× curl + fsync, {Report.F(ours / iwrSync)}× Invoke-WebRequest + fsync", "≥ 1.0× Invoke-WebRequest + fsync and ≥ 0.9× curl + fsync",
                equalDurabilityMet);
            // Where the time goes, less load-sensitive than the rates: CPU time of the worker pwsh for the whole download (curl's own is in its process).
            double Cpu(string op) => Stats.Median(runs[op].Select(m => m.CpuMilliseconds));
            report.Add(Scenario, "pwsh CPU time for the download (user + system, all threads)", Report.F(Cpu("ours-download"), "0") + " ms",
                $"{Report.F(Cpu("iwr-download"), "0")} ms (Invoke-WebRequest); {Report.F(Cpu("iwr-download-fsync"), "0")} ms (+ fsync)", "n/a (own process)",
                $"{Report.F(Cpu("ours-download") / Cpu("iwr-download-fsync"))}× Invoke-WebRequest + fsync", "reported", null);
            long Growth(string op) => (long)Stats.Median(runs[op].Select(m => (double)m.PeakGrowth));
            report.Add(Scenario, "pwsh peak working set growth", Report.MiB(Growth("ours-download")), Report.MiB(Growth("iwr-download")) + " (Invoke-WebRequest)", "n/a (own process)",
                string.Empty, "< 32 MiB", Growth("ours-download") < 32L * 1024 * 1024);
            string PerRound(string op) => string.Join(", ", runs[op].Select(m => Report.F(mib / (m.Milliseconds / 1000), "0")));
            report.Note(Scenario, $"{settings.ShellDownloadRounds} rounds (median), the five contenders in an order shuffled per round (seeded), into `{folder}`. "
                + "What each guarantees when it returns: ours = `Save-VideoContent -VideoId $id -Path FILE -Force` writes a temporary file, fsyncs it, renames it over FILE and "
                + "fsyncs the folder, so the whole file is on the disk (and no partial FILE can exist); Invoke-WebRequest = `Invoke-WebRequest -Uri …/content?variant=video -Headers … -OutFile FILE` "
                + "and curl = `curl -sS -f -o FILE -H …` (started from the worker pwsh, its process start included, as a script would run it) return with the data in the page cache, "
                + "to be written back within about 30 s; a power cut before that loses it, and a failure midway leaves a partial FILE. The equal-durability row adds an fsync(2) of FILE "
                + "(FileStream.Flush(true) in the same pwsh) to the timed work of those two; the verdict is on that row. Growth = the worker's kernel peak RSS (reset before each download) "
                + $"minus its working set before. MiB/s per round: ours {PerRound("ours-download")}; Invoke-WebRequest {PerRound("iwr-download")}; + fsync {PerRound("iwr-download-fsync")}; "
                + $"curl {PerRound("curl-download")}; + fsync {PerRound("curl-download-fsync")}.");
        }

        private static async Task<ShellMeasurement> RunOneAsync(ShellWorker worker, string op, string id, long bytes, string folder, TimeSpan limit)
        {
            string path = Path.Combine(folder, $"{op}.mp4");
            try
            {
                var run = await worker.RunAsync(new { op, id, path, curl = ChildProcess.CurlPath, memory = true }, limit);
                return run.Count == bytes ? run : throw new InvalidOperationException($"{op} saved {run.Count} bytes, expected {bytes}.");
            }
            finally
            {
                File.Delete(path);
            }
        }
    }
}
