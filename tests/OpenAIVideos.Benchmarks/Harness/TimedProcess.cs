using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAIVideos.Benchmarks.Harness
{
    /// <summary>What one whole child process cost: wall time from just before it was started until it had exited, its CPU time and its peak resident set.</summary>
    internal sealed record ProcessCost(double WallMilliseconds, double CpuMilliseconds, long PeakResidentBytes, string Output);

    /// <summary>
    /// Runs a whole child process as a scheduled job would (start, work, exit) under <c>/usr/bin/time</c>, which reports its
    /// user + system CPU time and its peak resident set (<c>%M</c>, from wait4's rusage). The wall time is the parent's own,
    /// from just before <see cref="Process.Start()"/> until the exit has been reaped, so it includes the runtime's shutdown.
    /// Without /usr/bin/time the child runs directly and CPU and peak RSS are reported as unknown (-1).
    /// </summary>
    internal static class TimedProcess
    {
        public const string TimePath = "/usr/bin/time";

        public static bool CanMeasureResources => File.Exists(TimePath);

        public static async Task<ProcessCost> RunAsync(string file, IEnumerable<string> args, TimeSpan limit)
        {
            string? report = CanMeasureResources ? Path.GetTempFileName() : null;
            var info = new ProcessStartInfo(report is null ? file : TimePath)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
            };
            if (report is not null)
            {
                foreach (string arg in new[] { "-f", "%U %S %M", "-o", report, file })
                {
                    info.ArgumentList.Add(arg);
                }
            }

            foreach (string arg in args)
            {
                info.ArgumentList.Add(arg);
            }

            try
            {
                long start = Stopwatch.GetTimestamp();
                using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");
                process.StandardInput.Close();
                Task<string> output = process.StandardOutput.ReadToEndAsync();
                Task<string> errors = process.StandardError.ReadToEndAsync();
                using var timeout = new CancellationTokenSource(limit);
                try
                {
                    await process.WaitForExitAsync(timeout.Token);
                }
                catch (OperationCanceledException)
                {
                    process.Kill(entireProcessTree: true);
                    throw new TimeoutException($"{Path.GetFileName(file)} did not finish within {limit.TotalSeconds:0} s.");
                }

                double wall = Stats.MillisecondsSince(start);
                if (process.ExitCode != 0)
                {
                    throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', args)} exited with {process.ExitCode}: {await errors}{await output}");
                }

                double cpu = -1;
                long peak = -1;
                if (report is not null)
                {
                    // "%U %S %M": user and system seconds, peak resident set in KiB (the last line: time may print a note before it).
                    string[] fields = File.ReadAllText(report).Trim().Split('\n')[^1].Split(' ');
                    cpu = (double.Parse(fields[0], CultureInfo.InvariantCulture) + double.Parse(fields[1], CultureInfo.InvariantCulture)) * 1000;
                    peak = long.Parse(fields[2], CultureInfo.InvariantCulture) * 1024;
                }

                return new ProcessCost(wall, cpu, peak, await output);
            }
            finally
            {
                if (report is not null)
                {
                    File.Delete(report);
                }
            }
        }
    }
}
