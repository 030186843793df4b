using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAIVideos.Benchmarks.Harness
{
    /// <summary>Runs a short-lived child (curl, or this benchmark in a cold mode) and times it from the parent's side.</summary>
    internal static class ChildProcess
    {
        public const string CurlPath = "/usr/bin/curl";

        public static bool CurlAvailable => File.Exists(CurlPath);

        /// <summary>
        /// Starts the child and returns the milliseconds from just before <see cref="Process.Start()"/> until the first
        /// stdout line containing <paramref name="marker"/> (or exit, when the marker is null), and all stdout.
        /// </summary>
        public static async Task<(double Milliseconds, string Output)> RunAsync(string file, IEnumerable<string> args, string? marker, TimeSpan limit)
        {
            var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (string arg in args)
            {
                info.ArgumentList.Add(arg);
            }

            var output = new StringBuilder();
            long start = Stopwatch.GetTimestamp();
            using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");
            Task<string> errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(limit);
            double? seen = null;
            try
            {
                string? line;
                while ((line = await process.StandardOutput.ReadLineAsync(timeout.Token)) is not null)
                {
                    if (seen is null && marker is not null && line.Contains(marker, StringComparison.Ordinal))
                    {
                        seen = Stats.MillisecondsSince(start);
                    }

                    output.AppendLine(line);
                }

                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill();
                throw new TimeoutException($"{Path.GetFileName(file)} did not finish within {limit.TotalSeconds:0} s.");
            }

            double elapsed = seen ?? Stats.MillisecondsSince(start);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{Path.GetFileName(file)} exited with {process.ExitCode}: {await errors}");
            }

            if (marker is not null && seen is null)
            {
                throw new InvalidOperationException($"{Path.GetFileName(file)} never printed '{marker}'. Output: {output}");
            }

            return (elapsed, output.ToString());
        }

        /// <summary>How to start this benchmark again as a child: its apphost, or dotnet plus its dll.</summary>
        public static (string File, List<string> Args) Self(params string[] args)
        {
            string processPath = Environment.ProcessPath ?? "dotnet";
            var list = new List<string>();
            string file = processPath;
            if (Path.GetFileNameWithoutExtension(processPath).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
            {
                list.Add(typeof(ChildProcess).Assembly.Location);
            }

            list.AddRange(args);
            return (file, list);
        }
    }
}
