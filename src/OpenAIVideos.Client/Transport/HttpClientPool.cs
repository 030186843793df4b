using System;
using System.Net;
using System.Net.Http;
#if NET8_0_OR_GREATER
using System.Collections.Concurrent;
#else
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
#endif

namespace OpenAIVideos.Client.Transport
{
    /// <summary>
    /// One process-wide set of pooled connections, shared by every client (and so by every cmdlet call in a session),
    /// recycled every few minutes so DNS changes are seen, which one HttpClient kept for ever misses.
    /// </summary>
    /// <remarks>
    /// On PowerShell 7 (.NET 8+), the handler recycles its own connections (<c>PooledConnectionLifetime</c>): the
    /// alternative to IHttpClientFactory that Microsoft's HttpClient guidelines name
    /// (https://learn.microsoft.com/dotnet/fundamentals/networking/http/httpclient-guidelines, read 2026-12-06). The
    /// factory would add nothing there and cost every fresh process its dependency-injection container on the first
    /// call (about 330 JIT-compiled methods in 8 assemblies; docs/performance.md). On Windows PowerShell (.NET
    /// Framework), whose handler cannot recycle connections, IHttpClientFactory rotates the handlers instead.
    /// </remarks>
    internal static class HttpClientPool
    {
        /// <summary>How long a connection (and, on .NET Framework, a handler) serves before DNS is asked again: IHttpClientFactory's default.</summary>
        private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

#if NET8_0_OR_GREATER
        // The connect timeout lives on the handler, so each distinct value gets its own pool.
        private static readonly ConcurrentDictionary<long, HttpMessageHandler> Handlers = new ConcurrentDictionary<long, HttpMessageHandler>();

        /// <summary>An HttpClient over the shared pool; disposing it leaves the pool alone.</summary>
        public static HttpClient Create(TimeSpan connectTimeout)
        {
            var handler = Handlers.GetOrAdd((long)connectTimeout.TotalMilliseconds, milliseconds => new SocketsHttpHandler
            {
                ConnectTimeout = TimeSpan.FromMilliseconds(milliseconds),
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
                PooledConnectionIdleTimeout = TimeSpan.FromSeconds(90),
                PooledConnectionLifetime = Lifetime,
            });
            return Unbounded(new HttpClient(handler, disposeHandler: false));
        }
#else
        private static readonly Lazy<IHttpClientFactory> Factory = new Lazy<IHttpClientFactory>(CreateFactory);

        /// <summary>An HttpClient over the shared pool; disposing it leaves the pool alone.</summary>
        /// <remarks>.NET Framework's handler has no connect timeout; the per-attempt request timeout bounds it instead.</remarks>
        public static HttpClient Create(TimeSpan connectTimeout)
        {
            _ = connectTimeout;
            return Unbounded(Factory.Value.CreateClient());
        }

        private static IHttpClientFactory CreateFactory()
        {
            var services = new ServiceCollection();
            services.AddHttpClient();
            // The factory's default logging handlers log to no provider here (the transport logs through its own sink),
            // yet open a scope and time every request: pure per-call overhead.
            services.ConfigureHttpClientDefaults(builder => builder.RemoveAllLoggers().SetHandlerLifetime(Lifetime));
            services.ConfigureAll<HttpClientFactoryOptions>(options =>
                options.HttpMessageHandlerBuilderActions.Add(builder =>
                    builder.PrimaryHandler = new HttpClientHandler { AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate }));
            return services.BuildServiceProvider().GetRequiredService<IHttpClientFactory>();
        }
#endif

        private static HttpClient Unbounded(HttpClient client)
        {
            client.Timeout = System.Threading.Timeout.InfiniteTimeSpan; // the transport times each attempt itself
            return client;
        }
    }
}
