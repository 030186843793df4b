using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using OpenAIVideos.Benchmarks.Harness;
using OpenAIVideos.Client;

namespace OpenAIVideos.Benchmarks.Scenarios
{
    /// <summary>
    /// Per-call overhead of retrieve: warm (one process, connection pooled; ours and raw interleaved in rounds so load
    /// changes on the shared machine hit both alike; curl reusing one connection over many URLs in one invocation) and cold
    /// (a fresh process per call, timed from the parent's Process.Start to the object on the child's stdout).
    /// </summary>
    internal static class RetrieveBenchmark
    {
        private const string Scenario = "retrieve";

        public static async Task RunAsync(Report report, BenchSettings settings)
        {
            report.RecordLoad("retrieve");
            await using var emulator = await EmulatorProcess.StartAsync(jobSeconds: 3600);
            using var http = RawApi.CreateHttp(emulator.BaseUri);
            string id = (await RawApi.CreateAsync(http, "A calico cat playing a piano")).Id!;
            using var client = Clients.Ours(emulator.BaseUri);

            // Warm up by time as well as count: tiered JIT promotes hot methods only after they have run for a while
            // (and a 100 ms quiet spell), and the client has more methods to promote than the raw loop.
            var warmup = System.Diagnostics.Stopwatch.StartNew();
            int warmupCalls = 0;
            while ((warmupCalls < settings.RetrieveWarmup || warmup.Elapsed < settings.RetrieveWarmupTime) && warmupCalls < 50_000)
            {
                await client.RetrieveAsync(id);
                await RawApi.RetrieveAsync(http, id);
                warmupCalls++;
            }

            await Task.Delay(300); // let the JIT's background promotion finish

            var ours = new List<double>();
            var raw = new List<double>();
            long oursAllocated = 0, rawAllocated = 0;
            TimeSpan oursCpu = TimeSpan.Zero, rawCpu = TimeSpan.Zero;
            // Each round's two sides run back to back, so their ratio is a paired comparison: a change in the shared
            // machine's load between rounds moves both sides of a round alike and cancels out of it.
            var roundRatios = new List<double>();
            for (int round = 0; round < settings.RetrieveRounds; round++)
            {
                bool oursFirst = round % 2 == 0;
                int oursBefore = ours.Count, rawBefore = raw.Count;
                for (int side = 0; side < 2; side++)
                {
                    bool isOurs = (side == 0) == oursFirst;
                    long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
                    TimeSpan cpuBefore = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
                    for (int i = 0; i < settings.RetrievePerRound; i++)
                    {
                        long start = System.Diagnostics.Stopwatch.GetTimestamp();
                        if (isOurs)
                        {
                            await client.RetrieveAsync(id);
                            ours.Add(Stats.MillisecondsSince(start));
                        }
                        else
                        {
                            await RawApi.RetrieveAsync(http, id);
                            raw.Add(Stats.MillisecondsSince(start));
                        }
                    }

                    long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
                    TimeSpan cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
                    if (isOurs)
                    {
                        oursAllocated += allocated;
                        oursCpu += cpu;
                    }
                    else
                    {
                        rawAllocated += allocated;
                        rawCpu += cpu;
                    }
                }

                roundRatios.Add(Stats.Median(ours.Skip(oursBefore)) / Stats.Median(raw.Skip(rawBefore)));
            }

            List<double> curl = ChildProcess.CurlAvailable ? await CurlWarmAsync(emulator, id, settings.RetrievePerRound) : new List<double>();
            double oursMedian = Stats.Median(ours), rawMedian = Stats.Median(raw), curlMedian = Stats.Median(curl);
            double pairedRatio = Stats.Median(roundRatios);
            report.Add(Scenario, "warm call, median", Ms(oursMedian), Ms(rawMedian), Ms(curlMedian), Report.F(oursMedian / rawMedian) + "× raw", "reported", null);
            report.Add(Scenario, "warm call, median of the rounds' ratios", "n/a", "n/a", "n/a",
                $"{Report.F(pairedRatio)}× raw (middle half of rounds {Report.F(Stats.Percentile(roundRatios, 25))}–{Report.F(Stats.Percentile(roundRatios, 75))}×)",
                "≤ 1.2× raw", pairedRatio <= 1.2);
            report.Add(Scenario, "warm call, p95", Ms(Stats.Percentile(ours, 95)), Ms(Stats.Percentile(raw, 95)), Ms(Stats.Percentile(curl, 95)),
                Report.F(Stats.Percentile(ours, 95) / Stats.Percentile(raw, 95)) + "× raw", "reported", null);
            report.Add(Scenario, "warm call, allocated", Report.F(oursAllocated / (double)ours.Count, "0") + " B", Report.F(rawAllocated / (double)raw.Count, "0") + " B",
                "n/a", Report.F(oursAllocated / (double)rawAllocated) + "× raw", "reported", null);
            double oursCpuUs = oursCpu.TotalMilliseconds * 1000 / ours.Count, rawCpuUs = rawCpu.TotalMilliseconds * 1000 / raw.Count;
            report.Add(Scenario, "warm call, client CPU time", Report.F(oursCpuUs, "0") + " µs", Report.F(rawCpuUs, "0") + " µs", "n/a",
                Report.F(oursCpuUs / rawCpuUs) + "× raw", "reported (less load-sensitive)", null);
            report.Note(Scenario, $"warm: {warmupCalls} warm-up calls each ({Report.F(warmup.Elapsed.TotalSeconds, "0.0")} s), then {settings.RetrieveRounds} alternating rounds of {settings.RetrievePerRound} "
                + $"sequential calls per side ({ours.Count} timed calls each); the target is judged on the median of the rounds' own ratios (ours' median / raw's median in the same round), which load changes between rounds do not move; curl is one invocation fetching {curl.Count} URLs over one kept-alive "
                + "connection, its `%{time_total}` per transfer (no JSON parsing). Allocated = all threads' allocations / calls; client CPU = this process's CPU time / calls (all threads, the sampler's 10 ms ticks included).");

            await ColdAsync(report, settings, emulator, id);
        }

        private static async Task ColdAsync(Report report, BenchSettings settings, EmulatorProcess emulator, string id)
        {
            var ours = new List<double>();
            var raw = new List<double>();
            var curl = new List<double>();
            var oursSelf = new List<double>();
            var rawSelf = new List<double>();
            string baseUri = emulator.BaseUri.AbsoluteUri;
            for (int run = 0; run < settings.ColdRuns; run++)
            {
                var (file, args) = ChildProcess.Self("cold-client", baseUri, EmulatorProcess.ApiKey, id);
                var (ms, output) = await ChildProcess.RunAsync(file, args, "object " + id, TimeSpan.FromSeconds(60));
                ours.Add(ms);
                oursSelf.Add(SelfReported(output));
                (file, args) = ChildProcess.Self("cold-raw", baseUri, EmulatorProcess.ApiKey, id);
                (ms, output) = await ChildProcess.RunAsync(file, args, "object " + id, TimeSpan.FromSeconds(60));
                raw.Add(ms);
                rawSelf.Add(SelfReported(output));
                if (ChildProcess.CurlAvailable)
                {
                    (ms, _) = await ChildProcess.RunAsync(ChildProcess.CurlPath,
                        new[] { "-s", "-H", "Authorization: Bearer " + EmulatorProcess.ApiKey, baseUri + "videos/" + id }, id, TimeSpan.FromSeconds(30));
                    curl.Add(ms);
                }
            }

            double oursMedian = Stats.Median(ours), rawMedian = Stats.Median(raw), curlMedian = Stats.Median(curl);
            report.Add(Scenario, "cold: process start → first object, median", Ms(oursMedian), Ms(rawMedian), Ms(curlMedian),
                $"{Report.F(oursMedian / rawMedian)}× raw, {Report.F(oursMedian / curlMedian)}× curl", "reported", null);
            report.Add(Scenario, "cold: same, as the child measured it (runtime start → object)", Ms(Stats.Median(oursSelf)), Ms(Stats.Median(rawSelf)), "n/a",
                Report.F(Stats.Median(oursSelf) / Stats.Median(rawSelf)) + "× raw", "reported", null);
            report.Note(Scenario, $"cold: {settings.ColdRuns} runs each, alternating; the child is this benchmark's own executable with `cold-client` "
                + "(new VideosClient, one RetrieveAsync) or `cold-raw` (new HttpClient, GetAsync, JsonSerializer), timed by the parent from just before "
                + "Process.Start until the line with the id arrives on its stdout; curl the same (its body carries the id). "
                + "The child's own figure is the time from its process start time (/proc, 10 ms resolution) to the object.");
        }

        private static double SelfReported(string output)
        {
            foreach (string part in output.Split(new[] { ' ', '\n', '\r' }, StringSplitOptions.RemoveEmptyEntries))
            {
                if (part.StartsWith("since-start-ms=", StringComparison.Ordinal))
                {
                    return double.Parse(part.Substring("since-start-ms=".Length), CultureInfo.InvariantCulture);
                }
            }

            return double.NaN;
        }

        private static async Task<List<double>> CurlWarmAsync(EmulatorProcess emulator, string id, int count)
        {
            string config = Path.Combine(Path.GetTempPath(), $"openaivideos-bench-curl-{Environment.ProcessId}.cfg");
            var text = new StringBuilder();
            text.AppendLine($"header = \"Authorization: Bearer {EmulatorProcess.ApiKey}\"");
            text.AppendLine("silent");
            text.AppendLine("write-out = \"%{time_total}\\n\"");
            for (int i = 0; i < count; i++)
            {
                text.AppendLine($"url = \"{emulator.BaseUri.AbsoluteUri}videos/{id}\"");
                text.AppendLine("output = \"/dev/null\"");
            }

            await File.WriteAllTextAsync(config, text.ToString());
            try
            {
                var (_, output) = await ChildProcess.RunAsync(ChildProcess.CurlPath, new[] { "-K", config }, null, TimeSpan.FromSeconds(120));
                return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                    .Select(line => double.Parse(line, CultureInfo.InvariantCulture) * 1000).Skip(Math.Min(10, count / 10)).ToList();
            }
            finally
            {
                File.Delete(config);
            }
        }

        private static string Ms(double value) => double.IsNaN(value) ? "n/a" : Report.F(value, value < 10 ? "0.000" : "0.0") + " ms";
    }
}
