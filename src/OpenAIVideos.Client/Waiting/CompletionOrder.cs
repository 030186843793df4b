using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAIVideos.Client
{
    /// <summary>
    /// Tasks in the order they finish, in O(n): each finishing task fills the next free slot. Task.WhenAny in a loop
    /// would be O(n²) for the thousand-job waits this module is meant for.
    /// </summary>
    internal static class CompletionOrder
    {
        public static IEnumerable<Task<T>> Of<T>(IReadOnlyList<Task<T>> tasks)
        {
            var slots = new TaskCompletionSource<T>[tasks.Count];
            for (var i = 0; i < slots.Length; i++)
            {
                slots[i] = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            var nextSlot = -1;
            foreach (var task in tasks)
            {
                task.ContinueWith(
                    finished =>
                    {
                        var slot = slots[Interlocked.Increment(ref nextSlot)];
                        if (finished.IsFaulted)
                        {
                            slot.TrySetException(finished.Exception!.InnerExceptions);
                        }
                        else if (finished.IsCanceled)
                        {
                            slot.TrySetCanceled();
                        }
                        else
                        {
                            slot.TrySetResult(finished.Result);
                        }
                    },
                    CancellationToken.None,
                    TaskContinuationOptions.ExecuteSynchronously,
                    TaskScheduler.Default);
            }

            foreach (var slot in slots)
            {
                yield return slot.Task;
            }
        }
    }
}
