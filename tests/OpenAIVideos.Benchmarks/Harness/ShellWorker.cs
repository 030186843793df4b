using System;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAIVideos.Benchmarks.Harness
{
    /// <summary>What the worker measured for one contender run (see Shell/ShellWorker.ps1).</summary>
    internal sealed class ShellMeasurement
    {
        [JsonPropertyName("ms")] public double Milliseconds { get; set; }

        [JsonPropertyName("allocated")] public long Allocated { get; set; }

        [JsonPropertyName("cpuMs")] public double CpuMilliseconds { get; set; }

        [JsonPropertyName("peakGrowth")] public long PeakGrowth { get; set; }

        [JsonPropertyName("count")] public long Count { get; set; }

        /// <summary>Stopwatch.GetTimestamp() in the worker as the contender started: CLOCK_MONOTONIC, so comparable with this process's.</summary>
        [JsonPropertyName("startTimestamp")] public long StartTimestamp { get; set; }

        [JsonPropertyName("error")] public string? Error { get; set; }
    }

    /// <summary>
    /// One long-lived pinned pwsh running Shell/ShellWorker.ps1 with the laid-out module imported and connected to the
    /// emulator: the harness sends one JSON command per line and reads one '@@' answer line back. Everything the user's
    /// pipeline does runs in that pwsh; the harness only decides what runs when.
    /// </summary>
    internal sealed class ShellWorker : IAsyncDisposable
    {
        private const string AnswerPrefix = "@@";
        private readonly Process _process;

        private ShellWorker(Process process, int workerPid)
        {
            _process = process;
            ProcessId = workerPid;
        }

        public int ProcessId { get; }

        public static async Task<ShellWorker> StartAsync(PinnedPowerShell pwsh, Uri baseUri)
        {
            var info = new ProcessStartInfo("dotnet")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string arg in pwsh.Arguments("-File", PinnedPowerShell.WorkerScript, "-Manifest", pwsh.Manifest, "-BaseUri", baseUri.AbsoluteUri, "-ApiKey", EmulatorProcess.ApiKey))
            {
                info.ArgumentList.Add(arg);
            }

            var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the shell worker.");
            process.ErrorDataReceived += (_, e) =>
            {
                if (!string.IsNullOrEmpty(e.Data))
                {
                    Console.Error.WriteLine("  [pwsh] " + e.Data);
                }
            };
            process.BeginErrorReadLine();
            using var ready = JsonDocument.Parse(await ReadAnswerAsync(process, TimeSpan.FromSeconds(60)));
            return new ShellWorker(process, ready.RootElement.GetProperty("pid").GetInt32());
        }

        /// <summary>Runs one contender (<paramref name="command"/> has at least <c>op</c>) and returns what it measured.</summary>
        public async Task<ShellMeasurement> RunAsync(object command, TimeSpan limit)
        {
            await _process.StandardInput.WriteLineAsync(JsonSerializer.Serialize(command));
            await _process.StandardInput.FlushAsync();
            var answer = JsonSerializer.Deserialize<ShellMeasurement>(await ReadAnswerAsync(_process, limit))
                ?? throw new InvalidOperationException("The shell worker answered null.");
            return answer.Error is null ? answer : throw new InvalidOperationException("The shell worker failed: " + answer.Error);
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.StandardInput.Close(); // the worker's read loop ends
                using var exit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                try
                {
                    await _process.WaitForExitAsync(exit.Token);
                }
                catch (OperationCanceledException)
                {
                    _process.Kill();
                }
            }

            _process.Dispose();
        }

        private static async Task<string> ReadAnswerAsync(Process process, TimeSpan limit)
        {
            using var timeout = new CancellationTokenSource(limit);
            while (true)
            {
                string? line = await process.StandardOutput.ReadLineAsync(timeout.Token)
                    ?? throw new InvalidOperationException($"The shell worker exited (code {(process.HasExited ? process.ExitCode : -1)}) without answering.");
                if (line.StartsWith(AnswerPrefix, StringComparison.Ordinal))
                {
                    return line.Substring(AnswerPrefix.Length);
                }
            }
        }
    }
}
