using System;

namespace OpenAIVideos.Commands.Pipeline
{
    /// <summary>
    /// An <see cref="IProgress{T}"/> that posts each report to a <see cref="PipelineDispatcher"/>, so the handler runs
    /// on the pipeline thread. (<see cref="Progress{T}"/> would run it on the thread pool: PowerShell has no
    /// synchronization context to capture.)
    /// </summary>
    public sealed class DispatchingProgress<T> : IProgress<T>
    {
        private readonly PipelineDispatcher _dispatcher;
        private readonly Action<T> _handler;

        /// <summary>Reports go to <paramref name="handler"/> on the dispatcher's thread.</summary>
        public DispatchingProgress(PipelineDispatcher dispatcher, Action<T> handler)
        {
            _dispatcher = dispatcher ?? throw new ArgumentNullException(nameof(dispatcher));
            _handler = handler ?? throw new ArgumentNullException(nameof(handler));
        }

        /// <inheritdoc />
        public void Report(T value) => _dispatcher.Post(() => _handler(value));
    }
}
