using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAIVideos.Client
{
    /// <summary>
    /// The video models of each connection, cached for the process: one <c>GET /videos/models</c> where the server
    /// publishes its catalogue (then fresh for <see cref="Lifetime"/>), else the dialect's documented models. Completion,
    /// <c>Get-VideoModel</c>, <c>-WhatIf</c> prices and the check before a create all read the same list.
    /// </summary>
    public static class VideoModelCatalogue
    {
        /// <summary>How long a published catalogue stays fresh.</summary>
        public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

        private static readonly ConcurrentDictionary<string, Entry> Cache = new ConcurrentDictionary<string, Entry>(StringComparer.Ordinal);

        /// <summary>The cache key of a connection: its address, server kind and whether it has a key.</summary>
        public static string KeyOf(VideoClientOptions options)
        {
            if (options is null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            return options.BaseUri.AbsoluteUri + "|" + options.Server + "|" + (options.ApiKey is null ? "anonymous" : "key");
        }

        /// <summary>The connection's models, from the cache while fresh.</summary>
        public static async Task<IReadOnlyList<VideoModel>> GetAsync(VideosClient client, bool refresh = false, CancellationToken cancellationToken = default)
        {
            if (client is null)
            {
                throw new ArgumentNullException(nameof(client));
            }

            if (!client.Profile.PublishesModels)
            {
                return client.Profile.DocumentedModels;
            }

            var key = KeyOf(client.Options);
            if (!refresh && Cache.TryGetValue(key, out var entry) && DateTimeOffset.UtcNow - entry.Fetched < Lifetime)
            {
                return entry.Models;
            }

            var models = await client.ListModelsAsync(cancellationToken).ConfigureAwait(false);
            Cache[key] = new Entry(models, DateTimeOffset.UtcNow);
            return models;
        }

        /// <summary>
        /// What is known without asking the server: the cached catalogue (fresh or not), else the documented models, else
        /// null (the server publishes a catalogue not fetched yet). For completion, which must not wait on a network.
        /// </summary>
        public static IReadOnlyList<VideoModel>? Peek(VideoClientOptions options)
        {
            if (options is null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            if (!options.Profile.PublishesModels)
            {
                return options.Profile.DocumentedModels;
            }

            return Cache.TryGetValue(KeyOf(options), out var entry) ? entry.Models : null;
        }

        /// <summary>The model named <paramref name="id"/> (case-insensitive), or null.</summary>
        public static VideoModel? Find(IReadOnlyList<VideoModel> models, string? id)
        {
            if (models is null || id is null)
            {
                return null;
            }

            foreach (var model in models)
            {
                if (string.Equals(model.Id, id.Trim(), StringComparison.OrdinalIgnoreCase))
                {
                    return model;
                }
            }

            return null;
        }

        /// <summary>Forgets every connection's catalogue (on Connect/Disconnect).</summary>
        public static void ClearAll() => Cache.Clear();

        private sealed class Entry
        {
            public Entry(IReadOnlyList<VideoModel> models, DateTimeOffset fetched)
            {
                Models = models;
                Fetched = fetched;
            }

            public IReadOnlyList<VideoModel> Models { get; }

            public DateTimeOffset Fetched { get; }
        }
    }
}
