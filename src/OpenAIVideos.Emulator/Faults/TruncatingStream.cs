using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

using OpenAIVideos.Emulator.Http;

namespace OpenAIVideos.Emulator.Faults
{
    /// <summary>
    /// Wraps the response body: passes the first N bytes through, flushes them, then aborts the connection so the
    /// client sees headers and a partial body. Later writes are dropped (the request's abort token stops long writers).
    /// </summary>
    internal sealed class TruncatingStream : Stream
    {
        private static readonly TimeSpan GracePeriodBeforeAbort = TimeSpan.FromMilliseconds(100);

        private readonly Stream _inner;
        private readonly ApiContext _context;
        private long _remaining;
        private bool _aborted;

        public TruncatingStream(Stream inner, ApiContext context, long bytesBeforeAbort)
        {
            _inner = inner;
            _context = context;
            _remaining = Math.Max(0, bytesBeforeAbort);
        }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_aborted)
            {
                return;
            }

            int pass = (int)Math.Min(_remaining, buffer.Length);
            if (pass > 0)
            {
                await _inner.WriteAsync(buffer.Slice(0, pass), cancellationToken);
                _remaining -= pass;
            }

            if (_remaining == 0 && buffer.Length >= pass)
            {
                await AbortAsync();
            }
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

        public override Task FlushAsync(CancellationToken cancellationToken) => _aborted ? Task.CompletedTask : _inner.FlushAsync(cancellationToken);

        public override void Flush() => FlushAsync(CancellationToken.None).GetAwaiter().GetResult();

        /// <summary>Aborts now if the handler finished before writing N bytes, so the fault still loses the response.</summary>
        public Task CompleteAsync() => _aborted ? Task.CompletedTask : AbortAsync();

        private async Task AbortAsync()
        {
            _aborted = true;
            try
            {
                await _inner.FlushAsync(CancellationToken.None);
            }
            catch (Exception error) when (error is IOException or OperationCanceledException or InvalidOperationException)
            {
                // The client may already be gone; the abort below is all that matters.
            }

            // An abort resets the socket, and a reset can overtake bytes the client has not read yet; a short pause lets
            // the headers and the partial body arrive first, so the client sees exactly "K bytes, then a broken stream".
            await Task.Delay(GracePeriodBeforeAbort);
            _context.Abort();
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
