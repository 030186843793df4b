using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OpenAIVideos.Client.Batch;
using OpenAIVideos.Emulator;
using OpenAIVideos.Emulator.Faults;

namespace OpenAIVideos.Client.Tests.Integration
{
    /// <summary>
    /// Batch runs against the emulator: one video per item whatever is lost or refused, reruns that send nothing they
    /// need not, and a 429 that holds the whole run back.
    /// </summary>
    public sealed class BatchRunnerTests : EmulatorTestBase, IDisposable
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("oav-batch-").FullName;

        // When the runner closed its shared gate (client clock, as the emulator's log): the anchor of the 429 test.
        private DateTimeOffset? _backoffStartedAt;

        private string JournalPath => Path.Combine(_folder, "run.jsonl");

        private string OutputFolder => Path.Combine(_folder, "out");

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        protected override EmulatorOptions EmulatorOptions() => new EmulatorOptions { ApiKey = Key, JobDuration = TimeSpan.FromMilliseconds(300) };

        private static IReadOnlyList<BatchItem> Items(params string[] prompts) => BatchItems.WithUniqueKeys(prompts.Select((prompt, i) =>
        {
            var request = new VideoCreateRequest { Prompt = prompt };
            return new BatchItem(i + 1, request, null, BatchItemKey.For(request, null));
        }));

        private static IReadOnlyList<BatchItem> Numbered(int count, string prefix = "item") =>
            Items(Enumerable.Range(1, count).Select(i => $"{prefix} {i:00}: a paper boat").ToArray());

        private BatchRunOptions RunOptions(bool? replay = null, bool retryFailed = false, int throttle = 4) => new BatchRunOptions
        {
            OutputFolder = OutputFolder,
            ThrottleLimit = throttle,
            RetryFailed = retryFailed,
            ReplayIdempotencyKey = replay,
            Wait = new VideoWaitOptions { PollInterval = TimeSpan.FromMilliseconds(100) },
            CreateResendDelay = TimeSpan.FromMilliseconds(50),
        };

        private async Task<IReadOnlyList<VideoBatchResult>> RunAsync(IReadOnlyList<BatchItem> items, BatchRunOptions options, CancellationToken token = default)
        {
            using var journal = BatchJournal.Open(JournalPath);
            var steps = items.Select(item => BatchPlanner.Plan(item, journal.Find(item.Key), options.Variants, options.RetryFailed, BatchPlanner.FileLengthOnDisk)).ToList();
            using var runner = new BatchRunner(Options(), line =>
            {
                lock (Log)
                {
                    Log.Add(line);
                    if (_backoffStartedAt is null && line.Contains("every request of this run waits", StringComparison.Ordinal))
                    {
                        _backoffStartedAt = DateTimeOffset.UtcNow;
                    }
                }
            });
            return await runner.RunAsync(steps, journal, options, (_, _) => Task.CompletedTask, cancellationToken: token);
        }

        private async Task<Dictionary<string, int>> VideosPerPromptAsync()
        {
            using var client = Client();
            var counts = new Dictionary<string, int>();
            await foreach (var video in client.ListAsync(new VideoListQuery { PageSize = 100 }))
            {
                counts[video.Prompt!] = counts.TryGetValue(video.Prompt!, out var n) ? n + 1 : 1;
            }

            return counts;
        }

        private async Task AssertOneVideoAndOneWholeFileEachAsync(IReadOnlyList<BatchItem> items)
        {
            var perPrompt = await VideosPerPromptAsync();
            Assert.All(items, item => Assert.Equal(1, perPrompt.TryGetValue(item.Request.Prompt, out var n) ? n : 0));
            var files = Directory.GetFiles(OutputFolder);
            Assert.Equal(items.Count, files.Length);
            using var raw = Emulator.CreateHttpClient();
            var whole = (await raw.GetByteArrayAsync($"videos/{Path.GetFileNameWithoutExtension(files[0])}/content")).Length;
            Assert.All(files, file => Assert.Equal(whole, new FileInfo(file).Length));
            var journal = BatchJournal.Read(JournalPath);
            Assert.All(items, item => Assert.True(journal[item.Key].Done, $"{item.Key} is not done in the journal"));
        }

        [Fact]
        public async Task A_run_makes_one_video_and_file_per_item_and_a_rerun_sends_no_create()
        {
            var items = Numbered(6);
            var results = await RunAsync(items, RunOptions());

            Assert.All(results, result => Assert.Equal((VideoBatchItemStatus.Completed, VideoBatchAction.Create, 1), (result.Status, result.Action, result.CreatesSent)));
            await AssertOneVideoAndOneWholeFileEachAsync(items);

            var creates = Emulator.Statistics.RequestsFor("create");
            var rerun = await RunAsync(items, RunOptions());
            Assert.All(rerun, result => Assert.Equal((VideoBatchItemStatus.Completed, VideoBatchAction.Skip), (result.Status, result.Action)));
            Assert.Equal(creates, Emulator.Statistics.RequestsFor("create"));
            Assert.Equal(6 * 4, BatchSummary.Of(rerun, TimeSpan.Zero, null).SecondsOfVideo);
        }

        [Fact]
        public async Task A_run_killed_before_recording_done_is_recorded_done_by_the_rerun_without_downloading()
        {
            var items = Numbered(2);
            await RunAsync(items, RunOptions());
            File.WriteAllLines(JournalPath, File.ReadAllLines(JournalPath).Where(line => !line.Contains("\"type\":\"done\"", StringComparison.Ordinal)));

            var content = Emulator.Statistics.RequestsFor("content");
            var rerun = await RunAsync(items, RunOptions());
            Assert.All(rerun, result => Assert.Equal((VideoBatchAction.Resume, VideoBatchItemStatus.Completed, 0), (result.Action, result.Status, result.CreatesSent)));
            Assert.Equal(content, Emulator.Statistics.RequestsFor("content"));
            await AssertOneVideoAndOneWholeFileEachAsync(items);
        }

        [Fact]
        public async Task A_deleted_file_is_downloaded_again_without_a_create()
        {
            var items = Numbered(2);
            await RunAsync(items, RunOptions());
            var file = Directory.GetFiles(OutputFolder)[0];
            File.WriteAllBytes(file, new byte[] { 1, 2, 3 }); // broken

            var creates = Emulator.Statistics.RequestsFor("create");
            var rerun = await RunAsync(items, RunOptions());
            Assert.Equal(new[] { VideoBatchAction.Resume, VideoBatchAction.Skip }, rerun.OrderBy(r => r.Action).Select(r => r.Action));
            Assert.Equal(creates, Emulator.Statistics.RequestsFor("create"));
            await AssertOneVideoAndOneWholeFileEachAsync(items);
        }

        [Theory]
        [InlineData(true)]   // the same Idempotency-Key is sent again and the server answers the first job
        [InlineData(false)]  // the key is not trusted: recent videos are listed and the lost one found by prompt
        public async Task Lost_create_answers_are_recovered_without_a_second_video(bool replay)
        {
            var items = Numbered(5);
            Emulator.Faults.Add(new FaultRule { Kind = FaultKind.TruncateBody, Operation = "create", BodyBytes = 10, Count = 2 });

            var results = await RunAsync(items, RunOptions(replay));

            Assert.All(results, result => Assert.Equal(VideoBatchItemStatus.Completed, result.Status));
            await AssertOneVideoAndOneWholeFileEachAsync(items);
            Assert.Equal(5, Emulator.Statistics.VideosCreated);
            Assert.Equal(replay ? 2 : 0, Emulator.Statistics.IdempotentReplays);
            Assert.Equal(replay ? 7 : 5, results.Sum(result => result.CreatesSent));
        }

        [Fact]
        public async Task Identical_rows_whose_answers_were_both_lost_claim_different_videos_by_listing()
        {
            var items = Items("the same harbour at dusk", "the same harbour at dusk", "the same harbour at dusk");
            Emulator.Faults.Add(new FaultRule { Kind = FaultKind.TruncateBody, Operation = "create", BodyBytes = 10, Count = 3 });

            var results = await RunAsync(items, RunOptions(replay: false));

            Assert.All(results, result => Assert.Equal(VideoBatchItemStatus.Completed, result.Status));
            Assert.Equal(3, results.Select(result => result.VideoId).Distinct().Count());
            Assert.Equal(3, Emulator.Statistics.VideosCreated);
            Assert.Equal(3, (await VideosPerPromptAsync())["the same harbour at dusk"]);
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public async Task After_a_kill_between_send_and_answer_the_rerun_finds_the_video_instead_of_creating(bool replay)
        {
            var items = Numbered(3);
            // What a kill leaves: the create journalled and received by the server, its answer never journalled.
            using (var client = Client())
            using (var journal = BatchJournal.Open(JournalPath))
            {
                var request = items[1].Request;
                request.IdempotencyKey = "ovid_killed";
                journal.Append(new BatchJournalRecord { Type = BatchJournalRecordType.Create, Key = items[1].Key, At = DateTimeOffset.UtcNow, IdempotencyKey = "ovid_killed", Prompt = request.Prompt }, durable: true);
                await client.CreateAsync(request);
                request.IdempotencyKey = null;
            }

            var results = await RunAsync(items, RunOptions(replay));

            Assert.Equal(VideoBatchAction.Recover, results.Single(r => r.Key == items[1].Key).Action);
            await AssertOneVideoAndOneWholeFileEachAsync(items);
            Assert.Equal(3, Emulator.Statistics.VideosCreated);
        }

        [Fact]
        public async Task A_429_holds_every_request_of_the_run_for_its_Retry_After()
        {
            var items = Numbered(4);
            Emulator.Faults.Add(new FaultRule { Kind = FaultKind.ErrorStatus, Operation = "create", Status = 429, RetryAfter = "1" });

            var results = await RunAsync(items, RunOptions());

            Assert.All(results, result => Assert.Equal(VideoBatchItemStatus.Completed, result.Status));
            var api = Emulator.RequestLog.Entries.Where(entry => entry.PathAndQuery.StartsWith("/v1/", StringComparison.Ordinal)).OrderBy(entry => entry.Timestamp).ToList();
            // Anchored where the client closed its gate, not where the 429'd create arrived: on a loaded machine the 429
            // can take a while to reach the client, and requests sent before then are not the gate's to hold. Those
            // still in flight get 250 ms to arrive; without the gate the other items' polls (every 100 ms) would land
            // in the rest of the second.
            var closed = _backoffStartedAt ?? throw new InvalidOperationException("The runner never closed its shared gate.");
            var held = api.Where(entry => entry.Timestamp > closed.AddMilliseconds(250) && entry.Timestamp < closed.AddMilliseconds(900)).ToList();
            Assert.Empty(held);
            Assert.Contains(Log, line => line.Contains("every request of this run waits 1 s", StringComparison.Ordinal));
            await AssertOneVideoAndOneWholeFileEachAsync(items);
        }

        [Fact]
        public async Task A_refused_row_fails_alone_and_is_not_sent_again_on_the_rerun()
        {
            var good = Numbered(2);
            var bad = new VideoCreateRequest { Prompt = "a boat in an odd size", Size = "999x999" };
            var items = good.Append(new BatchItem(3, bad, null, BatchItemKey.For(bad, null))).ToList();

            var results = await RunAsync(items, RunOptions());

            var refused = results.Single(result => result.Index == 3);
            Assert.Equal((VideoBatchItemStatus.Failed, VideoErrorIds.InvalidRequest), (refused.Status, refused.ErrorId));
            Assert.Equal(2, results.Count(result => result.Status == VideoBatchItemStatus.Completed));
            var creates = Emulator.Statistics.RequestsFor("create");

            var rerun = await RunAsync(items, RunOptions());
            Assert.Equal(VideoBatchAction.ReportFailure, rerun.Single(result => result.Index == 3).Action);
            Assert.Equal(creates, Emulator.Statistics.RequestsFor("create"));
            Assert.Equal(new Dictionary<string, int> { [VideoErrorIds.InvalidRequest] = 1 }, BatchSummary.Of(rerun, TimeSpan.Zero, null).FailuresByErrorId);
        }

        [Fact]
        public async Task A_wrong_key_fails_each_item_at_once_and_leaves_the_create_open_for_the_rerun()
        {
            var items = Numbered(2);
            using (var journal = BatchJournal.Open(JournalPath))
            {
                var options = RunOptions();
                var steps = items.Select(item => BatchPlanner.Plan(item, null, options.Variants, false, BatchPlanner.FileLengthOnDisk)).ToList();
                var wrong = Options();
                wrong.ApiKey = ApiKeySecret.FromPlainText("sk-wrong");
                using var runner = new BatchRunner(wrong);
                var results = await runner.RunAsync(steps, journal, options, (_, _) => Task.CompletedTask);
                Assert.All(results, result => Assert.Equal((VideoErrorIds.AuthenticationFailed, 1), (result.ErrorId, result.CreatesSent)));
            }

            var rerun = await RunAsync(items, RunOptions());
            Assert.All(rerun, result => Assert.Equal((VideoBatchAction.Recover, VideoBatchItemStatus.Completed), (result.Action, result.Status)));
            await AssertOneVideoAndOneWholeFileEachAsync(items);
        }

        [Fact]
        public async Task A_failed_job_is_created_again_only_with_RetryFailed()
        {
            var items = Items("a storm [emulator:fail]", "a calm sea");
            var first = await RunAsync(items, RunOptions());
            Assert.Equal(VideoErrorIds.VideoFailed, first.Single(r => r.Index == 1).ErrorId);

            var again = await RunAsync(items, RunOptions());
            Assert.Equal(VideoBatchAction.ReportFailure, again.Single(r => r.Index == 1).Action);
            Assert.Equal(2, Emulator.Statistics.VideosCreated);

            var retried = await RunAsync(items, RunOptions(retryFailed: true));
            Assert.Equal((VideoBatchAction.Create, 1), (retried.Single(r => r.Index == 1).Action, retried.Single(r => r.Index == 1).CreatesSent));
            Assert.Equal(VideoBatchAction.Skip, retried.Single(r => r.Index == 2).Action);
            Assert.Equal(3, Emulator.Statistics.VideosCreated);
        }

        [Fact]
        public async Task Stopping_mid_run_leaves_a_journal_the_rerun_finishes_from_with_one_video_each()
        {
            var items = Numbered(8);
            using var stop = new CancellationTokenSource();
            var options = RunOptions(throttle: 2);
            using (var journal = BatchJournal.Open(JournalPath))
            {
                var steps = items.Select(item => BatchPlanner.Plan(item, null, options.Variants, false, BatchPlanner.FileLengthOnDisk)).ToList();
                using var runner = new BatchRunner(Options());
                var finished = 0;
                await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runner.RunAsync(steps, journal, options, (_, _) =>
                {
                    if (Interlocked.Increment(ref finished) == 3)
                    {
                        stop.Cancel();
                    }

                    return Task.CompletedTask;
                }, cancellationToken: stop.Token));
            }

            Assert.Equal(0, BatchJournalSkipped());
            var rerun = await RunAsync(items, RunOptions());
            Assert.All(rerun, result => Assert.Equal(VideoBatchItemStatus.Completed, result.Status));
            Assert.True(rerun.Count(result => result.Action == VideoBatchAction.Skip) >= 3);
            await AssertOneVideoAndOneWholeFileEachAsync(items);
        }

        private int BatchJournalSkipped()
        {
            using var journal = BatchJournal.Open(JournalPath);
            return journal.SkippedLines;
        }
    }
}
