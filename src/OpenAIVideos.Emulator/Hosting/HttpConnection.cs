using System;
using System.Globalization;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using OpenAIVideos.Emulator.Http;

namespace OpenAIVideos.Emulator.Hosting
{
    /// <summary>
    /// One client connection: reads HTTP/1.1 requests one after another (Content-Length or chunked bodies, up to the
    /// emulator's limit, answering <c>Expect: 100-continue</c>), hands each to the application, and writes its answer
    /// with a Content-Length or chunked. The connection is kept open between requests unless the client or an
    /// incomplete exchange (a body over the limit, an answer cut short) says otherwise.
    /// </summary>
    internal sealed class HttpConnection
    {
        private const int MaxHeadBytes = 64 * 1024;

        private readonly Socket _socket;
        private readonly NetworkStream _stream;
        private readonly IHttpApplication _application;
        private readonly CancellationToken _stopping;
        private readonly byte[] _buffer = new byte[16 * 1024];
        private int _start;
        private int _end;
        private int _reset;

        public HttpConnection(Socket socket, IHttpApplication application, CancellationToken stopping)
        {
            _socket = socket;
            _socket.NoDelay = true;
            _stream = new NetworkStream(socket, ownsSocket: true);
            _application = application;
            _stopping = stopping;
        }

        /// <summary>Resets the connection (TCP RST): the client sees it broken, with no answer or the rest of one.</summary>
        public void Reset()
        {
            if (Interlocked.Exchange(ref _reset, 1) == 1)
            {
                return;
            }

            try
            {
                _socket.LingerState = new LingerOption(true, 0);
            }
            catch (Exception error) when (error is SocketException or ObjectDisposedException)
            {
                // Already closed: nothing to reset.
            }

            _stream.Dispose();
        }

        public async Task ServeAsync()
        {
            try
            {
                while (!_stopping.IsCancellationRequested && await ServeOneAsync().ConfigureAwait(false))
                {
                }
            }
            catch (Exception error) when (error is IOException or SocketException or ObjectDisposedException or OperationCanceledException or InvalidDataException)
            {
                // The client went away, sent something that is not HTTP, or the host is stopping.
            }
            finally
            {
                Reset();
            }
        }

        /// <summary>Serves one request; false when the connection must close afterwards.</summary>
        private async Task<bool> ServeOneAsync()
        {
            string? head = await ReadHeadAsync().ConfigureAwait(false);
            if (head is null)
            {
                return false;
            }

            string[] lines = head.Split("\r\n");
            string[] requestLine = lines[0].Split(' ');
            if (requestLine.Length != 3 || !requestLine[2].StartsWith("HTTP/1.", StringComparison.Ordinal))
            {
                throw new InvalidDataException("Not an HTTP/1.x request line.");
            }

            var headers = new HeaderValues();
            for (int i = 1; i < lines.Length; i++)
            {
                int colon = lines[i].IndexOf(':');
                if (colon > 0)
                {
                    string name = lines[i].Substring(0, colon).Trim();
                    string value = lines[i].Substring(colon + 1).Trim();
                    headers[name] = headers.ContainsKey(name) ? headers[name] + ", " + value : value;
                }
            }

            string method = requestLine[0];
            bool keepAlive = requestLine[2] == "HTTP/1.1"
                ? !headers["Connection"].Contains("close", StringComparison.OrdinalIgnoreCase)
                : headers["Connection"].Contains("keep-alive", StringComparison.OrdinalIgnoreCase);
            (byte[] body, bool overLimit) = await ReadBodyAsync(headers).ConfigureAwait(false);
            var request = new ApiRequest(method, requestLine[1], headers, body, overLimit);
            var output = new ResponseBodyStream(_stream, discard: method == "HEAD");
            var response = new ApiResponse(started => WriteHead(started, output, keepAlive && !overLimit));
            using var context = new ApiContext(_application.State, request, response, Reset, _stopping);
            await _application.HandleAsync(context).ConfigureAwait(false);
            if (_reset == 1)
            {
                return false;
            }

            if (!response.HasStarted)
            {
                response.ContentLength ??= 0;
                response.Start();
            }

            bool complete = await output.CompleteAsync(_stopping).ConfigureAwait(false);
            return keepAlive && !overLimit && complete;
        }

        private Stream WriteHead(ApiResponse response, ResponseBodyStream output, bool keepAlive)
        {
            var head = new StringBuilder();
            head.Append("HTTP/1.1 ").Append(response.StatusCode.ToString(CultureInfo.InvariantCulture)).Append(' ')
                .Append(ReasonPhrases.GetReasonPhrase(response.StatusCode)).Append("\r\n")
                .Append("Date: ").Append(_application.State.Now.ToString("r", CultureInfo.InvariantCulture)).Append("\r\n");
            if (response.ContentType != null)
            {
                head.Append("Content-Type: ").Append(response.ContentType).Append("\r\n");
            }

            if (response.ContentLength is long length)
            {
                head.Append("Content-Length: ").Append(length.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
            }
            else
            {
                head.Append("Transfer-Encoding: chunked\r\n");
            }

            foreach (var (name, value) in response.Headers)
            {
                head.Append(name).Append(": ").Append(value).Append("\r\n");
            }

            if (!keepAlive)
            {
                head.Append("Connection: close\r\n");
            }

            head.Append("\r\n");
            output.Begin(Encoding.ASCII.GetBytes(head.ToString()), response.ContentLength);
            return output;
        }

        /// <summary>The request line and headers (without the blank line), or null when the client closed cleanly.</summary>
        private async Task<string?> ReadHeadAsync()
        {
            while (true)
            {
                int end = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n\r\n"u8);
                if (end >= 0)
                {
                    string head = Encoding.Latin1.GetString(_buffer, _start, end);
                    _start += end + 4;
                    return head;
                }

                if (_end - _start >= MaxHeadBytes || (_start == 0 && _end == _buffer.Length))
                {
                    throw new InvalidDataException("Request head too large.");
                }

                if (!await FillAsync().ConfigureAwait(false))
                {
                    if (_end > _start)
                    {
                        throw new InvalidDataException("Connection closed inside a request head.");
                    }

                    return null;
                }
            }
        }

        private async Task<(byte[] Body, bool OverLimit)> ReadBodyAsync(HeaderValues headers)
        {
            long limit = _application.State.Options.MaxRequestBodyBytes;
            bool chunked = headers["Transfer-Encoding"].Contains("chunked", StringComparison.OrdinalIgnoreCase);
            long length = 0;
            if (!chunked && headers.ContainsKey("Content-Length")
                && !long.TryParse(headers["Content-Length"], NumberStyles.None, CultureInfo.InvariantCulture, out length))
            {
                throw new InvalidDataException("Malformed Content-Length.");
            }

            if (length > limit)
            {
                // Not read: the answer is a 413 and the connection closes, so its bytes never have to be consumed.
                return (Array.Empty<byte>(), true);
            }

            if ((chunked || length > 0) && headers["Expect"].Equals("100-continue", StringComparison.OrdinalIgnoreCase))
            {
                await _stream.WriteAsync("HTTP/1.1 100 Continue\r\n\r\n"u8.ToArray(), _stopping).ConfigureAwait(false);
            }

            if (!chunked)
            {
                byte[] body = new byte[length];
                await ReadExactlyAsync(body).ConfigureAwait(false);
                return (body, false);
            }

            using var collected = new MemoryStream();
            while (true)
            {
                string sizeLine = await ReadLineAsync().ConfigureAwait(false);
                string sizeText = sizeLine.Split(';')[0].Trim();
                if (!long.TryParse(sizeText, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out long size) || size < 0)
                {
                    throw new InvalidDataException("Malformed chunk size.");
                }

                if (size == 0)
                {
                    while ((await ReadLineAsync().ConfigureAwait(false)).Length > 0)
                    {
                        // Trailers are not used.
                    }

                    return (collected.ToArray(), false);
                }

                if (collected.Length + size > limit)
                {
                    return (Array.Empty<byte>(), true);
                }

                byte[] chunk = new byte[size];
                await ReadExactlyAsync(chunk).ConfigureAwait(false);
                collected.Write(chunk);
                if ((await ReadLineAsync().ConfigureAwait(false)).Length != 0)
                {
                    throw new InvalidDataException("Malformed chunk ending.");
                }
            }
        }

        private async Task<string> ReadLineAsync()
        {
            while (true)
            {
                int end = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n"u8);
                if (end >= 0)
                {
                    string line = Encoding.Latin1.GetString(_buffer, _start, end);
                    _start += end + 2;
                    return line;
                }

                if (_start == 0 && _end == _buffer.Length)
                {
                    throw new InvalidDataException("Line too long.");
                }

                if (!await FillAsync().ConfigureAwait(false))
                {
                    throw new InvalidDataException("Connection closed inside a chunked body.");
                }
            }
        }

        private async Task ReadExactlyAsync(Memory<byte> target)
        {
            int copied = Math.Min(target.Length, _end - _start);
            _buffer.AsMemory(_start, copied).CopyTo(target);
            _start += copied;
            if (copied < target.Length)
            {
                await _stream.ReadExactlyAsync(target.Slice(copied), _stopping).ConfigureAwait(false);
            }
        }

        /// <summary>Reads more bytes after those buffered; false at the end of the stream.</summary>
        private async Task<bool> FillAsync()
        {
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            int read = await _stream.ReadAsync(_buffer.AsMemory(_end), _stopping).ConfigureAwait(false);
            _end += read;
            return read > 0;
        }
    }
}
