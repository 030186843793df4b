using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using OpenAIVideos.Benchmarks.Harness;
using OpenAIVideos.Client;

namespace OpenAIVideos.Benchmarks.Scenarios
{
    /// <summary>
    /// Listing every video, 100 per page: items per second, and whether memory stays flat (one page at a time) from
    /// 1,000 to 10,000 items: peak working set above the start, peak managed heap, and bytes allocated per item.
    /// </summary>
    internal static class ListBenchmark
    {
        private const string Scenario = "list";
        private const int PageSize = 100;

        private sealed record Run(double Seconds, long PeakWorkingSetGrowth, long PeakHeapGrowth, long Allocated);

        public static async Task RunAsync(Report report, BenchSettings settings, ProcessSampler sampler)
        {
            report.RecordLoad("list");
            await using var emulator = await EmulatorProcess.StartAsync(jobSeconds: 3600, pageSize: PageSize);
            using var http = RawApi.CreateHttp(emulator.BaseUri);
            var seeding = Stopwatch.StartNew();
            await RawApi.CreateManyAsync(http, settings.ListTotal, "A calico cat playing a piano, benchmark listing");
            double seedSeconds = seeding.Elapsed.TotalSeconds;
            using var client = Clients.Ours(emulator.BaseUri);

            // Warm both paths (JIT, connections) before measuring.
            await OursAsync(client, PageSize * 2);
            await RawAsync(http, PageSize * 2);

            var runs = new Dictionary<(bool Ours, int Count), List<Run>>();
            for (int round = 0; round < settings.ListRounds; round++)
            {
                foreach (int count in new[] { settings.ListSmall, settings.ListTotal })
                {
                    foreach (bool ours in round % 2 == 0 ? new[] { true, false } : new[] { false, true })
                    {
                        var run = await MeasureAsync(sampler, count, () => ours ? OursAsync(client, count) : RawAsync(http, count));
                        (runs.TryGetValue((ours, count), out var list) ? list : runs[(ours, count)] = new List<Run>()).Add(run);
                    }
                }
            }

            double curlSeconds = ChildProcess.CurlAvailable ? await CurlAsync(http, emulator, settings.ListTotal) : double.NaN;
            double Rate(bool ours) => settings.ListTotal / Stats.Median(runs[(ours, settings.ListTotal)].Select(r => r.Seconds));
            double oursRate = Rate(true), rawRate = Rate(false), curlRate = settings.ListTotal / curlSeconds;
            report.Add(Scenario, $"{settings.ListTotal:N0} videos, items/s", Report.F(oursRate, "0"), Report.F(rawRate, "0"), Report.F(curlRate, "0") + " (no parsing)",
                $"{Report.F(oursRate / rawRate)}× raw, {Report.F(oursRate / curlRate)}× curl", "reported", null);

            long Peak(bool ours, int count, Func<Run, long> pick) => (long)Stats.Median(runs[(ours, count)].Select(r => (double)pick(r)));
            long oursWsSmall = Peak(true, settings.ListSmall, r => r.PeakWorkingSetGrowth), oursWsLarge = Peak(true, settings.ListTotal, r => r.PeakWorkingSetGrowth);
            long rawWsSmall = Peak(false, settings.ListSmall, r => r.PeakWorkingSetGrowth), rawWsLarge = Peak(false, settings.ListTotal, r => r.PeakWorkingSetGrowth);
            bool flat = oursWsLarge - oursWsSmall <= 4L * 1024 * 1024;
            report.Add(Scenario, $"peak working set above start, {settings.ListSmall:N0} → {settings.ListTotal:N0}",
                $"{Report.MiB(oursWsSmall)} → {Report.MiB(oursWsLarge)}", $"{Report.MiB(rawWsSmall)} → {Report.MiB(rawWsLarge)}", "n/a",
                "growth " + Report.MiB(oursWsLarge - oursWsSmall), "flat (growth ≤ 4 MiB)", flat);
            long oursHeapSmall = Peak(true, settings.ListSmall, r => r.PeakHeapGrowth), oursHeapLarge = Peak(true, settings.ListTotal, r => r.PeakHeapGrowth);
            long rawHeapSmall = Peak(false, settings.ListSmall, r => r.PeakHeapGrowth), rawHeapLarge = Peak(false, settings.ListTotal, r => r.PeakHeapGrowth);
            report.Add(Scenario, $"peak managed heap above start (garbage included), {settings.ListSmall:N0} → {settings.ListTotal:N0}",
                $"{Report.MiB(oursHeapSmall)} → {Report.MiB(oursHeapLarge)}", $"{Report.MiB(rawHeapSmall)} → {Report.MiB(rawHeapLarge)}", "n/a",
                "growth " + Report.MiB(oursHeapLarge - oursHeapSmall), "reported (gen0 budget, not live data)", null);
            long oursAllocSmall = Peak(true, settings.ListSmall, r => r.Allocated), oursAllocLarge = Peak(true, settings.ListTotal, r => r.Allocated);
            long rawAllocSmall = Peak(false, settings.ListSmall, r => r.Allocated), rawAllocLarge = Peak(false, settings.ListTotal, r => r.Allocated);
            report.Add(Scenario, $"allocated, {settings.ListSmall:N0} → {settings.ListTotal:N0} (per item)",
                $"{Report.MiB(oursAllocSmall)} → {Report.MiB(oursAllocLarge)} ({Report.F(oursAllocLarge / (double)settings.ListTotal, "0")} B)",
                $"{Report.MiB(rawAllocSmall)} → {Report.MiB(rawAllocLarge)} ({Report.F(rawAllocLarge / (double)settings.ListTotal, "0")} B)", "n/a",
                Report.F(oursAllocLarge / (double)rawAllocLarge) + "× raw", "reported (linear = garbage, not growth)", null);
            report.Note(Scenario, $"{settings.ListTotal:N0} videos seeded by raw POSTs (8 loops) in {Report.F(seedSeconds, "0.0")} s "
                + $"({Report.F(settings.ListTotal / seedSeconds, "0")} creates/s); emulator started with `--page-size {PageSize}`, both clients ask for "
                + $"limit={PageSize} and follow `after` cursors. Ours = `await foreach (var v in client.ListAsync(new VideoListQuery {{ PageSize = 100 }}))`, "
                + "raw = a page loop over `HttpClient.GetAsync` + `JsonSerializer.DeserializeAsync`; curl = one invocation fetching the same 100 page URLs "
                + $"(cursors taken from a prior listing) to /dev/null, timed as the sum of its `%{{time_total}}` per page (median of 3). Medians of {settings.ListRounds} alternating rounds; before each measured listing "
                + "the harness collects garbage and resets the kernel's peak-RSS mark (/proc/self/clear_refs), so 'peak above start' is VmHWM minus the "
                + "working set at the start.");
        }

        private static async Task<Run> MeasureAsync(ProcessSampler sampler, int count, Func<Task<int>> list)
        {
            sampler.Reset();
            long workingSet = Environment.WorkingSet;
            long heap = GC.GetTotalMemory(false);
            long allocated = GC.GetTotalAllocatedBytes(precise: true);
            var stopwatch = Stopwatch.StartNew();
            int seen = await list();
            double seconds = stopwatch.Elapsed.TotalSeconds;
            if (seen != count)
            {
                throw new InvalidOperationException($"Listed {seen} videos, expected {count}.");
            }

            return new Run(seconds, sampler.PeakWorkingSet - workingSet, sampler.PeakManagedHeap - heap, GC.GetTotalAllocatedBytes(precise: true) - allocated);
        }

        private static async Task<int> OursAsync(VideosClient client, int count)
        {
            int seen = 0;
            await foreach (Video video in client.ListAsync(new VideoListQuery { PageSize = PageSize }))
            {
                if (video.Id.Length > 0 && ++seen == count)
                {
                    break;
                }
            }

            return seen;
        }

        private static async Task<int> RawAsync(System.Net.Http.HttpClient http, int count)
        {
            int seen = 0;
            string? after = null;
            for (int page = 0; page < count / PageSize + 1; page++)
            {
                RawVideoList list = await RawApi.ListPageAsync(http, PageSize, after);
                foreach (RawVideo video in list.Data)
                {
                    if (!string.IsNullOrEmpty(video.Id) && ++seen == count)
                    {
                        return seen;
                    }
                }

                if (!list.HasMore)
                {
                    break;
                }

                after = list.LastId;
            }

            return seen;
        }

        private static async Task<double> CurlAsync(System.Net.Http.HttpClient http, EmulatorProcess emulator, int count)
        {
            var cursors = new List<string?> { null };
            string? after = null;
            for (int page = 0; page < count / PageSize - 1; page++)
            {
                after = (await RawApi.ListPageAsync(http, PageSize, after)).LastId;
                cursors.Add(after);
            }

            string config = Path.Combine(Path.GetTempPath(), $"openaivideos-bench-list-{Environment.ProcessId}.cfg");
            var text = new StringBuilder();
            text.AppendLine($"header = \"Authorization: Bearer {EmulatorProcess.ApiKey}\"").AppendLine("silent").AppendLine("write-out = \"%{time_total}\\n\"");
            foreach (string? cursor in cursors)
            {
                text.AppendLine($"url = \"{emulator.BaseUri.AbsoluteUri}videos?limit={PageSize}{(cursor is null ? string.Empty : "&after=" + cursor)}\"");
                text.AppendLine("output = \"/dev/null\"");
            }

            await File.WriteAllTextAsync(config, text.ToString());
            try
            {
                var times = new List<double>();
                for (int i = 0; i < 3; i++)
                {
                    // The sum of curl's per-transfer times: its process start is not part of listing.
                    string output = (await ChildProcess.RunAsync(ChildProcess.CurlPath, new[] { "-K", config }, null, TimeSpan.FromSeconds(120))).Output;
                    times.Add(output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Sum(line => double.Parse(line, System.Globalization.CultureInfo.InvariantCulture)));
                }

                return Stats.Median(times);
            }
            finally
            {
                File.Delete(config);
            }
        }
    }
}
