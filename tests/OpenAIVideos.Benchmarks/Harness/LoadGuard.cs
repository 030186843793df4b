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

        /// <summary>The first field of "1.01 2.27 2.23" (as <see cref="Report.LoadAverage"/> reads it), or null if unreadable.</summary>
        public static double? OneMinute(string loadAverage) =>
            double.TryParse(loadAverage.Split(' ', 2)[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double value) ? value : null;
    }
}
