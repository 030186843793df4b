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
    }
}
