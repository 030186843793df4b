using System;
using System.Collections.Generic;

namespace OpenAIVideos.Client.Batch
{
    /// <summary>
    /// What the journal says about one item, folded from its lines in order: its current create attempt, the video that
    /// attempt made, how the job ended and which files were saved.
    /// </summary>
    public sealed class BatchItemHistory
    {
        private readonly List<string> _earlierVideoIds = new List<string>();
        private readonly Dictionary<string, BatchJournalRecord> _files = new Dictionary<string, BatchJournalRecord>(StringComparer.OrdinalIgnoreCase);

        internal BatchItemHistory(string key) => Key = key;

        /// <summary>The item's key.</summary>
        public string Key { get; }

        /// <summary>Distinct create attempts (distinct idempotency keys) ever journalled.</summary>
        public int Attempts { get; private set; }

        /// <summary>The current attempt's idempotency key, when a create was journalled.</summary>
        public string? IdempotencyKey { get; private set; }

        /// <summary>When the current attempt's create was first journalled (the start of the window a listing searches).</summary>
        public DateTimeOffset? CreateSentAt { get; private set; }

        /// <summary>The prompt the current attempt sent.</summary>
        public string? Prompt { get; private set; }

        /// <summary>The current attempt's video, once known.</summary>
        public string? VideoId { get; private set; }

        /// <summary>Videos of earlier attempts (a -RetryFailed run's predecessors): claimed, never matched again.</summary>
        public IReadOnlyList<string> EarlierVideoIds => _earlierVideoIds;

        /// <summary>The job's terminal status, once seen.</summary>
        public string? FinishedStatus { get; private set; }

        /// <summary>The finished video's duration, as the API's string.</summary>
        public string? Seconds { get; private set; }

        /// <summary>The current attempt was refused by the server: no video exists for it.</summary>
        public bool Rejected { get; private set; }

        /// <summary>The error of a rejection or of a failed job.</summary>
        public string? ErrorId { get; private set; }

        /// <summary>The message of that error.</summary>
        public string? ErrorMessage { get; private set; }

        /// <summary>Every file of the current video was saved.</summary>
        public bool Done { get; private set; }

        /// <summary>The saved files of the current video, by variant name.</summary>
        public IReadOnlyDictionary<string, BatchJournalRecord> Files => _files;

        /// <summary>A create was journalled but neither its video nor a refusal: its answer was lost (or it was never sent).</summary>
        public bool CreateAnswerLost => IdempotencyKey is not null && VideoId is null && !Rejected;

        /// <summary>The current attempt ended badly: refused, or a job that failed, was cancelled or expired.</summary>
        public bool HasFailed => Rejected || (FinishedStatus is not null && !string.Equals(FinishedStatus, VideoStatus.Completed, StringComparison.OrdinalIgnoreCase));

        /// <summary>Applies the next journal line about this item.</summary>
        internal void Apply(BatchJournalRecord record)
        {
            switch (record.Type)
            {
                case BatchJournalRecordType.Create:
                    if (!string.Equals(record.IdempotencyKey, IdempotencyKey, StringComparison.Ordinal))
                    {
                        StartAttempt(record);
                    }

                    break;
                case BatchJournalRecordType.Created:
                    VideoId = record.VideoId;
                    break;
                case BatchJournalRecordType.Rejected:
                    Rejected = true;
                    ErrorId = record.ErrorId;
                    ErrorMessage = record.Message;
                    break;
                case BatchJournalRecordType.Finished when record.VideoId == VideoId:
                    FinishedStatus = record.Status;
                    Seconds = record.Seconds;
                    ErrorId = record.ErrorId;
                    ErrorMessage = record.Message;
                    break;
                case BatchJournalRecordType.File when record.VideoId == VideoId && record.Variant is not null:
                    _files[record.Variant] = record;
                    break;
                case BatchJournalRecordType.Done when record.VideoId == VideoId:
                    Done = true;
                    break;
            }
        }

        private void StartAttempt(BatchJournalRecord record)
        {
            if (VideoId is not null)
            {
                _earlierVideoIds.Add(VideoId);
            }

            Attempts++;
            IdempotencyKey = record.IdempotencyKey;
            CreateSentAt = record.At;
            Prompt = record.Prompt;
            VideoId = null;
            FinishedStatus = null;
            Seconds = null;
            Rejected = false;
            ErrorId = null;
            ErrorMessage = null;
            Done = false;
            _files.Clear();
        }
    }
}
