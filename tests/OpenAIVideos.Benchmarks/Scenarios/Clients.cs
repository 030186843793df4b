using System;
using OpenAIVideos.Benchmarks.Harness;
using OpenAIVideos.Client;

namespace OpenAIVideos.Benchmarks.Scenarios
{
    /// <summary>Our client as a script gets it: default options (retries, timeouts, the shared connection pool).</summary>
    internal static class Clients
    {
        public static VideosClient Ours(Uri baseUri) => new VideosClient(new VideoClientOptions
        {
            BaseUri = baseUri,
            ApiKey = ApiKeySecret.FromPlainText(EmulatorProcess.ApiKey),
        });
    }
}
