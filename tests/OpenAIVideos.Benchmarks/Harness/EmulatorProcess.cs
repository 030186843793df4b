using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAIVideos.Benchmarks.Harness
{
    /// <summary>
    /// The emulator as a child process (<c>dotnet OpenAIVideos.Emulator.dll --urls … --api-key …</c>), exactly as a user
    /// runs it, so it has its own GC and thread pool and the client is measured alone in this process. The two still
    /// share the machine's cores, as any loopback server does.
    /// </summary>
    internal sealed class EmulatorProcess : IAsyncDisposable
    {
        public const string ApiKey = "sk-bench";
        private readonly Process _process;
        private readonly HttpClient _admin;

        private EmulatorProcess(Process process, Uri root)
        {
            _process = process;
            RootUri = root;
            BaseUri = new Uri(root, "v1/");
            _admin = new HttpClient { BaseAddress = root, Timeout = TimeSpan.FromSeconds(30) };
            _admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        }

        public Uri RootUri { get; }

        public Uri BaseUri { get; }

        public int ProcessId => _process.Id;

        /// <summary>The command line, for the report.</summary>
        public string CommandLine { get; private set; } = string.Empty;

        public static string DllPath => Path.Combine(AppContext.BaseDirectory, "OpenAIVideos.Emulator.dll");

        public static async Task<EmulatorProcess> StartAsync(double jobSeconds, int? pollAfterMs = null, int pageSize = 20)
        {
            int port = FreePort();
            var args = new List<string>
            {
                DllPath, "--urls", $"http://127.0.0.1:{port}", "--api-key", ApiKey,
                "--job-seconds", jobSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--page-size", pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            if (pollAfterMs is int ms)
            {
                args.Add("--poll-after-ms");
                args.Add(ms.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (string arg in args)
            {
                info.ArgumentList.Add(arg);
            }

            var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the emulator.");
            process.ErrorDataReceived += (_, _) => { };
            process.BeginErrorReadLine();
            var emulator = new EmulatorProcess(process, new Uri($"http://127.0.0.1:{port}/"))
            {
                CommandLine = "dotnet " + string.Join(' ', args).Replace(AppContext.BaseDirectory, string.Empty, StringComparison.Ordinal),
            };
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (true)
            {
                string? line = await process.StandardOutput.ReadLineAsync(timeout.Token);
                if (line is null)
                {
                    throw new InvalidOperationException($"The emulator exited before listening (exit code {(process.HasExited ? process.ExitCode : -1)}).");
                }

                if (line.Contains("listening", StringComparison.Ordinal))
                {
                    break;
                }
            }

            _ = DrainAsync(process.StandardOutput);
            return emulator;
        }

        /// <summary>Requests served per operation so far (GET /_emulator/stats).</summary>
        public async Task<long> RequestsForAsync(string operation)
        {
            using var stats = JsonDocument.Parse(await _admin.GetStringAsync("_emulator/stats"));
            return stats.RootElement.GetProperty("requests_by_operation").TryGetProperty(operation, out var count) ? count.GetInt64() : 0;
        }

        /// <summary>CPU time the emulator process has used.</summary>
        public TimeSpan CpuTime()
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }

        public async ValueTask DisposeAsync()
        {
            _admin.Dispose();
            if (!_process.HasExited)
            {
                _process.Kill();
                await _process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
            }

            _process.Dispose();
        }

        private static async Task DrainAsync(StreamReader reader)
        {
            try
            {
                while (await reader.ReadLineAsync() is not null)
                {
                }
            }
            catch (Exception exception) when (exception is IOException or ObjectDisposedException)
            {
            }
        }

        private static int FreePort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }
    }
}
