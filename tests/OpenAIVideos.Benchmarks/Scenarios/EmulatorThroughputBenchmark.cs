using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OpenAIVideos.Benchmarks.Harness;

namespace OpenAIVideos.Benchmarks.Scenarios
{
    /// <summary>
    /// Whether the emulator could be the bottleneck: a raw HttpClient hammers retrieve with N concurrent loops for a few
    /// seconds; the emulator's request rate and the CPU each process used. Our client is run the same way at 16 loops
    /// (the poller's default cap) for comparison.
    /// </summary>
    internal static class EmulatorThroughputBenchmark
    {
        private const string Scenario = "emulator";

        public static async Task RunAsync(Report report, BenchSettings settings)
        {
            report.RecordLoad("emulator");
            await using var emulator = await EmulatorProcess.StartAsync(jobSeconds: 3600);
            using var http = RawApi.CreateHttp(emulator.BaseUri);
            string id = (await RawApi.CreateAsync(http, "A calico cat playing a piano")).Id!;
            using var client = Clients.Ours(emulator.BaseUri);
            await Hammer(emulator, 4, settings.HammerSeconds / 2, ct => RawApi.RetrieveAsync(http, id, ct)); // warm-up

            double best = 0;
            foreach (int loops in new[] { 1, 4, 16, 64 })
            {
                var (rate, emulatorCores, clientCores) = await Hammer(emulator, loops, settings.HammerSeconds, ct => RawApi.RetrieveAsync(http, id, ct));
                best = Math.Max(best, rate);
                report.Add(Scenario, $"retrieve req/s, raw HttpClient × {loops} loops", "n/a", Report.F(rate, "0"), "n/a",
                    $"emulator {Report.F(emulatorCores)} cores, client {Report.F(clientCores)} cores", "reported", null);
            }

            var (oursRate, oursEmulatorCores, oursClientCores) = await Hammer(emulator, 16, settings.HammerSeconds, ct => client.RetrieveAsync(id, ct));
            report.Add(Scenario, "retrieve req/s, our client × 16 loops", Report.F(oursRate, "0"), "n/a", "n/a",
                $"emulator {Report.F(oursEmulatorCores)} cores, client {Report.F(oursClientCores)} cores", "reported", null);
            report.Note(Scenario, $"each level runs {settings.HammerSeconds} s (bounded also by 2,000,000 calls); cores = CPU time used / wall time, per process "
                + $"(/proc via Process.TotalProcessorTime). The best emulator rate, {Report.F(best, "0")} req/s, is the ceiling for the other scenarios: "
                + "sequential retrieve and listing run far below it, and the wait scenario needs about jobs / interval = 2,000 polls/s at its start.");
        }

        private static async Task<(double Rate, double EmulatorCores, double ClientCores)> Hammer(EmulatorProcess emulator, int loops, double seconds, Func<CancellationToken, Task> call)
        {
            long calls = 0;
            TimeSpan emulatorCpu = emulator.CpuTime();
            TimeSpan clientCpu = Process.GetCurrentProcess().TotalProcessorTime;
            var stopwatch = Stopwatch.StartNew();
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
            var workers = Enumerable.Range(0, loops).Select(_ => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested && Interlocked.Read(ref calls) < 2_000_000)
                {
                    await call(CancellationToken.None);
                    Interlocked.Increment(ref calls);
                }
            })).ToList();
            await Task.WhenAll(workers);
            double wall = stopwatch.Elapsed.TotalSeconds;
            double emulatorCores = (emulator.CpuTime() - emulatorCpu).TotalSeconds / wall;
            double clientCores = (Process.GetCurrentProcess().TotalProcessorTime - clientCpu).TotalSeconds / wall;
            return (calls / wall, emulatorCores, clientCores);
        }
    }
}
