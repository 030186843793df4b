using System;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;

namespace OpenAIVideos.Client.Transport
{
    /// <summary>
    /// The official SDKs' retry contract, as pure functions: which answers are retried, and how long to wait.
    /// </summary>
    internal static class RetryRules
    {
        private static readonly TimeSpan InitialDelay = TimeSpan.FromSeconds(0.5);
        private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(8);

        /// <summary>
        /// Whether an error response is worth another attempt: <c>x-should-retry</c> decides when present; otherwise
        /// 408, 409, 429 (unless it says the quota is spent) and every 5xx.
        /// </summary>
        public static bool IsRetryable(HttpResponseMessage response, string? errorBody)
        {
            if (response.Headers.TryGetValues("x-should-retry", out var values))
            {
                foreach (var value in values)
                {
                    if (string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }

                    if (string.Equals(value.Trim(), "false", StringComparison.OrdinalIgnoreCase))
                    {
                        return false;
                    }
                }
            }

            var status = (int)response.StatusCode;
            if (status == 429)
            {
                return !IsQuotaExhausted(errorBody);
            }

            return status == 408 || status == 409 || status >= 500;
        }

        /// <summary>A 429 that says the quota or billing limit is spent: waiting will not help.</summary>
        public static bool IsQuotaExhausted(string? errorBody) =>
            errorBody is not null
            && (errorBody.IndexOf("insufficient_quota", StringComparison.OrdinalIgnoreCase) >= 0
                || errorBody.IndexOf("exceeded your current quota", StringComparison.OrdinalIgnoreCase) >= 0);

        /// <summary>
        /// The wait before retry number <paramref name="retriesSoFar"/> + 1: the server's <c>retry-after-ms</c>, else
        /// <c>retry-after</c> (seconds or an HTTP date), when between 0 and <paramref name="maxRetryAfter"/>; otherwise
        /// <c>min(0.5·2^n, 8)</c> seconds less up to 25 % at random.
        /// </summary>
        public static TimeSpan Delay(int retriesSoFar, HttpResponseHeaders? headers, TimeSpan maxRetryAfter, DateTimeOffset now, double random)
        {
            var requested = headers is null ? null : ServerRequestedDelay(headers, now);
            if (requested is not null && requested.Value > TimeSpan.Zero && requested.Value <= maxRetryAfter)
            {
                return requested.Value;
            }

            var backoff = TimeSpan.FromTicks(Math.Min(InitialDelay.Ticks * (long)Math.Pow(2, Math.Min(retriesSoFar, 30)), MaxBackoff.Ticks));
            return TimeSpan.FromTicks((long)(backoff.Ticks * (1 - (0.25 * random))));
        }

        /// <summary>The delay a response asks for, or null when it names none (or an unreadable one).</summary>
        public static TimeSpan? ServerRequestedDelay(HttpResponseHeaders headers, DateTimeOffset now)
        {
            if (headers.TryGetValues("retry-after-ms", out var msValues)
                && double.TryParse(First(msValues), NumberStyles.Float, CultureInfo.InvariantCulture, out var ms))
            {
                return TimeSpan.FromMilliseconds(ms);
            }

            if (headers.TryGetValues("retry-after", out var values))
            {
                var text = First(values);
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
                {
                    return TimeSpan.FromSeconds(seconds);
                }

                if (DateTimeOffset.TryParseExact(text, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
                    || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date))
                {
                    return date - now;
                }
            }

            return null;
        }

        private static string First(System.Collections.Generic.IEnumerable<string> values)
        {
            foreach (var value in values)
            {
                return value.Trim();
            }

            return string.Empty;
        }
    }
}
