using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAIVideos.Commands.Pipeline
{
    /// <summary>
    /// Runs asynchronous engine work while the calling (pipeline) thread executes the actions that work posts:
    /// PowerShell allows <c>Write*</c> only on the pipeline thread, so progress, verbose lines and output are posted
    /// here as <see cref="Action"/>s and run in the order they were posted. Sequences (<see cref="ForEach{T}"/>) are
    /// pulled on the pipeline thread itself, so their items need no posting at all.
    /// </summary>
    /// <remarks>
    /// No PowerShell types: the cmdlet base hands it closures over its own <c>Write*</c> methods, and the unit tests
    /// drive it directly. Actions posted while no <see cref="Run{T}"/> is active wait for the next one (or are dropped
    /// with the dispatcher), so they never run on a foreign thread.
    /// </remarks>
    public sealed class PipelineDispatcher : IDisposable
    {
        private readonly ConcurrentQueue<Action> _queue = new ConcurrentQueue<Action>();

        // Set when an action is queued. The pump blocks on it almost without spinning: what it waits for is network I/O
        // (tens to hundreds of microseconds), so spinning would only take a core from the server and the thread pool.
        private readonly ManualResetEventSlim _posted = new ManualResetEventSlim(false, spinCount: 1);
        private readonly int _ownerThread = Environment.CurrentManagedThreadId;
        private bool _disposed;

        /// <summary>Queues an action to run on the pipeline thread; callable from any thread, also after disposal (then dropped).</summary>
        public void Post(Action action)
        {
            if (action is null)
            {
                throw new ArgumentNullException(nameof(action));
            }

            if (Volatile.Read(ref _disposed))
            {
                return;
            }

            // Posted just as the dispatcher is disposed, an action stays queued and is never run: a late report from
            // abandoned work has nowhere to run.
            _queue.Enqueue(action);
            _posted.Set();
        }

        /// <summary>
        /// Queues an action and returns a task that completes once it has run on the pipeline thread: work that awaits it
        /// cannot run ahead of a slow consumer (e.g. a downstream cmdlet), so memory stays bounded.
        /// </summary>
        /// <param name="action">Runs on the pipeline thread.</param>
        /// <param name="cancellationToken">The work's token: once cancelled the action is skipped and the task cancelled,
        /// so abandoned work never waits forever and never writes late.</param>
        public Task PostAsync(Action action, CancellationToken cancellationToken = default)
        {
            if (action is null)
            {
                throw new ArgumentNullException(nameof(action));
            }

            var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            var registration = cancellationToken.Register(() => done.TrySetCanceled());
            Post(() =>
            {
                registration.Dispose();
                if (cancellationToken.IsCancellationRequested)
                {
                    done.TrySetCanceled();
                    return;
                }

                try
                {
                    action();
                    done.TrySetResult(true);
                }
                catch (Exception exception)
                {
                    done.TrySetException(exception);
                    throw;
                }
            });
            if (Volatile.Read(ref _disposed))
            {
                done.TrySetCanceled();
            }

            return done.Task;
        }

        /// <summary>
        /// Starts <paramref name="work"/> and runs posted actions on this thread until it ends; then runs what is left in
        /// the queue and returns its result or rethrows its exception unchanged.
        /// </summary>
        /// <remarks>
        /// The work's synchronous part (validation, building the request, starting the send) runs here, without a
        /// synchronization context, exactly as it would on a thread-pool thread; from its first unfinished await it goes
        /// on on the pool. Starting it with Task.Run instead cost a second thread hand-off on every call (measured in
        /// docs/performance.md, shell-retrieve).
        /// </remarks>
        /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; thrown
        /// promptly even when the work is slow to notice.</exception>
        public T Run<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken = default) =>
            RunCore(work, settle: false, cancellationToken);

        /// <summary>
        /// As <see cref="Run{T}"/>, but on cancellation waits for the work to end before throwing: for work whose last
        /// step must not outlive the call, such as a download that renames its file into place. The work is cancelled
        /// at once; only what it cannot interrupt (a flush to disk) is waited for.
        /// </summary>
        public T RunToEnd<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken = default) =>
            RunCore(work, settle: true, cancellationToken);

        private T RunCore<T>(Func<CancellationToken, Task<T>> work, bool settle, CancellationToken cancellationToken)
        {
            if (work is null)
            {
                throw new ArgumentNullException(nameof(work));
            }

            var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var task = StartHere(work, linked.Token);
            try
            {
                Pump(task, linked, cancellationToken);
            }
            catch
            {
                if (settle)
                {
                    // Pump has cancelled the work; what it posts from here on is dropped (PostAsync sees the token).
                    ((IAsyncResult)task).AsyncWaitHandle.WaitOne();
                }

                task.ContinueWith(t => { _ = t.Exception; linked.Dispose(); }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
                throw;
            }

            linked.Dispose();
            // GetResult rethrows the work's own exception, not an AggregateException.
            return task.GetAwaiter().GetResult();
        }

        /// <summary>
        /// Enumerates <paramref name="source"/> on this thread, handing each item to <paramref name="onItem"/> here (so
        /// it may write to the pipeline) until the source ends or <paramref name="onItem"/> returns false. Items the
        /// source already holds (the rest of a page) cost no thread hand-off; while it waits for I/O, posted actions
        /// run. Pulling from the pipeline thread also means the source never runs ahead of a slow consumer.
        /// </summary>
        /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
        public void ForEach<T>(Func<CancellationToken, IAsyncEnumerable<T>> source, Func<T, bool> onItem, CancellationToken cancellationToken = default)
        {
            if (source is null || onItem is null)
            {
                throw new ArgumentNullException(source is null ? nameof(source) : nameof(onItem));
            }

            var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            IAsyncEnumerator<T>? items = null;
            Task<bool>? inFlight = null;
            try
            {
                items = WithoutContext(() => source(linked.Token).GetAsyncEnumerator(linked.Token));
                Func<ValueTask<bool>> moveNext = items.MoveNextAsync;
                while (true)
                {
                    var move = WithoutContext(moveNext);
                    bool more;
                    if (move.IsCompleted)
                    {
                        more = move.GetAwaiter().GetResult();
                    }
                    else
                    {
                        inFlight = move.AsTask();
                        Pump(inFlight, linked, cancellationToken);
                        more = inFlight.GetAwaiter().GetResult();
                        inFlight = null;
                    }

                    if (!more)
                    {
                        break;
                    }

                    // What the source posted while producing this item (verbose lines, progress) is written before it.
                    Drain(cancellationToken);
                    if (!onItem(items.Current))
                    {
                        break;
                    }
                }

                Drain(cancellationToken);
            }
            finally
            {
                Release(items, inFlight, linked);
            }
        }

        // Pumps posted actions until the task ends; if an action fails or the caller cancels, the work is cancelled too
        // (and left to the caller to finish in the background rather than blocking the pipeline thread on it).
        private void Pump(Task task, CancellationTokenSource linked, CancellationToken cancellationToken)
        {
            // Wake the pump the moment the work ends, without a poll interval.
            task.ContinueWith(_ => Post(static () => { }), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            try
            {
                while (!task.IsCompleted)
                {
                    if (_queue.TryDequeue(out var action))
                    {
                        action();
                        continue;
                    }

                    // Reset, then look again: an action posted after the look sets the event after the reset.
                    _posted.Reset();
                    if (_queue.IsEmpty && !task.IsCompleted)
                    {
                        _posted.Wait(cancellationToken);
                    }
                }

                Drain(cancellationToken);
            }
            catch
            {
                linked.Cancel();
                throw;
            }
        }

        // Ends an enumeration: disposes the enumerator now when no move is in flight, else once the cancelled move ends.
        private static void Release<T>(IAsyncEnumerator<T>? items, Task? inFlight, CancellationTokenSource linked)
        {
            if (inFlight is not null)
            {
                linked.Cancel();
                inFlight.ContinueWith(async t =>
                {
                    _ = t.Exception;
                    try
                    {
                        await items!.DisposeAsync().ConfigureAwait(false);
                    }
                    finally
                    {
                        linked.Dispose();
                    }
                }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
                return;
            }

            try
            {
                if (items is not null)
                {
                    var disposing = WithoutContext(items.DisposeAsync);
                    if (!disposing.IsCompleted)
                    {
                        disposing.AsTask().ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
                    }
                }
            }
            finally
            {
                linked.Dispose();
            }
        }

        // Starts async work here; a synchronous throw (e.g. argument validation before the first await) becomes a faulted
        // task, as it did under Task.Run, so the caller sees one way of failing.
        private static Task<T> StartHere<T>(Func<CancellationToken, Task<T>> work, CancellationToken token)
        {
            try
            {
                return WithoutContext(() =>
                {
                    token.ThrowIfCancellationRequested();
                    return work(token) ?? throw new InvalidOperationException("The work returned no task.");
                });
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return Task.FromCanceled<T>(token);
            }
            catch (Exception exception)
            {
                return Task.FromException<T>(exception);
            }
        }

        // Runs the synchronous part of async work on this thread with no synchronization context (as on the pool), so its
        // awaits never try to resume on this thread, which is blocked pumping.
        private static TResult WithoutContext<TResult>(Func<TResult> start)
        {
            var context = SynchronizationContext.Current;
            SynchronizationContext.SetSynchronizationContext(null);
            try
            {
                return start();
            }
            finally
            {
                SynchronizationContext.SetSynchronizationContext(context);
            }
        }

        /// <summary>Runs work that returns nothing; see <see cref="Run{T}"/>.</summary>
        public void Run(Func<CancellationToken, Task> work, CancellationToken cancellationToken = default)
        {
            if (work is null)
            {
                throw new ArgumentNullException(nameof(work));
            }

            Run<bool>(async token =>
            {
                await work(token).ConfigureAwait(false);
                return true;
            }, cancellationToken);
        }

        /// <summary>Runs every queued action now, on the calling thread.</summary>
        public void Drain(CancellationToken cancellationToken = default)
        {
            while (_queue.TryDequeue(out var action))
            {
                cancellationToken.ThrowIfCancellationRequested();
                action();
            }
        }

        /// <summary>True when called on the thread that created the dispatcher.</summary>
        public bool IsOwnerThread => Environment.CurrentManagedThreadId == _ownerThread;

        /// <summary>Drops whatever is still queued; later posts are ignored.</summary>
        /// <remarks>The collection itself is left to the collector: abandoned work may still post from the thread pool.</remarks>
        public void Dispose()
        {
            Volatile.Write(ref _disposed, true);
            while (_queue.TryDequeue(out _))
            {
            }
        }
    }
}
