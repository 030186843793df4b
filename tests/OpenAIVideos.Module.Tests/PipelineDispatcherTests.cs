using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OpenAIVideos.Commands.Pipeline;

namespace OpenAIVideos.Module.Tests
{
    public sealed class PipelineDispatcherTests
    {
        [Fact]
        public void PostedActionsRunOnTheCallingThreadInOrder()
        {
            using var dispatcher = new PipelineDispatcher();
            var thread = Environment.CurrentManagedThreadId;
            var seen = new List<int>();
            var threads = new HashSet<int>();
            var result = dispatcher.Run(async token =>
            {
                for (var i = 0; i < 100; i++)
                {
                    var n = i;
                    dispatcher.Post(() => { seen.Add(n); threads.Add(Environment.CurrentManagedThreadId); });
                    if (i % 10 == 0)
                    {
                        await Task.Yield();
                    }
                }

                return 42;
            });

            Assert.Equal(42, result);
            Assert.Equal(100, seen.Count);
            for (var i = 0; i < 100; i++)
            {
                Assert.Equal(i, seen[i]);
            }

            Assert.Equal(new[] { thread }, threads);
        }

        [Fact]
        public void TheWorksExceptionPropagatesUnwrapped()
        {
            using var dispatcher = new PipelineDispatcher();
            var ran = false;
            var exception = Assert.Throws<InvalidOperationException>(() => dispatcher.Run<int>(async token =>
            {
                dispatcher.Post(() => ran = true);
                await Task.Delay(10, token);
                throw new InvalidOperationException("boom");
            }));
            Assert.Equal("boom", exception.Message);
            Assert.True(ran, "Actions posted before the failure still run.");
        }

        [Fact]
        public async Task AnActionsExceptionPropagatesAndCancelsTheWork()
        {
            using var dispatcher = new PipelineDispatcher();
            var workCancelled = new TaskCompletionSource<bool>();
            Assert.Throws<ArithmeticException>(() => dispatcher.Run(async token =>
            {
                token.Register(() => workCancelled.TrySetResult(true));
                dispatcher.Post(() => throw new ArithmeticException());
                await Task.Delay(Timeout.Infinite, token);
            }));
            Assert.True(await workCancelled.Task.WaitAsync(TimeSpan.FromSeconds(5)));
        }

        [Fact]
        public async Task CancellationReturnsPromptlyEvenWhenTheWorkIgnoresIt()
        {
            // The work is deaf to its token and never ends while Run is being judged, so a Run that waited for the work
            // after cancellation would never return; only the dispatcher noticing the caller's token can end it. The 30 s
            // bound turns that hang into a failure; it is not a speed target.
            var started = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            var deaf = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using var stop = new CancellationTokenSource();
            var run = Task.Run(() =>
            {
                using var dispatcher = new PipelineDispatcher();
                dispatcher.Run(async _ =>
                {
                    started.SetResult(true);
                    await deaf.Task; // deliberately deaf to the token
                }, stop.Token);
            });
            try
            {
                await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
                stop.Cancel();
                await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(TimeSpan.FromSeconds(30)));
                Assert.False(deaf.Task.IsCompleted);
            }
            finally
            {
                deaf.TrySetResult(true); // let the abandoned work end
            }
        }

        [Fact]
        public async Task RunToEndReturnsOnCancellationOnlyAfterTheWorksLastStep()
        {
            // The work's last step (a download's rename after its flush) cannot be interrupted: cancelled, the caller must
            // not get control back while it is still to come. The order of the two events is the verdict; the short
            // grace before the step is let go only gives a caller that returns early the chance to show it.
            var events = new System.Collections.Concurrent.ConcurrentQueue<string>();
            var started = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            var lastStep = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using var stop = new CancellationTokenSource();
            var run = Task.Run(() =>
            {
                using var dispatcher = new PipelineDispatcher();
                try
                {
                    dispatcher.RunToEnd(async _ =>
                    {
                        started.SetResult(true);
                        await lastStep.Task; // deaf to the token, as a flush to disk is
                        events.Enqueue("last step done");
                        return true;
                    }, stop.Token);
                }
                finally
                {
                    events.Enqueue("returned");
                }
            });

            await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
            stop.Cancel();
            await Task.WhenAny(run, Task.Delay(TimeSpan.FromMilliseconds(300)));
            lastStep.SetResult(true);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(TimeSpan.FromSeconds(30)));
            Assert.Equal(new[] { "last step done", "returned" }, events.ToArray());
        }

        [Fact]
        public void PostAsyncCompletesOnlyAfterTheActionRan()
        {
            using var dispatcher = new PipelineDispatcher();
            var written = new List<int>();
            dispatcher.Run(async token =>
            {
                for (var i = 0; i < 5; i++)
                {
                    var n = i;
                    await dispatcher.PostAsync(() => written.Add(n));
                    Assert.Equal(n + 1, written.Count);
                }
            });
            Assert.Equal(new[] { 0, 1, 2, 3, 4 }, written);
        }

        [Fact]
        public void ActionsPostedOutsideARunWaitForTheNextOneOrADrain()
        {
            using var dispatcher = new PipelineDispatcher();
            var ran = 0;
            dispatcher.Post(() => ran++);
            Assert.Equal(0, ran);
            dispatcher.Drain();
            Assert.Equal(1, ran);
            dispatcher.Post(() => ran++);
            dispatcher.Run(_ => Task.FromResult(0));
            Assert.Equal(2, ran);
        }

        [Fact]
        public void DispatchingProgressReportsOnThePipelineThread()
        {
            using var dispatcher = new PipelineDispatcher();
            var thread = Environment.CurrentManagedThreadId;
            var reports = new List<(int Value, int Thread)>();
            var progress = new DispatchingProgress<int>(dispatcher, v => reports.Add((v, Environment.CurrentManagedThreadId)));
            dispatcher.Run(async _ =>
            {
                await Task.Yield();
                progress.Report(1);
                progress.Report(2);
            });
            Assert.Equal(new[] { (1, thread), (2, thread) }, reports);
        }

        [Fact]
        public void PostingAfterDisposalIsIgnoredAndPostAsyncIsCancelled()
        {
            var dispatcher = new PipelineDispatcher();
            dispatcher.Dispose();
            dispatcher.Post(() => throw new InvalidOperationException("must not run"));
            Assert.True(dispatcher.PostAsync(() => { }).IsCanceled);
        }

        [Fact]
        public async Task PostAsyncIsCancelledWithItsTokenWhenTheActionNeverRuns()
        {
            using var dispatcher = new PipelineDispatcher();
            using var cancel = new CancellationTokenSource();
            var ran = false;
            var pending = dispatcher.PostAsync(() => ran = true, cancel.Token);
            cancel.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
            dispatcher.Drain();
            Assert.False(ran);
        }
    
        [Fact]
        public void ASynchronousThrowBeforeTheFirstAwaitPropagatesUnwrapped()
        {
            using var dispatcher = new PipelineDispatcher();
            var exception = Assert.Throws<ArgumentException>(() => dispatcher.Run<int>(_ => throw new ArgumentException("bad id")));
            Assert.Equal("bad id", exception.Message);
        }

        [Fact]
        public void TheWorkNeverSeesTheCallersSynchronizationContext()
        {
            using var dispatcher = new PipelineDispatcher();
            var previous = SynchronizationContext.Current;
            var refusing = new RefusingContext();
            SynchronizationContext.SetSynchronizationContext(refusing);
            try
            {
                // An await that captured the caller's context would post to it; the caller is blocked pumping, so that
                // would hang in a real host. Here the context refuses, which fails the work instead.
                var result = dispatcher.Run(async _ =>
                {
                    Assert.Null(SynchronizationContext.Current);
                    await Task.Delay(1);
                    return 7;
                });
                Assert.Equal(7, result);
                Assert.Same(refusing, SynchronizationContext.Current);
                Assert.Equal(0, refusing.Posts);
            }
            finally
            {
                SynchronizationContext.SetSynchronizationContext(previous);
            }
        }

        [Fact]
        public void ForEachHandsEveryItemToTheCallingThreadInOrderAndRunsPostedActionsFirst()
        {
            using var dispatcher = new PipelineDispatcher();
            var thread = Environment.CurrentManagedThreadId;
            var seen = new List<string>();
            var threads = new HashSet<int>();
            var source = new CountingSource(10, pageSize: 3, dispatcher, note => seen.Add(note));
            dispatcher.ForEach(_ => source.Items(), item =>
            {
                seen.Add("item " + item);
                threads.Add(Environment.CurrentManagedThreadId);
                return true;
            });
            var expected = new List<string>();
            for (var i = 0; i < 10; i++)
            {
                if (i % 3 == 0)
                {
                    expected.Add("page " + i);
                }

                expected.Add("item " + i);
            }

            Assert.Equal(expected, seen); // what the source posted while fetching a page is written before that page's items
            Assert.Equal(new[] { thread }, threads);
            Assert.True(source.Disposed);
        }

        [Fact]
        public void ForEachStopsWhenTheHandlerSaysSoAndDisposesTheSource()
        {
            using var dispatcher = new PipelineDispatcher();
            var source = new CountingSource(1000, pageSize: 10, dispatcher, _ => { });
            var taken = new List<int>();
            dispatcher.ForEach(_ => source.Items(), item =>
            {
                taken.Add(item);
                return taken.Count < 15;
            });
            Assert.Equal(15, taken.Count);
            Assert.Equal(2, source.PagesFetched);
            Assert.True(source.Disposed);
        }

        [Fact]
        public void AHandlersExceptionPropagatesAndDisposesTheSource()
        {
            using var dispatcher = new PipelineDispatcher();
            var source = new CountingSource(100, pageSize: 10, dispatcher, _ => { });
            Assert.Throws<ArithmeticException>(() => dispatcher.ForEach(_ => source.Items(), item => item < 5 ? true : throw new ArithmeticException()));
            Assert.True(source.Disposed);
        }

        [Fact]
        public async Task ForEachCancellationReturnsPromptlyAndTheSourceIsStillReleased()
        {
            // The source's next item never comes while ForEach is being judged, so a ForEach that waited for it after
            // cancellation would never return; the 30 s bound turns that hang into a failure, it is not a speed target.
            var started = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            var released = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using var stop = new CancellationTokenSource();
            var run = Task.Run(() =>
            {
                using var dispatcher = new PipelineDispatcher();
                dispatcher.ForEach(_ => Hanging(started, released), _ => true, stop.Token);
            });
            await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
            stop.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(TimeSpan.FromSeconds(30)));
            Assert.True(await released.Task.WaitAsync(TimeSpan.FromSeconds(30)), "The enumerator was disposed once its cancelled move ended.");
        }

        private static async IAsyncEnumerable<int> Hanging(TaskCompletionSource<bool> started, TaskCompletionSource<bool> released, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken token = default)
        {
            try
            {
                started.TrySetResult(true);
                await Task.Delay(Timeout.Infinite, token);
                yield return 1;
            }
            finally
            {
                released.TrySetResult(true);
            }
        }

        /// <summary>Items 0..count-1 in pages: each page is fetched asynchronously and posts a note before its items.</summary>
        private sealed class CountingSource
        {
            private readonly int _count;
            private readonly int _pageSize;
            private readonly PipelineDispatcher _dispatcher;
            private readonly Action<string> _note;

            public CountingSource(int count, int pageSize, PipelineDispatcher dispatcher, Action<string> note)
            {
                _count = count;
                _pageSize = pageSize;
                _dispatcher = dispatcher;
                _note = note;
            }

            public int PagesFetched { get; private set; }

            public bool Disposed { get; private set; }

            public async IAsyncEnumerable<int> Items()
            {
                try
                {
                    for (var i = 0; i < _count; i++)
                    {
                        if (i % _pageSize == 0)
                        {
                            await Task.Delay(1).ConfigureAwait(false); // the "request", completing on the pool
                            PagesFetched++;
                            var page = i;
                            _dispatcher.Post(() => _note("page " + page));
                        }

                        yield return i;
                    }
                }
                finally
                {
                    Disposed = true;
                }
            }
        }

        private sealed class RefusingContext : SynchronizationContext
        {
            public int Posts { get; private set; }

            public override void Post(SendOrPostCallback d, object? state)
            {
                Posts++;
                throw new InvalidOperationException("The work tried to resume on the blocked caller's context.");
            }
        }
    }
}
