using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAIVideos.Emulator.Hosting
{
    /// <summary>
    /// The body of one response on a connection: the head goes out with the first write, then the bytes, as they are or
    /// chunked when no Content-Length was set. Counts what was written, so an answer shorter than its Content-Length (a
    /// handler that stopped early) closes the connection instead of leaving the client waiting.
    /// </summary>
    internal sealed class ResponseBodyStream : Stream
    {
        private const int SmallBody = 16 * 1024;

        private readonly Stream _connection;
        private readonly bool _discard;
        private byte[]? _head;
        private long? _length;
        private long _written;

        /// <param name="connection">The connection's stream.</param>
        /// <param name="discard">Send the head only (an answer to HEAD).</param>
        public ResponseBodyStream(Stream connection, bool discard)
        {
            _connection = connection;
            _discard = discard;
        }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        /// <summary>Sets the head to send before the first bytes, and the declared length (null: chunked).</summary>
        public void Begin(byte[] head, long? length)
        {
            _head = head;
            _length = length;
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_length is long length && !_discard && _written + buffer.Length > length)
            {
                throw new InvalidOperationException($"The response declared {length} bytes and more were written.");
            }

            if (_head != null && _length is not null && !_discard && buffer.Length <= SmallBody)
            {
                // A small answer (most JSON) goes out with its head in one write: one segment on the wire, not two.
                byte[] both = new byte[_head.Length + buffer.Length];
                _head.CopyTo(both, 0);
                buffer.CopyTo(both.AsMemory(_head.Length));
                _head = null;
                _written += buffer.Length;
                await _connection.WriteAsync(both, cancellationToken).ConfigureAwait(false);
                return;
            }

            await SendHeadAsync(cancellationToken).ConfigureAwait(false);
            if (buffer.Length == 0 || _discard)
            {
                return;
            }

            _written += buffer.Length;
            if (_length is null)
            {
                await _connection.WriteAsync(Encoding.ASCII.GetBytes(buffer.Length.ToString("x", CultureInfo.InvariantCulture) + "\r\n"), cancellationToken).ConfigureAwait(false);
                await _connection.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
                await _connection.WriteAsync("\r\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
                return;
            }

            await _connection.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Write(byte[] buffer, int offset, int count) =>
            WriteAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

        public override async Task FlushAsync(CancellationToken cancellationToken)
        {
            await SendHeadAsync(cancellationToken).ConfigureAwait(false);
            await _connection.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        public override void Flush() => FlushAsync(CancellationToken.None).GetAwaiter().GetResult();

        /// <summary>Ends the body (the last chunk when chunked); false when fewer bytes were written than declared.</summary>
        public async Task<bool> CompleteAsync(CancellationToken cancellationToken)
        {
            await SendHeadAsync(cancellationToken).ConfigureAwait(false);
            if (_length is null && !_discard)
            {
                await _connection.WriteAsync("0\r\n\r\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
            }

            await _connection.FlushAsync(cancellationToken).ConfigureAwait(false);
            return _discard || _length is null || _written == _length;
        }

        private async ValueTask SendHeadAsync(CancellationToken cancellationToken)
        {
            if (_head is null)
            {
                return;
            }

            byte[] head = _head;
            _head = null;
            await _connection.WriteAsync(head, cancellationToken).ConfigureAwait(false);
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
