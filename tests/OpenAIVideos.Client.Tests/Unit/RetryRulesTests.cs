using System;
using System.Net;
using System.Net.Http;
using OpenAIVideos.Client.Transport;

namespace OpenAIVideos.Client.Tests.Unit
{
    /// <summary>The SDK retry contract, rule by rule.</summary>
    public class RetryRulesTests
    {
        private static readonly DateTimeOffset Now = new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
        private static readonly TimeSpan Cap = TimeSpan.FromSeconds(60);

        [Theory]
        [InlineData(408, true)]
        [InlineData(409, true)]
        [InlineData(429, true)]
        [InlineData(500, true)]
        [InlineData(502, true)]
        [InlineData(503, true)]
        [InlineData(504, true)]
        [InlineData(400, false)]
        [InlineData(401, false)]
        [InlineData(403, false)]
        [InlineData(404, false)]
        [InlineData(422, false)]
        public void Statuses_are_retried_as_the_SDKs_retry_them(int status, bool expected)
        {
            using var response = new HttpResponseMessage((HttpStatusCode)status);
            Assert.Equal(expected, RetryRules.IsRetryable(response, "{}"));
        }

        [Theory]
        [InlineData(400, "true", true)]
        [InlineData(500, "false", false)]
        [InlineData(429, "FALSE", false)]
        [InlineData(404, " True ", true)]
        public void The_x_should_retry_header_overrides_the_status(int status, string header, bool expected)
        {
            using var response = new HttpResponseMessage((HttpStatusCode)status);
            response.Headers.TryAddWithoutValidation("x-should-retry", header);
            Assert.Equal(expected, RetryRules.IsRetryable(response, null));
        }

        [Fact]
        public void A_429_for_spent_quota_is_not_retried()
        {
            using var response = new HttpResponseMessage((HttpStatusCode)429);
            Assert.False(RetryRules.IsRetryable(response, "{\"error\":{\"code\":\"insufficient_quota\",\"message\":\"You exceeded your current quota\"}}"));
        }

        [Fact]
        public void Retry_after_ms_wins_over_retry_after()
        {
            using var response = new HttpResponseMessage((HttpStatusCode)429);
            response.Headers.TryAddWithoutValidation("retry-after-ms", "1500");
            response.Headers.TryAddWithoutValidation("retry-after", "9");
            Assert.Equal(TimeSpan.FromMilliseconds(1500), RetryRules.Delay(0, response.Headers, Cap, Now, 0.5));
        }

        [Fact]
        public void Retry_after_in_seconds_is_honoured()
        {
            using var response = new HttpResponseMessage((HttpStatusCode)503);
            response.Headers.TryAddWithoutValidation("retry-after", "3");
            Assert.Equal(TimeSpan.FromSeconds(3), RetryRules.Delay(1, response.Headers, Cap, Now, 0.9));
        }

        [Fact]
        public void Retry_after_as_an_HTTP_date_is_honoured()
        {
            using var response = new HttpResponseMessage((HttpStatusCode)503);
            response.Headers.TryAddWithoutValidation("retry-after", Now.AddSeconds(7).ToString("r"));
            Assert.Equal(TimeSpan.FromSeconds(7), RetryRules.Delay(0, response.Headers, Cap, Now, 0));
        }

        [Theory]
        [InlineData("61")]
        [InlineData("0")]
        [InlineData("-3")]
        [InlineData("soon")]
        public void A_retry_after_beyond_the_cap_or_unreadable_falls_back_to_backoff(string header)
        {
            using var response = new HttpResponseMessage((HttpStatusCode)429);
            response.Headers.TryAddWithoutValidation("retry-after", header);
            Assert.Equal(TimeSpan.FromSeconds(0.5), RetryRules.Delay(0, response.Headers, Cap, Now, 0));
        }

        [Theory]
        [InlineData(0, 0.0, 500)]
        [InlineData(1, 0.0, 1000)]
        [InlineData(2, 0.0, 2000)]
        [InlineData(3, 0.0, 4000)]
        [InlineData(4, 0.0, 8000)]
        [InlineData(9, 0.0, 8000)]
        [InlineData(0, 1.0, 375)]
        [InlineData(4, 1.0, 6000)]
        [InlineData(2, 0.5, 1750)]
        public void Backoff_is_min_half_times_two_to_the_n_and_eight_less_up_to_a_quarter(int retriesSoFar, double random, int expectedMs)
        {
            Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), RetryRules.Delay(retriesSoFar, null, Cap, Now, random));
        }
    }
}
