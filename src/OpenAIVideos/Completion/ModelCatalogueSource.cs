using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OpenAIVideos.Client;
using OpenAIVideos.Commands.Connection;

namespace OpenAIVideos.Commands.Completion
{
    /// <summary>
    /// The effective connection's model catalogue for completion: what is cached or documented at once; a published
    /// catalogue not fetched yet is fetched with a short budget (the fetch goes on for the next Tab). Never throws.
    /// </summary>
    internal static class ModelCatalogueSource
    {
        private static readonly TimeSpan Wait = TimeSpan.FromSeconds(2);
        private static readonly IReadOnlyList<VideoModel> None = Array.Empty<VideoModel>();

        public static (ServerProfile Profile, IReadOnlyList<VideoModel> Models) Current()
        {
            var options = ConnectionResolver.Resolve(null, out _);
            var known = VideoModelCatalogue.Peek(options);
            if (known is not null || ConnectionResolver.MissingKeyReason(options) is not null)
            {
                return (options.Profile, known ?? None);
            }

            options.MaxRetries = 0;
            options.RequestTimeout = TimeSpan.FromSeconds(5);
            options.ConnectTimeout = TimeSpan.FromSeconds(2);
            var fetch = Task.Run(async () =>
            {
                using var client = new VideosClient(options);
                using var budget = new CancellationTokenSource(TimeSpan.FromTicks(Wait.Ticks * 10));
                return await VideoModelCatalogue.GetAsync(client, cancellationToken: budget.Token).ConfigureAwait(false);
            });
            try
            {
                return (options.Profile, fetch.Wait(Wait) ? fetch.Result : None);
            }
            catch (AggregateException)
            {
                return (options.Profile, None);
            }
        }
    }
}
