using System;
using System.Collections.Generic;
using System.IO;
using OpenAIVideos.Client.Batch;

namespace OpenAIVideos.Client.Tests.Unit.Batch
{
    /// <summary>What a rerun does for each item, from the journal alone (the file system is a dictionary here).</summary>
    public sealed class BatchPlannerTests : IDisposable
    {
        private static readonly VideoContentVariant[] VideoOnly = { VideoContentVariant.Video };
        private readonly string _folder = Directory.CreateTempSubdirectory("oav-plan-").FullName;
        private readonly Dictionary<string, long> _disk = new Dictionary<string, long>();
        private readonly BatchJournal _journal;

        public BatchPlannerTests() => _journal = BatchJournal.Open(Path.Combine(_folder, "run.jsonl"));

        public void Dispose()
        {
            _journal.Dispose();
            Directory.Delete(_folder, recursive: true);
        }

        private static BatchItem Item(string key = "a") => new BatchItem(1, new VideoCreateRequest { Prompt = "a fox" }, null, key);

        private BatchPlanStep Plan(bool retryFailed = false, IReadOnlyList<VideoContentVariant>? variants = null) =>
            BatchPlanner.Plan(Item(), _journal.Find("a"), variants ?? VideoOnly, retryFailed, path => _disk.TryGetValue(path, out var length) ? length : null);

        private void Write(string type, Action<BatchJournalRecord>? fill = null)
        {
            var record = new BatchJournalRecord { Type = type, Key = "a", At = DateTimeOffset.UtcNow, VideoId = type == BatchJournalRecordType.Create ? null : "video_a" };
            if (type == BatchJournalRecordType.Create)
            {
                record.IdempotencyKey = "ovid_1";
            }

            fill?.Invoke(record);
            _journal.Append(record, durable: false);
        }

        private void Completed(params (string Variant, string Path, long Bytes)[] files)
        {
            Write(BatchJournalRecordType.Create);
            Write(BatchJournalRecordType.Created);
            Write(BatchJournalRecordType.Finished, r => r.Status = "completed");
            foreach (var (variant, path, bytes) in files)
            {
                Write(BatchJournalRecordType.File, r => { r.Variant = variant; r.Path = path; r.Bytes = bytes; });
            }

            Write(BatchJournalRecordType.Done);
        }

        [Fact]
        public void A_run_is_refused_up_front_when_the_server_cannot_serve_a_variant_asked_for()
        {
            var options = new BatchRunOptions { Variants = new[] { VideoContentVariant.Video, VideoContentVariant.Thumbnail } };
            var error = Assert.Throws<VideoApiException>(() => BatchRunner.EnsureRunnable(ServerProfile.For(ServerKind.VllmOmni), options));
            Assert.Equal(VideoErrorIds.OperationNotSupported, error.ErrorId);
            BatchRunner.EnsureRunnable(ServerProfile.For(ServerKind.OpenAI), options);
            BatchRunner.EnsureRunnable(ServerProfile.For(ServerKind.VllmOmni), new BatchRunOptions());
        }

        [Fact]
        public void An_item_the_journal_does_not_know_is_created() =>
            Assert.Equal(VideoBatchAction.Create, Plan().Action);

        [Fact]
        public void A_create_without_a_recorded_answer_is_recovered_not_created()
        {
            Write(BatchJournalRecordType.Create);
            var step = Plan();
            Assert.Equal(VideoBatchAction.Recover, step.Action);
            Assert.Equal("ovid_1", step.History!.IdempotencyKey);
        }

        [Fact]
        public void A_video_not_yet_finished_is_resumed_with_every_file_to_download()
        {
            Write(BatchJournalRecordType.Create);
            Write(BatchJournalRecordType.Created);
            var step = Plan();
            Assert.Equal((VideoBatchAction.Resume, "video_a"), (step.Action, step.VideoId));
            Assert.Equal(VideoOnly, step.MissingVariants);
        }

        [Fact]
        public void A_completed_item_whose_files_are_whole_is_skipped()
        {
            Completed(("video", "/o/a.mp4", 100));
            _disk["/o/a.mp4"] = 100;
            var step = Plan();
            Assert.Equal(VideoBatchAction.Skip, step.Action);
            Assert.Equal(new[] { "/o/a.mp4" }, step.VerifiedFiles);
            Assert.False(step.MayCreate);
        }

        [Fact]
        public void A_run_killed_after_its_last_file_but_before_done_is_resumed_with_nothing_to_download()
        {
            Write(BatchJournalRecordType.Create);
            Write(BatchJournalRecordType.Created);
            Write(BatchJournalRecordType.Finished, r => r.Status = "completed");
            Write(BatchJournalRecordType.File, r => { r.Variant = "video"; r.Path = "/o/a.mp4"; r.Bytes = 100; });
            _disk["/o/a.mp4"] = 100;
            var step = Plan();
            Assert.Equal(VideoBatchAction.Resume, step.Action);
            Assert.Empty(step.MissingVariants);
            Assert.Equal(new[] { "/o/a.mp4" }, step.VerifiedFiles);
        }

        [Theory]
        [InlineData(false, 0)]  // the file is gone
        [InlineData(true, 99)]  // the file is not whole
        public void A_completed_item_whose_file_is_missing_or_broken_is_downloaded_again(bool exists, long length)
        {
            Completed(("video", "/o/a.mp4", 100));
            if (exists)
            {
                _disk["/o/a.mp4"] = length;
            }

            var step = Plan();
            Assert.Equal(VideoBatchAction.Resume, step.Action);
            Assert.Equal(VideoOnly, step.MissingVariants);
            Assert.False(step.MayCreate);
        }

        [Fact]
        public void A_variant_added_on_the_rerun_is_downloaded_and_the_verified_file_kept()
        {
            Completed(("video", "/o/a.mp4", 100));
            _disk["/o/a.mp4"] = 100;
            var step = Plan(variants: new[] { VideoContentVariant.Video, VideoContentVariant.Thumbnail });
            Assert.Equal(VideoBatchAction.Resume, step.Action);
            Assert.Equal(new[] { VideoContentVariant.Thumbnail }, step.MissingVariants);
            Assert.Equal(new[] { "/o/a.mp4" }, step.VerifiedFiles);
        }

        [Theory]
        [InlineData(false, VideoBatchAction.ReportFailure)]
        [InlineData(true, VideoBatchAction.Create)]
        public void A_failed_job_is_created_again_only_with_RetryFailed(bool retryFailed, VideoBatchAction expected)
        {
            Write(BatchJournalRecordType.Create);
            Write(BatchJournalRecordType.Created);
            Write(BatchJournalRecordType.Finished, r => { r.Status = "failed"; r.ErrorId = "VideoFailed"; });
            var step = Plan(retryFailed);
            Assert.Equal(expected, step.Action);
            Assert.Equal(retryFailed, step.MayCreate);
            Assert.Equal(retryFailed ? null : "video_a", step.VideoId); // a new create must not carry the failed video
        }

        [Theory]
        [InlineData(false, VideoBatchAction.ReportFailure)]
        [InlineData(true, VideoBatchAction.Create)]
        public void A_refused_create_is_sent_again_only_with_RetryFailed(bool retryFailed, VideoBatchAction expected)
        {
            Write(BatchJournalRecordType.Create);
            Write(BatchJournalRecordType.Rejected, r => { r.VideoId = null; r.ErrorId = "InvalidRequest"; });
            Assert.Equal(expected, Plan(retryFailed).Action);
        }
    }
}
