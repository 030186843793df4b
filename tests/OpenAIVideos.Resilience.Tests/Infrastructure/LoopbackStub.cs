using System;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAIVideos.Resilience.Tests.Infrastructure
{
    /// <summary>
    /// A one-purpose HTTP/1.1 server on a free 127.0.0.1 port, for answers the emulator cannot give (an enormous JSON
    /// body, a proxy page that echoes the request's headers). Every connection gets the same scripted answer; the
    /// number of connections served is bounded.
    /// </summary>
    public sealed class LoopbackStub : IAsyncDisposable
    {
        private const int MaxConnections = 16;
        private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly Task _loop;

        /// <param name="answer">Writes the answer for a request whose head (request line and headers) is given.</param>
        public LoopbackStub(Func<string, NetworkStream, CancellationToken, Task> answer)
        {
            _listener.Start();
            _loop = Task.Run(async () =>
            {
                for (var served = 0; served < MaxConnections && !_stop.IsCancellationRequested; served++)
                {
                    using var socket = await _listener.AcceptTcpClientAsync(_stop.Token);
                    using var stream = socket.GetStream();
                    var head = await ReadHeadAsync(stream, _stop.Token);
                    try
                    {
                        await answer(head, stream, _stop.Token);
                    }
                    catch (Exception error) when (error is System.IO.IOException or SocketException)
                    {
                        // The client hung up (as it should, for an oversize body).
                    }
                }
            });
        }

        public Uri BaseUri => new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/v1/");

        public static async Task WriteAsync(NetworkStream stream, string text, CancellationToken cancellationToken) =>
            await stream.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);

        public async ValueTask DisposeAsync()
        {
            _stop.Cancel();
            _listener.Stop();
            try
            {
                await _loop;
            }
            catch (Exception error) when (error is OperationCanceledException or SocketException or ObjectDisposedException)
            {
            }

            _stop.Dispose();
        }

        private static async Task<string> ReadHeadAsync(NetworkStream stream, CancellationToken cancellationToken)
        {
            var head = new StringBuilder();
            var buffer = new byte[1];
            while (head.Length < 64 * 1024 && await stream.ReadAsync(buffer, cancellationToken) == 1)
            {
                head.Append((char)buffer[0]);
                if (head.Length >= 4 && head.ToString(head.Length - 4, 4) == "\r\n\r\n")
                {
                    break;
                }
            }

            return head.ToString();
        }
    }
}
