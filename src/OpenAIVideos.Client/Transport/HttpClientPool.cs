using System;
using System.Globalization;
using System.Net;
using System.Net.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;

namespace OpenAIVideos.Client.Transport
{
    /// <summary>
    /// One process-wide set of pooled connections, shared by every client (and so by every cmdlet call in a session).
    /// IHttpClientFactory rotates handlers every few minutes so DNS changes are seen, which a static HttpClient misses.
    /// </summary>
    internal static class HttpClientPool
    {
        private const string NamePrefix = "OpenAIVideos/connect-ms=";
        private static readonly Lazy<IHttpClientFactory> Factory = new Lazy<IHttpClientFactory>(CreateFactory);

        /// <summary>An HttpClient over the shared pool; disposing it leaves the pool alone.</summary>
        public static HttpClient Create(TimeSpan connectTimeout)
        {
            // The connect timeout lives on the primary handler, so each distinct value gets its own named pool.
            var client = Factory.Value.CreateClient(NamePrefix + ((long)connectTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture));
            client.Timeout = System.Threading.Timeout.InfiniteTimeSpan; // the transport times each attempt itself
            return client;
        }

        private static IHttpClientFactory CreateFactory()
        {
            var services = new ServiceCollection();
            services.AddHttpClient();
            // The factory's default logging handlers log to no provider here (the transport logs through its own sink),
            // yet open a scope and time every request: pure per-call overhead.
            services.ConfigureHttpClientDefaults(builder => builder.RemoveAllLoggers());
            services.ConfigureAll<HttpClientFactoryOptions>(options =>
                options.HttpMessageHandlerBuilderActions.Add(builder => builder.PrimaryHandler = CreatePrimaryHandler(ConnectTimeoutOf(builder.Name))));
            return services.BuildServiceProvider().GetRequiredService<IHttpClientFactory>();
        }

        private static TimeSpan ConnectTimeoutOf(string? name) =>
            name is not null && name.StartsWith(NamePrefix, StringComparison.Ordinal)
            && long.TryParse(name.Substring(NamePrefix.Length), NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms)
                ? TimeSpan.FromMilliseconds(ms)
                : TimeSpan.FromSeconds(5);

        private static HttpMessageHandler CreatePrimaryHandler(TimeSpan connectTimeout)
        {
#if NET8_0_OR_GREATER
            return new SocketsHttpHandler
            {
                ConnectTimeout = connectTimeout,
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
                PooledConnectionIdleTimeout = TimeSpan.FromSeconds(90),
            };
#else
            // .NET Framework's handler has no connect timeout; the per-attempt request timeout bounds it instead.
            _ = connectTimeout;
            return new HttpClientHandler { AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate };
#endif
        }
    }
}
