using System;
using System.Collections.Generic;
using System.Linq;

namespace OpenAIVideos.Benchmarks.Harness
{
    /// <summary>Order statistics over a sample; medians and high percentiles resist the noise of a shared machine better than means.</summary>
    internal static class Stats
    {
        public static double Median(IEnumerable<double> values) => Percentile(values, 50);

        /// <summary>Nearest-rank percentile (p in 0..100).</summary>
        public static double Percentile(IEnumerable<double> values, double p)
        {
            double[] sorted = values.OrderBy(v => v).ToArray();
            if (sorted.Length == 0)
            {
                return double.NaN;
            }

            int rank = (int)Math.Ceiling(p / 100.0 * sorted.Length);
            return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
        }

        public static double MillisecondsSince(long startTimestamp) =>
            (System.Diagnostics.Stopwatch.GetTimestamp() - startTimestamp) * 1000.0 / System.Diagnostics.Stopwatch.Frequency;
    }
}
