using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAIVideos.Emulator.Http
{
    /// <summary>
    /// A response being written. Status and headers can change until the first body byte is written; then the host sends
    /// them (<see cref="HasStarted"/>) and the bytes follow on the connection.
    /// </summary>
    internal sealed class ApiResponse
    {
        private readonly Func<ApiResponse, Stream> _start;
        private Stream? _started;

        /// <param name="start">Sends status and headers, and returns the stream the body goes to; called once.</param>
        public ApiResponse(Func<ApiResponse, Stream> start)
        {
            _start = start;
            Body = new StartingStream(this);
        }

        public int StatusCode { get; set; } = 200;

        public HeaderValues Headers { get; } = new HeaderValues();

        public string? ContentType { get; set; }

        public long? ContentLength { get; set; }

        /// <summary>Where the body goes; a fault may wrap it.</summary>
        public Stream Body { get; set; }

        public bool HasStarted => _started != null;

        /// <summary>Forgets status and headers set so far (before an error answer replaces them).</summary>
        public void Clear()
        {
            if (HasStarted)
            {
                throw new InvalidOperationException("The response has already started.");
            }

            StatusCode = 200;
            Headers.Clear();
            ContentType = null;
            ContentLength = null;
        }

        /// <summary>Sends status and headers now, if not yet sent; returns the connection's body stream.</summary>
        public Stream Start() => _started ??= _start(this);

        /// <summary>Writes the first bytes through <see cref="Start"/>, so headers go out exactly once, before the body.</summary>
        private sealed class StartingStream : Stream
        {
            private readonly ApiResponse _response;

            public StartingStream(ApiResponse response) => _response = response;

            public override bool CanRead => false;
            public override bool CanSeek => false;
            public override bool CanWrite => true;
            public override long Length => throw new NotSupportedException();
            public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

            public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
                _response.Start().WriteAsync(buffer, cancellationToken);

            public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
                WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

            public override void Write(byte[] buffer, int offset, int count) => _response.Start().Write(buffer, offset, count);

            public override Task FlushAsync(CancellationToken cancellationToken) => _response.Start().FlushAsync(cancellationToken);

            public override void Flush() => _response.Start().Flush();

            public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();
        }
    }
}
