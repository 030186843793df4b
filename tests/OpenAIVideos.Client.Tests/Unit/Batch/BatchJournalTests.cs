using System;
using System.IO;
using System.Linq;
using System.Text;
using OpenAIVideos.Client.Batch;

namespace OpenAIVideos.Client.Tests.Unit.Batch
{
    /// <summary>The journal: whole lines, folded per item, and a torn last line after a hard kill is survived.</summary>
    public sealed class BatchJournalTests : IDisposable
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("oav-journal-").FullName;

        private string JournalPath => Path.Combine(_folder, "run.jsonl");

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        private static BatchJournalRecord Record(string type, string key, string? video = null, string? idempotency = null) => new BatchJournalRecord
        {
            Type = type,
            Key = key,
            At = new DateTimeOffset(2026, 12, 1, 19, 0, 0, TimeSpan.Zero),
            VideoId = video,
            IdempotencyKey = idempotency,
            Prompt = idempotency is null ? null : "a fox",
        };

        [Fact]
        public void Records_survive_a_reopen_and_fold_into_each_items_history()
        {
            using (var journal = BatchJournal.Open(JournalPath))
            {
                journal.Append(Record(BatchJournalRecordType.Create, "a", idempotency: "ovid_1"), durable: true);
                journal.Append(Record(BatchJournalRecordType.Created, "a", "video_a"), durable: true);
                journal.Append(Record(BatchJournalRecordType.Finished, "a", "video_a").With(r => { r.Status = "completed"; r.Seconds = "8"; }), durable: false);
                journal.Append(Record(BatchJournalRecordType.File, "a", "video_a").With(r => { r.Variant = "video"; r.Path = "/x/a.mp4"; r.Bytes = 42; }), durable: false);
                journal.Append(Record(BatchJournalRecordType.Done, "a", "video_a"), durable: false);
                journal.Append(Record(BatchJournalRecordType.Create, "b", idempotency: "ovid_2"), durable: true);
            }

            Assert.All(File.ReadAllLines(JournalPath), line => Assert.StartsWith("{\"v\":1,\"type\":", line));
            using var reopened = BatchJournal.Open(JournalPath);
            var a = reopened.Find("a")!;
            Assert.Equal(("video_a", "completed", "8", true, false), (a.VideoId, a.FinishedStatus, a.Seconds, a.Done, a.CreateAnswerLost));
            Assert.Equal(42, a.Files["video"].Bytes);
            var b = reopened.Find("b")!;
            Assert.True(b.CreateAnswerLost);
            Assert.Equal("ovid_2", b.IdempotencyKey);
            Assert.Equal("a fox", b.Prompt);
            Assert.Null(reopened.Find("c"));
            Assert.Equal(0, reopened.SkippedLines);
        }

        [Fact]
        public void A_torn_last_line_is_skipped_and_the_next_record_starts_on_its_own_line()
        {
            using (var journal = BatchJournal.Open(JournalPath))
            {
                journal.Append(Record(BatchJournalRecordType.Create, "a", idempotency: "ovid_1"), durable: true);
            }

            // What a kill in the middle of a write leaves: half a line, no newline.
            var torn = Record(BatchJournalRecordType.Created, "a", "video_a").ToJsonLine();
            using (var file = new FileStream(JournalPath, FileMode.Append))
            {
                file.Write(torn, 0, torn.Length / 2);
            }

            using (var journal = BatchJournal.Open(JournalPath))
            {
                Assert.Equal(1, journal.SkippedLines);
                Assert.True(journal.Find("a")!.CreateAnswerLost); // the torn 'created' never counted
                journal.Append(Record(BatchJournalRecordType.Created, "a", "video_a"), durable: true);
            }

            Assert.Equal(3, File.ReadAllLines(JournalPath).Length);
            using var again = BatchJournal.Open(JournalPath);
            Assert.Equal(1, again.SkippedLines);
            Assert.Equal("video_a", again.Find("a")!.VideoId);
        }

        [Fact]
        public void A_new_idempotency_key_starts_a_new_attempt_and_the_same_key_again_does_not()
        {
            using var journal = BatchJournal.Open(JournalPath);
            journal.Append(Record(BatchJournalRecordType.Create, "a", idempotency: "ovid_1"), durable: true);
            journal.Append(Record(BatchJournalRecordType.Created, "a", "video_1"), durable: true);
            journal.Append(Record(BatchJournalRecordType.Finished, "a", "video_1").With(r => { r.Status = "failed"; r.ErrorId = "VideoFailed"; }), durable: false);
            Assert.True(journal.Find("a")!.HasFailed);

            var retried = journal.Append(Record(BatchJournalRecordType.Create, "a", idempotency: "ovid_2"), durable: true);
            Assert.Equal((2, false, true), (retried.Attempts, retried.HasFailed, retried.CreateAnswerLost));
            Assert.Equal(new[] { "video_1" }, retried.EarlierVideoIds);

            var resent = journal.Append(Record(BatchJournalRecordType.Create, "a", idempotency: "ovid_2"), durable: true);
            Assert.Equal(2, resent.Attempts);
        }

        [Fact]
        public void A_refused_create_is_a_failure_with_no_video()
        {
            using var journal = BatchJournal.Open(JournalPath);
            journal.Append(Record(BatchJournalRecordType.Create, "a", idempotency: "ovid_1"), durable: true);
            var history = journal.Append(Record(BatchJournalRecordType.Rejected, "a").With(r => { r.ErrorId = "InvalidRequest"; r.Message = "bad size"; }), durable: true);
            Assert.Equal((true, false, "InvalidRequest"), (history.HasFailed, history.CreateAnswerLost, history.ErrorId));
        }

        [Fact]
        public void Lines_of_another_format_or_version_are_skipped_not_misread()
        {
            File.WriteAllText(JournalPath, "not json\n{\"v\":2,\"type\":\"create\",\"key\":\"a\",\"at\":\"2026-12-01T00:00:00Z\"}\n{\"v\":1}\n", Encoding.UTF8);
            using var journal = BatchJournal.Open(JournalPath);
            Assert.Equal(3, journal.SkippedLines);
            Assert.Empty(journal.Histories);
        }

        [Fact]
        public void A_second_run_cannot_open_a_journal_in_use()
        {
            using var first = BatchJournal.Open(JournalPath);
            var error = Assert.Throws<VideoApiException>(() => BatchJournal.Open(JournalPath));
            Assert.Equal(BatchErrorIds.JournalUnavailable, error.ErrorId);
            Assert.Equal(BatchErrorIds.JournalUnavailable, Assert.Throws<VideoApiException>(() => BatchJournal.Read(JournalPath)).ErrorId);
        }

        [Fact]
        public void Read_of_a_missing_journal_is_empty_and_creates_nothing()
        {
            Assert.Empty(BatchJournal.Read(JournalPath));
            Assert.False(File.Exists(JournalPath));
        }
    }

    internal static class RecordExtensions
    {
        public static BatchJournalRecord With(this BatchJournalRecord record, Action<BatchJournalRecord> change)
        {
            change(record);
            return record;
        }
    }
}
