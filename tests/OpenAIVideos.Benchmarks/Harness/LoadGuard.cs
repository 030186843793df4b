using System;
using System.Globalization;

namespace OpenAIVideos.Benchmarks.Harness
{
    /// <summary>
    /// When a verdict may be printed: only if the 1-minute load average as a scenario starts is at most the number of
    /// cores. Above that, other processes queue for the same cores, every contender is slowed by a different amount, and a
    /// "pass" recorded then (as the 1.15× download row once was, at load 7–12) need not hold on a quiet machine.
    /// </summary>
    internal static class LoadGuard
    {
        public static int Cores => Environment.ProcessorCount;

        public static bool TooBusy(double oneMinuteLoad) => oneMinuteLoad > Cores;

        /// <summary>How long a scenario waits, at most, for the machine to settle before it starts.</summary>
        public static readonly TimeSpan MaxSettle = TimeSpan.FromSeconds(120);

        /// <summary>
        /// Waits (at most <see cref="MaxSettle"/>) until the 1-minute load is at most the core count. On 2 cores a run's own
        /// previous scenario lifts the load above 2, and the average decays over about a minute: without this, every
        /// scenario after the first would be judged busy by the run itself. A machine busy with others' work stays busy,
        /// and its rows still get no verdict.
        /// </summary>
        public static void Settle(Func<string> loadAverage)
        {
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (OneMinute(loadAverage()) is double load && TooBusy(load) && waited.Elapsed < MaxSettle)
            {
                if (waited.Elapsed == TimeSpan.Zero || waited.Elapsed.TotalSeconds % 30 < 5)
                {
                    Console.WriteLine($"  load average {load.ToString("0.00", CultureInfo.InvariantCulture)} > {Cores} cores: waiting for it to settle (at most {MaxSettle.TotalSeconds:0} s)…");
                }

                System.Threading.Thread.Sleep(TimeSpan.FromSeconds(5));
            }
        }

        /// <summary>The first field of "1.01 2.27 2.23" (as <see cref="Report.LoadAverage"/> reads it), or null if unreadable.</summary>
        public static double? OneMinute(string loadAverage) =>
            double.TryParse(loadAverage.Split(' ', 2)[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double value) ? value : null;
    }
}
