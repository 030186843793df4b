using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using OpenAIVideos.Emulator.Http;

namespace OpenAIVideos.Emulator.Hosting
{
    /// <summary>
    /// Serves an <see cref="EmulatorApplication"/> over plain HTTP/1.1 on a socket: the one host of the command line, the
    /// in-process test host and Start-VideoEmulator. It needs only the base runtime (pwsh has no ASP.NET Core), and unlike
    /// <see cref="HttpListener"/> (whose managed Abort sends a 200 before closing, which needs a URL prefix per host name
    /// and cannot take port 0) it can reset a connection before any answer, as the drop-connection fault must.
    /// </summary>
    internal sealed class SocketHost : IAsyncDisposable
    {
        private readonly Socket _listener;
        private readonly IHttpApplication _application;
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        private readonly ConcurrentDictionary<HttpConnection, Task> _connections = new ConcurrentDictionary<HttpConnection, Task>();
        private readonly Task _acceptLoop;

        private SocketHost(Socket listener, IHttpApplication application)
        {
            _listener = listener;
            _application = application;
            var endpoint = (IPEndPoint)listener.LocalEndPoint!;
            string host = endpoint.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{endpoint.Address}]" : endpoint.Address.ToString();
            RootUri = new Uri($"http://{host}:{endpoint.Port}/");
            _acceptLoop = Task.Run(AcceptAsync);
        }

        /// <summary>The server root, e.g. <c>http://127.0.0.1:5080/</c>.</summary>
        public Uri RootUri { get; }

        /// <summary>
        /// Listens on <paramref name="address"/>:<paramref name="port"/>; port 0 takes a free one. A port another program
        /// holds is an <see cref="EmulatorPortInUseException"/>.
        /// </summary>
        public static SocketHost Start(IHttpApplication application, IPAddress address, int port)
        {
            if (port is < 0 or > 65535)
            {
                throw new ArgumentOutOfRangeException(nameof(port), port, "A port is a number from 1 to 65535 (0 takes a free one).");
            }

            var listener = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                listener.Bind(new IPEndPoint(address, port));
                listener.Listen(512);
            }
            catch (SocketException error) when (error.SocketErrorCode is SocketError.AddressAlreadyInUse or SocketError.AccessDenied)
            {
                listener.Dispose();
                string host = address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
                throw new EmulatorPortInUseException(host, port, error);
            }
            catch
            {
                listener.Dispose();
                throw;
            }

            return new SocketHost(listener, application);
        }

        /// <summary>Stops listening, resets open connections (cancelling their requests) and waits for them to end.</summary>
        public async ValueTask DisposeAsync()
        {
            _stopping.Cancel();
            _listener.Dispose();
            await _acceptLoop.ConfigureAwait(false);
            foreach (HttpConnection connection in _connections.Keys)
            {
                connection.Reset();
            }

            await Task.WhenAll(_connections.Values).ConfigureAwait(false);
            _stopping.Dispose();
        }

        private async Task AcceptAsync()
        {
            while (!_stopping.IsCancellationRequested)
            {
                Socket socket;
                try
                {
                    socket = await _listener.AcceptAsync(_stopping.Token).ConfigureAwait(false);
                }
                catch (Exception error) when (error is OperationCanceledException or ObjectDisposedException or SocketException)
                {
                    if (_stopping.IsCancellationRequested)
                    {
                        return;
                    }

                    continue;
                }

                _application.State.Statistics.RecordConnection();
                var connection = new HttpConnection(socket, _application, _stopping.Token);
                _connections[connection] = Task.Run(async () =>
                {
                    try
                    {
                        await connection.ServeAsync().ConfigureAwait(false);
                    }
                    finally
                    {
                        _connections.TryRemove(connection, out _);
                    }
                });
            }
        }
    }
}
