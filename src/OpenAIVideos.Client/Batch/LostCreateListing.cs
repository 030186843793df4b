using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAIVideos.Client.Batch
{
    /// <summary>
    /// Finds the video of a create whose answer was lost on a server that does not honour <c>Idempotency-Key</c>: lists
    /// the newest videos (newest first) back to a few minutes before the create was journalled, and takes the one with
    /// the same prompt, created closest to that time, that no other journal entry has claimed.
    /// </summary>
    /// <remarks>
    /// Searches are serialised, so two items with the same prompt whose answers were both lost claim different videos;
    /// and the runner lets only one create per prompt be unanswered at a time, so a search never claims a video whose
    /// own create answer is still on its way.
    /// What this cannot make safe: a server whose list lags behind its creates (the video is not listed yet, so a new
    /// one is created), and other clients creating videos with the same prompt on the same account in the window.
    /// </remarks>
    internal sealed class LostCreateListing
    {
        /// <summary>How far the server's clock may be behind ours, and how early before the journalled time to look.</summary>
        internal static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

        private readonly VideosClient _client;
        private readonly BatchJournal _journal;
        private readonly SemaphoreSlim _oneAtATime = new SemaphoreSlim(1, 1);

        public LostCreateListing(VideosClient client, BatchJournal journal)
        {
            _client = client;
            _journal = journal;
        }

        /// <summary>The lost create's video, claimed in the journal, or null when none is listed.</summary>
        public async Task<Video?> FindAsync(BatchItem item, CancellationToken cancellationToken)
        {
            await _oneAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var history = _journal.Find(item.Key);
                var sentAt = history?.CreateSentAt ?? DateTimeOffset.UtcNow;
                var prompt = (history?.Prompt ?? item.Request.Prompt).Trim();
                var claimed = ClaimedVideoIds();
                Video? match = null;
                await foreach (var video in _client.ListAsync(new VideoListQuery { PageSize = 100, Order = "desc" }, cancellationToken).ConfigureAwait(false))
                {
                    if (video.CreatedAt < sentAt - ClockSkew)
                    {
                        break; // newest first: everything after this is older still
                    }

                    if (string.Equals(video.Prompt?.Trim(), prompt, StringComparison.Ordinal) && !claimed.Contains(video.Id)
                        && (match is null || Distance(video, sentAt) <= Distance(match, sentAt)))
                    {
                        match = video; // <= : of equally close ones, the older (listed later) is the one our create made
                    }
                }

                if (match is not null)
                {
                    _journal.Append(new BatchJournalRecord
                    {
                        Type = BatchJournalRecordType.Created,
                        Key = item.Key,
                        At = DateTimeOffset.UtcNow,
                        VideoId = match.Id,
                        Via = "list",
                    }, durable: true);
                }

                return match;
            }
            finally
            {
                _oneAtATime.Release();
            }
        }

        private static TimeSpan Distance(Video video, DateTimeOffset sentAt) => (video.CreatedAt - sentAt).Duration();

        private HashSet<string> ClaimedVideoIds()
        {
            var claimed = new HashSet<string>(StringComparer.Ordinal);
            foreach (var history in _journal.Histories)
            {
                if (history.VideoId is not null)
                {
                    claimed.Add(history.VideoId);
                }

                foreach (var earlier in history.EarlierVideoIds)
                {
                    claimed.Add(earlier);
                }
            }

            return claimed;
        }
    }
}
