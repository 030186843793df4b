using System;
using System.Diagnostics;
using System.IO;
using System.Threading;

namespace OpenAIVideos.Benchmarks.Harness
{
    /// <summary>
    /// Watches this process while a scenario runs: peak resident set (the kernel's own high-water mark, reset at the
    /// start where Linux allows it, and a 10 ms sample as a fallback), peak thread count and peak managed heap. It runs on
    /// one dedicated thread, started before the "before" reading so it never shows up as growth.
    /// </summary>
    internal sealed class ProcessSampler : IDisposable
    {
        private readonly Thread _thread;
        private readonly ManualResetEventSlim _stop = new ManualResetEventSlim();
        private readonly bool _sampleThreads;
        private long _peakWorkingSet;
        private long _peakManagedHeap;
        private int _peakThreads;

        public ProcessSampler(bool sampleThreads)
        {
            _sampleThreads = sampleThreads;
            _thread = new Thread(Run) { IsBackground = true, Name = "bench-sampler" };
            _thread.Start();
        }

        public long PeakWorkingSet => Math.Max(Interlocked.Read(ref _peakWorkingSet), KernelPeakWorkingSet() ?? 0);

        public long PeakManagedHeap => Interlocked.Read(ref _peakManagedHeap);

        public int PeakThreads => Volatile.Read(ref _peakThreads);

        /// <summary>Starts a new measurement window: collects garbage, resets the peaks to the current values.</summary>
        public void Reset()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            ResetKernelPeak();
            Interlocked.Exchange(ref _peakWorkingSet, Environment.WorkingSet);
            Interlocked.Exchange(ref _peakManagedHeap, GC.GetTotalMemory(false));
            Volatile.Write(ref _peakThreads, ThreadCount());
        }

        public static int ThreadCount()
        {
            using var self = Process.GetCurrentProcess();
            return self.Threads.Count;
        }

        public void Dispose()
        {
            _stop.Set();
            _thread.Join(TimeSpan.FromSeconds(2));
            _stop.Dispose();
        }

        private void Run()
        {
            int tick = 0;
            while (!_stop.Wait(10))
            {
                Max(ref _peakWorkingSet, Environment.WorkingSet);
                Max(ref _peakManagedHeap, GC.GetTotalMemory(false));
                if (_sampleThreads && ++tick % 5 == 0)
                {
                    int threads = ThreadCount();
                    if (threads > Volatile.Read(ref _peakThreads))
                    {
                        Volatile.Write(ref _peakThreads, threads);
                    }
                }
            }
        }

        private static void Max(ref long peak, long value)
        {
            long seen;
            while (value > (seen = Interlocked.Read(ref peak)) && Interlocked.CompareExchange(ref peak, value, seen) != seen)
            {
            }
        }

        // Writing 5 to clear_refs resets VmHWM (Linux 4.0+), so the kernel's peak covers only this window.
        private static void ResetKernelPeak()
        {
            try
            {
                File.WriteAllText("/proc/self/clear_refs", "5");
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
            }
        }

        private static long? KernelPeakWorkingSet()
        {
            try
            {
                foreach (string line in File.ReadLines("/proc/self/status"))
                {
                    if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    {
                        string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                        return long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
                    }
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException)
            {
            }

            return null;
        }
    }
}
