using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OpenAIVideos.Client;
using OpenAIVideos.Commands.Connection;

namespace OpenAIVideos.Commands.Completion
{
    /// <summary>The id cache for the effective connection: one short, unretried list call for the newest 100 videos.</summary>
    internal static class VideoIdSource
    {
        private static readonly IReadOnlyList<Video> None = Array.Empty<Video>();

        public static VideoIdCache Current()
        {
            var options = ConnectionResolver.Resolve(null, out _);
            options.MaxRetries = 0;
            options.RequestTimeout = TimeSpan.FromSeconds(5);
            options.ConnectTimeout = TimeSpan.FromSeconds(2);
            var key = options.BaseUri.AbsoluteUri + "|" + options.AuthenticationStyle + "|" + (options.ApiKey is null ? "anonymous" : "key");
            if (ConnectionResolver.MissingKeyReason(options) is not null)
            {
                return VideoIdCache.For(key, _ => Task.FromResult(None));
            }

            return VideoIdCache.For(key, async cancellationToken =>
            {
                using var client = new VideosClient(options);
                var page = await client.ListPageAsync(new VideoListQuery { PageSize = 100 }, cancellationToken).ConfigureAwait(false);
                return page.Data;
            });
        }
    }
}
