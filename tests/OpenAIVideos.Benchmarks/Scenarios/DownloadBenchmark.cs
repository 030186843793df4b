using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using OpenAIVideos.Benchmarks.Harness;
using OpenAIVideos.Client;

namespace OpenAIVideos.Benchmarks.Scenarios
{
    /// <summary>
    /// A 1 GiB content body (the emulator's <c>[emulator:content-bytes=N]</c> marker streams it without buffering) to a
    /// file in one folder for every contender; each file is deleted as soon as it has been timed. Our download is atomic
    /// and durable (temporary file, fsync, rename, fsync of the folder), so curl is also timed with an fsync of its file
    /// afterwards, and our stream API into a plain file shows what durability costs.
    /// </summary>
    internal static class DownloadBenchmark
    {
        private const string Scenario = "download";

        public static async Task RunAsync(Report report, BenchSettings settings, ProcessSampler sampler)
        {
            report.RecordLoad("download");
            await DownloadFolder.UseAsync(settings, "openaivideos-bench", folder => RunInAsync(report, settings, sampler, folder));
        }

        private static async Task RunInAsync(Report report, BenchSettings settings, ProcessSampler sampler, string folder)
        {
            await using var emulator = await EmulatorProcess.StartAsync(jobSeconds: 0.2);
            using var http = RawApi.CreateHttp(emulator.BaseUri);
            string id = (await RawApi.CreateAsync(http, $"Benchmark body [emulator:content-bytes={settings.DownloadBytes}]")).Id!;
            await RawApi.WaitCompletedAsync(http, id, TimeSpan.FromSeconds(30));
            using var client = Clients.Ours(emulator.BaseUri);
            string url = emulator.BaseUri.AbsoluteUri + $"videos/{id}/content?variant=video";
            string auth = "Authorization: Bearer " + EmulatorProcess.ApiKey;
            double mib = settings.DownloadBytes / 1048576.0;

            // Warm the code paths on the small thumbnail so JIT is not in the timings.
            await client.DownloadContentToFileAsync(id, VideoContentVariant.Thumbnail, Path.Combine(folder, "warm.webp"), overwrite: true);
            File.Delete(Path.Combine(folder, "warm.webp"));

            var ours = new List<double>();
            var streamed = new List<double>();
            var raw128 = new List<double>();
            var raw = new List<double>();
            var curl = new List<double>();
            var curlSynced = new List<double>();
            var ceilings = new List<double>();
            var oursGrowth = new List<double>();
            var rawGrowth = new List<double>();
            var contenders = new List<Func<Task>>
            {
                async () =>
                {
                    string path = Path.Combine(folder, "ours.mp4");
                    var (seconds, growth) = await MeasureAsync(sampler, () => client.DownloadContentToFileAsync(id, VideoContentVariant.Video, path, overwrite: true));
                    Check(path, settings.DownloadBytes);
                    ours.Add(seconds);
                    oursGrowth.Add(growth);
                },
                async () =>
                {
                    // The same transport and copy loop into a plain FileStream: the download without the atomic, durable file.
                    string path = Path.Combine(folder, "ours-stream.mp4");
                    var (seconds, _) = await MeasureAsync(sampler, () => StreamToFileAsync(client, id, path));
                    Check(path, settings.DownloadBytes);
                    streamed.Add(seconds);
                },
                async () =>
                {
                    string path = Path.Combine(folder, "raw.mp4");
                    var (seconds, growth) = await MeasureAsync(sampler, () => RawDownloadAsync(http, $"videos/{id}/content?variant=video", path));
                    Check(path, settings.DownloadBytes);
                    raw.Add(seconds);
                    rawGrowth.Add(growth);
                },
                async () =>
                {
                    // Why the engine writes 80 KiB, not 128 KiB: the same raw loop with 128 KiB writes (docs/performance.md).
                    string path = Path.Combine(folder, "raw-128k.mp4");
                    var (seconds, _) = await MeasureAsync(sampler, () => RawDownloadAsync(http, $"videos/{id}/content?variant=video", path, 128 * 1024));
                    Check(path, settings.DownloadBytes);
                    raw128.Add(seconds);
                },
            };
            if (ChildProcess.CurlAvailable)
            {
                // The link and the emulator without any disk: the physical ceiling of this loopback.
                contenders.Add(async () => ceilings.Add((await ChildProcess.RunAsync(ChildProcess.CurlPath, new[] { "-s", "-o", "/dev/null", "-H", auth, url }, null, TimeSpan.FromMinutes(5))).Milliseconds / 1000));
                contenders.Add(async () =>
                {
                    string path = Path.Combine(folder, "curl.mp4");
                    double seconds = (await ChildProcess.RunAsync(ChildProcess.CurlPath, new[] { "-s", "-o", path, "-H", auth, url }, null, TimeSpan.FromMinutes(5))).Milliseconds / 1000;
                    var sync = Stopwatch.StartNew();
                    using (var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite))
                    {
                        file.Flush(flushToDisk: true);
                    }

                    Check(path, settings.DownloadBytes);
                    curl.Add(seconds);
                    curlSynced.Add(seconds + sync.Elapsed.TotalSeconds);
                });
            }

            // A new order each round (seeded, so runs are comparable): in a fixed cyclic order each contender always
            // follows the same one and inherits the state of the page cache it left.
            var order = new Random(20261120);
            for (int round = 0; round < settings.DownloadRounds; round++)
            {
                foreach (var contender in contenders.OrderBy(_ => order.Next()).ToList())
                {
                    await contender();
                }
            }

            double oursRate = mib / Stats.Median(ours), rawRate = mib / Stats.Median(raw), streamRate = mib / Stats.Median(streamed);
            double curlRate = mib / Stats.Median(curl), curlSyncedRate = mib / Stats.Median(curlSynced);
            report.Add(Scenario, $"{Report.MiB(settings.DownloadBytes)} to a file, MiB/s", Report.F(oursRate, "0"), Report.F(rawRate, "0"), Report.F(curlRate, "0") + " (`-o`)",
                $"{Report.F(oursRate / curlRate)}× curl, {Report.F(oursRate / rawRate)}× raw", "≥ 0.90× curl `-o`", oursRate >= 0.9 * curlRate);
            report.Add(Scenario, "same, curl then fsync (as durable as ours)", Report.F(oursRate, "0"), "n/a", Report.F(curlSyncedRate, "0"),
                Report.F(oursRate / curlSyncedRate) + "× curl+fsync", "reported", null);
            report.Add(Scenario, "ours, stream API into a FileStream (no fsync, no rename)", Report.F(streamRate, "0"), Report.F(rawRate, "0"), Report.F(curlRate, "0") + " (`-o`)",
                $"{Report.F(streamRate / curlRate)}× curl, {Report.F(streamRate / rawRate)}× raw", "reported", null);
            report.Add(Scenario, "raw with 128 KiB writes (why ours writes 80 KiB)", "n/a", Report.F(mib / Stats.Median(raw128), "0"), "n/a",
                Report.F(Stats.Median(raw) / Stats.Median(raw128)) + "× raw (80 KiB)", "reported", null);
            report.Add(Scenario, "link ceiling: curl `-o /dev/null`", "n/a", "n/a", Report.F(mib / Stats.Median(ceilings), "0") + " MiB/s", "", "reported", null);
            double oursPeak = Stats.Median(oursGrowth), rawPeak = Stats.Median(rawGrowth);
            report.Add(Scenario, "peak working set growth", Report.MiB((long)oursPeak), Report.MiB((long)rawPeak), "n/a", "", "< 32 MiB", oursPeak < 32 * 1048576.0);
            report.Note(Scenario, $"{settings.DownloadRounds} rounds (median), each running ours, ours (stream API), raw, raw with 128 KiB writes, curl and the link ceiling in an order shuffled per round (seeded), into `{folder}` (same file system as the build); "
                + "ours = `DownloadContentToFileAsync` (temporary file, 80 KiB buffer, writeback started every 8 MiB, fsync, rename, fsync of the folder); "
                + "ours (stream API) = `DownloadContentAsync` into a plain FileStream (no fsync, no rename); "
                + "raw = `GetAsync(ResponseHeadersRead)` + `CopyToAsync(FileStream)` with 80 KiB buffers (128 KiB for the row that says so) and no fsync; curl = `curl -s -o FILE` (no fsync); 'curl then fsync' adds the time to fsync curl's file. "
                + "Growth = kernel peak RSS (reset before each download) minus the working set before it. Each file is deleted right after it is checked. "
                + $"MiB/s per round: ours {Rates(mib, ours)}; stream API {Rates(mib, streamed)}; raw {Rates(mib, raw)}; raw 128 KiB {Rates(mib, raw128)}; curl {Rates(mib, curl)}; curl then fsync {Rates(mib, curlSynced)}; ceiling {Rates(mib, ceilings)}.");
        }

        private static string Rates(double mib, List<double> seconds) => string.Join(", ", seconds.ConvertAll(s => Report.F(mib / s, "0")));

        private static async Task<(double Seconds, double Growth)> MeasureAsync<T>(ProcessSampler sampler, Func<Task<T>> download)
        {
            sampler.Reset();
            long before = Environment.WorkingSet;
            var stopwatch = Stopwatch.StartNew();
            await download();
            double seconds = stopwatch.Elapsed.TotalSeconds;
            return (seconds, sampler.PeakWorkingSet - before);
        }

        private static async Task<ContentDownloadResult> StreamToFileAsync(VideosClient client, string id, string path)
        {
            await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            return await client.DownloadContentAsync(id, VideoContentVariant.Video, file);
        }

        private static async Task<long> RawDownloadAsync(HttpClient http, string url, string path, int bufferSize = 81920)
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
            response.EnsureSuccessStatusCode();
            await using var body = await response.Content.ReadAsStreamAsync();
            await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize, useAsync: true);
            await body.CopyToAsync(file, bufferSize);
            return file.Length;
        }

        private static void Check(string path, long expected)
        {
            long length = new FileInfo(path).Length;
            File.Delete(path);
            if (length != expected)
            {
                throw new InvalidOperationException($"{Path.GetFileName(path)} has {length} bytes, expected {expected}.");
            }
        }
    }
}
