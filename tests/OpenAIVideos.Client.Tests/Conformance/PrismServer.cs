using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace OpenAIVideos.Client.Tests.Conformance
{
    /// <summary>
    /// Prism serving OpenAI's published OpenAPI description as a validating mock: a request that breaks the spec gets
    /// a 422 listing the violations. Started once for the conformance tests, on a free loopback port.
    /// </summary>
    public sealed class PrismServer : IAsyncLifetime
    {
        private Process? _process;
        private readonly System.Text.StringBuilder _output = new System.Text.StringBuilder();

        public Uri BaseUri { get; private set; } = new Uri("http://127.0.0.1/");

        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        /// <summary>Where the spec is expected: <c>../shared/openapi/openapi.yaml</c> beside the repository.</summary>
        public static string? SpecPath
        {
            get
            {
                var path = Path.Combine(RepositoryPaths.Root, "..", "shared", "openapi", "openapi.yaml");
                return File.Exists(path) ? Path.GetFullPath(path) : null;
            }
        }

        public async Task InitializeAsync()
        {
            if (SpecPath is null)
            {
                return; // the tests themselves are skipped, with the reason, by PrismFactAttribute
            }

            var prism = Path.Combine(RepositoryPaths.Root, "tests", "prism", "node_modules", "@stoplight", "prism-cli", "dist", "index.js");
            if (!File.Exists(prism))
            {
                throw new InvalidOperationException($"Prism is not installed at {prism}: run 'npm ci --prefix tests/prism' (the .ci/run script does).");
            }

            var port = FreePort();
            BaseUri = new Uri($"http://127.0.0.1:{port}/");
            var start = new ProcessStartInfo("node", $"\"{prism}\" mock --host 127.0.0.1 -p {port} \"{SpecPath}\"")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            var listening = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            _process = new Process { StartInfo = start, EnableRaisingEvents = true };
            DataReceivedEventHandler collect = (_, e) =>
            {
                if (e.Data is null)
                {
                    return;
                }

                lock (_output)
                {
                    _output.AppendLine(e.Data);
                }

                if (e.Data.Contains("Prism is listening", StringComparison.Ordinal))
                {
                    listening.TrySetResult(true);
                }
            };
            _process.OutputDataReceived += collect;
            _process.ErrorDataReceived += collect;
            _process.Exited += (_, _) => listening.TrySetResult(false);
            _process.Start();
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();

            var started = await listening.Task.WaitAsync(TimeSpan.FromSeconds(120));
            if (!started)
            {
                throw new InvalidOperationException("Prism exited before listening:\n" + Output);
            }
        }

        public Task DisposeAsync()
        {
            if (_process is { HasExited: false })
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }

            _process?.Dispose();
            return Task.CompletedTask;
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }

    /// <summary>A conformance fact, skipped (saying why) only where the spec is not beside the repository.</summary>
    public sealed class PrismFactAttribute : FactAttribute
    {
        public PrismFactAttribute()
        {
            if (PrismServer.SpecPath is null)
            {
                Skip = "../shared/openapi/openapi.yaml is absent, so there is no spec to check conformance against.";
            }
        }
    }
}
