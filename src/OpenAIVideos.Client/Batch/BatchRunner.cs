using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAIVideos.Client.Batch
{
    /// <summary>
    /// Runs a planned batch: at most <see cref="BatchRunOptions.ThrottleLimit"/> jobs in flight, every billed request
    /// journalled before and after it is sent, lost create answers recovered before anything is created again, and the
    /// files of each completed video saved atomically. One shared <see cref="ServerBackoffGate"/> makes a 429 slow
    /// the whole run.
    /// </summary>
    /// <remarks>
    /// A create is sent again for the same item only when its answer is uncertain (lost, 5xx, 429, no connection), and
    /// then with the same idempotency key; on a server that does not honour keys only after listing found no video
    /// for it. A failed job's item is created again only with <see cref="BatchRunOptions.RetryFailed"/>.
    /// </remarks>
    public sealed class BatchRunner : IDisposable
    {
        private readonly VideosClient _client;
        private readonly ServerProfile _profile;
        private readonly Stopwatch _clock = new Stopwatch();
        private readonly List<VideoBatchResult> _results = new List<VideoBatchResult>();
        private int _total;
        private int _done;
        private int _failed;
        private int _inFlight;

        /// <summary>A runner over its own client: <paramref name="options"/> with a fresh shared backoff gate.</summary>
        public BatchRunner(VideoClientOptions options, Action<string>? log = null)
        {
            if (options is null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            var own = options.Clone();
            own.Backoff = Backoff;
            _profile = own.Profile;
            _client = new VideosClient(own, log);
        }

        /// <summary>The gate every request of the run waits on while the server asks to slow down.</summary>
        public ServerBackoffGate Backoff { get; } = new ServerBackoffGate();

        /// <summary>Where the run stands now.</summary>
        public BatchProgress Progress() =>
            new BatchProgress(Volatile.Read(ref _total), Volatile.Read(ref _done), Volatile.Read(ref _failed), Volatile.Read(ref _inFlight), _clock.Elapsed);

        /// <summary>
        /// Refuses, before anything is sent, a run the server cannot finish: one that creates on a server without
        /// create, or saves a variant the server does not serve (its videos would be paid for and never saved).
        /// </summary>
        /// <exception cref="VideoApiException"><see cref="VideoErrorIds.OperationNotSupported"/>.</exception>
        public static void EnsureRunnable(ServerProfile profile, BatchRunOptions options)
        {
            if (profile is null || options is null)
            {
                throw new ArgumentNullException(profile is null ? nameof(profile) : nameof(options));
            }

            profile.EnsureSupports(VideoOperation.Create);
            foreach (var variant in options.Variants)
            {
                profile.EnsureSupports(variant);
            }
        }

        /// <summary>The jobs-in-flight cap a run uses: the option, else the server profile's.</summary>
        public int ThrottleLimitFor(BatchRunOptions options) => Math.Max(1, options?.ThrottleLimit ?? _profile.MaxConcurrentJobs);

        /// <summary>
        /// Runs every step, handing each item's result to <paramref name="onResult"/> as it finishes (skips and reported
        /// failures first), and returns all results. Cancelling stops within a request's cancellation; the journal stays
        /// consistent (every line is whole) and the next run picks up where this one stopped.
        /// </summary>
        public async Task<IReadOnlyList<VideoBatchResult>> RunAsync(IReadOnlyList<BatchPlanStep> steps, BatchJournal journal, BatchRunOptions options,
            Func<VideoBatchResult, VideoApiException?, Task> onResult, IProgress<BatchProgress>? progress = null, IProgress<Video>? videoProgress = null,
            CancellationToken cancellationToken = default)
        {
            if (steps is null || journal is null || options is null || onResult is null)
            {
                throw new ArgumentNullException(steps is null ? nameof(steps) : journal is null ? nameof(journal) : options is null ? nameof(options) : nameof(onResult));
            }

            EnsureRunnable(_profile, options);
            _clock.Restart();
            _total = steps.Count;
            Directory.CreateDirectory(options.OutputFolder);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var run = new Run(this, journal, options, onResult, progress, videoProgress, stop.Token);
            var pending = new List<BatchPlanStep>();
            foreach (var step in steps)
            {
                if (step.Action is VideoBatchAction.Skip or VideoBatchAction.ReportFailure)
                {
                    var (settled, error) = Settled(step);
                    await run.FinishAsync(settled, error).ConfigureAwait(false);
                }
                else
                {
                    pending.Add(step);
                }
            }

            ExceptionDispatchInfo? fault = null;
            async Task GuardedAsync(BatchPlanStep step, SemaphoreSlim slot)
            {
                try
                {
                    await run.ItemAsync(step, slot).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    // stopping: the item stays as the journal says, for the next run
                }
                catch (Exception exception)
                {
                    // The journal cannot be written, or the consumer failed: stop every item, report the first cause.
                    Interlocked.CompareExchange(ref fault, ExceptionDispatchInfo.Capture(exception), null);
                    stop.Cancel();
                }
            }

            using var slots = new SemaphoreSlim(ThrottleLimitFor(options));
            var running = new List<Task>(pending.Count);
            try
            {
                foreach (var step in pending)
                {
                    await slots.WaitAsync(stop.Token).ConfigureAwait(false);
                    running.Add(GuardedAsync(step, slots));
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // fall through: started items end first (they observe the token), then the cause is rethrown
            }

            await Task.WhenAll(running).ConfigureAwait(false);
            _clock.Stop();
            fault?.Throw();
            cancellationToken.ThrowIfCancellationRequested();
            lock (_results)
            {
                return _results.ToArray();
            }
        }

        /// <summary>Releases the run's client.</summary>
        public void Dispose() => _client.Dispose();

        private static VideoBatchResult NewResult(BatchPlanStep step) => new VideoBatchResult
        {
            Index = step.Item.Index,
            Key = step.Item.Key,
            Name = step.Item.Name,
            Prompt = step.Item.Request.Prompt,
            Input = step.Item.Input,
            Action = step.Action,
            EstimatedCost = step.Item.EstimatedCost,
            VideoId = step.VideoId,
        };

        // Skips and repeated failures need no request: their result is what the journal says.
        private static (VideoBatchResult Result, VideoApiException? Error) Settled(BatchPlanStep step)
        {
            var result = NewResult(step);
            VideoApiException? error = null;
            var history = step.History!;
            if (step.Action == VideoBatchAction.Skip)
            {
                result.Status = VideoBatchItemStatus.Completed;
                result.Files = new List<string>(step.VerifiedFiles);
                result.Seconds = VideoSeconds.TryParse(history.Seconds, out var seconds) ? seconds : (double?)null;
            }
            else
            {
                result.Status = VideoBatchItemStatus.Failed;
                result.ErrorId = history.ErrorId ?? VideoErrorIds.VideoFailed;
                result.ErrorMessage = (history.ErrorMessage ?? "It failed in an earlier run.") + " Not created again: add -RetryFailed to create it anew (billed).";
                error = new VideoApiException(result.ErrorId, history.Rejected ? VideoErrorCategory.InvalidArgument : VideoErrorCategory.InvalidResult, result.ErrorMessage)
                {
                    VideoId = history.VideoId,
                };
            }

            return (result, error);
        }

        // Errors after which the server certainly made no video for the create: the item's own request was refused.
        private static bool IsRefusal(VideoApiException exception) =>
            exception.ErrorId is VideoErrorIds.InvalidRequest or VideoErrorIds.InvalidArgument or VideoErrorIds.Unprocessable or VideoErrorIds.PayloadTooLarge;

        // The server made no video, but not because of the item (a wrong key, no quota, a wrong URL): sending again in
        // this run would fail the same way, and the journal keeps the create open so that a rerun tries again.
        private static bool IsNotTheItems(VideoApiException exception) =>
            exception.ErrorId is VideoErrorIds.AuthenticationFailed or VideoErrorIds.PermissionDenied or VideoErrorIds.QuotaExceeded
                or VideoErrorIds.NotFound or VideoErrorIds.ApiRetired;

        /// <summary>One run's state: the journal, the options, and the sinks.</summary>
        private sealed class Run
        {
            private readonly BatchRunner _runner;
            private readonly BatchJournal _journal;
            private readonly BatchRunOptions _options;
            private readonly Func<VideoBatchResult, VideoApiException?, Task> _onResult;
            private readonly IProgress<BatchProgress>? _progress;
            private readonly IProgress<Video>? _videoProgress;
            private readonly CancellationToken _token;
            private readonly LostCreateListing _listing;
            private readonly bool _replays;
            private readonly ConcurrentDictionary<string, SemaphoreSlim> _promptTurns = new ConcurrentDictionary<string, SemaphoreSlim>(StringComparer.Ordinal);

            public Run(BatchRunner runner, BatchJournal journal, BatchRunOptions options, Func<VideoBatchResult, VideoApiException?, Task> onResult,
                IProgress<BatchProgress>? progress, IProgress<Video>? videoProgress, CancellationToken token)
            {
                _runner = runner;
                _journal = journal;
                _options = options;
                _onResult = onResult;
                _progress = progress;
                _videoProgress = videoProgress;
                _token = token;
                _listing = new LostCreateListing(runner._client, journal);
                _replays = options.ReplayIdempotencyKey ?? runner._profile.HonoursIdempotencyKey;
            }

            private VideosClient Client => _runner._client;

            public async Task FinishAsync(VideoBatchResult result, VideoApiException? error)
            {
                result.VideoId = result.Video?.Id ?? result.VideoId;
                lock (_runner._results)
                {
                    _runner._results.Add(result);
                }

                Interlocked.Increment(ref result.Status == VideoBatchItemStatus.Completed ? ref _runner._done : ref _runner._failed);
                _progress?.Report(_runner.Progress());
                await _onResult(result, error).ConfigureAwait(false);
            }

            /// <summary>Creates (or recovers, or resumes) the item, waits for its job, then saves its files.</summary>
            public async Task ItemAsync(BatchPlanStep step, SemaphoreSlim slot)
            {
                await Task.Yield(); // the caller goes on queueing while this item starts
                var result = NewResult(step);
                VideoApiException? error = null;
                var holdsSlot = true;
                Interlocked.Increment(ref _runner._inFlight);
                _progress?.Report(_runner.Progress());
                try
                {
                    var video = await ObtainVideoAsync(step, result).ConfigureAwait(false);
                    video = await Client.WaitAsync(video.Id, _options.Wait, _videoProgress, _token).ConfigureAwait(false);
                    result.Video = video;
                    Journal(BatchJournalRecordType.Finished, step.Item, video.Id, durable: false, record =>
                    {
                        record.Status = video.Status;
                        record.Seconds = video.Seconds;
                        if (VideoStatus.IsFailure(video.Status))
                        {
                            var ended = VideoJobPoller.JobFailed(video);
                            record.ErrorId = ended.ErrorId;
                            record.Message = ended.Message;
                        }
                    });
                    Release(slot, ref holdsSlot);
                    if (VideoStatus.IsFailure(video.Status))
                    {
                        error = Fail(result, VideoJobPoller.JobFailed(video));
                    }
                    else
                    {
                        await SaveFilesAsync(step, video, result).ConfigureAwait(false);
                        result.Status = VideoBatchItemStatus.Completed;
                        result.Seconds = VideoSeconds.TryParse(video.Seconds, out var seconds) ? seconds : (double?)null;
                    }
                }
                catch (VideoApiException exception) when (exception.ErrorId != BatchErrorIds.JournalUnavailable && !_token.IsCancellationRequested)
                {
                    if (exception.ErrorId == VideoErrorIds.VideoNotFound && exception.VideoId == result.Video?.Id)
                    {
                        // The journalled video is gone (deleted, or from another account): a failure a rerun reports.
                        Journal(BatchJournalRecordType.Finished, step.Item, exception.VideoId, durable: false, record =>
                        {
                            record.Status = "missing";
                            record.ErrorId = exception.ErrorId;
                            record.Message = exception.Message;
                        });
                    }

                    error = Fail(result, exception);
                }
                finally
                {
                    Release(slot, ref holdsSlot);
                    Interlocked.Decrement(ref _runner._inFlight);
                }

                await FinishAsync(result, error).ConfigureAwait(false);
            }

            private static void Release(SemaphoreSlim slot, ref bool holdsSlot)
            {
                if (holdsSlot)
                {
                    holdsSlot = false;
                    slot.Release();
                }
            }

            private static VideoApiException Fail(VideoBatchResult result, VideoApiException exception)
            {
                result.Status = VideoBatchItemStatus.Failed;
                result.ErrorId = exception.ErrorId;
                result.ErrorMessage = exception.Message;
                result.Video = exception.Video ?? result.Video;
                return exception;
            }

            /// <summary>The item's video: the journalled one, the lost create's (found again), or a new one.</summary>
            private async Task<Video> ObtainVideoAsync(BatchPlanStep step, VideoBatchResult result)
            {
                if (step.Action == VideoBatchAction.Resume && step.VideoId is { } known)
                {
                    result.Video = new Video { Id = known };
                    return result.Video;
                }

                // Where lost answers are found by listing, a listing must never claim a video whose own create is still
                // being answered: creates of the same prompt therefore take turns until their video is known.
                var turn = _replays ? null : _promptTurns.GetOrAdd(step.Item.Request.Prompt.Trim(), _ => new SemaphoreSlim(1, 1));
                if (turn is not null)
                {
                    await turn.WaitAsync(_token).ConfigureAwait(false);
                }

                try
                {
                    return result.Video = await FindOrCreateAsync(step, result).ConfigureAwait(false);
                }
                finally
                {
                    turn?.Release();
                }
            }

            private async Task<Video> FindOrCreateAsync(BatchPlanStep step, VideoBatchResult result)
            {
                string idempotencyKey;
                if (step.Action == VideoBatchAction.Recover && step.History?.IdempotencyKey is { } lostKey)
                {
                    idempotencyKey = lostKey;
                    if (!_replays && await _listing.FindAsync(step.Item, _token).ConfigureAwait(false) is { } found)
                    {
                        return found;
                    }
                }
                else
                {
                    idempotencyKey = VideosClient.NewIdempotencyKey();
                }

                return await CreateAsync(step.Item, idempotencyKey, result, step.Action == VideoBatchAction.Recover).ConfigureAwait(false);
            }

            private async Task<Video> CreateAsync(BatchItem item, string idempotencyKey, VideoBatchResult result, bool recovering)
            {
                var delay = _options.CreateResendDelay;
                for (var send = 1; ; send++)
                {
                    try
                    {
                        return await SendCreateAsync(item, idempotencyKey, result, send == 1 && !recovering ? "answer" : "resend").ConfigureAwait(false);
                    }
                    catch (VideoApiException exception) when (IsRefusal(exception))
                    {
                        Journal(BatchJournalRecordType.Rejected, item, null, durable: true, record =>
                        {
                            record.ErrorId = exception.ErrorId;
                            record.Message = exception.Message;
                        });
                        throw;
                    }
                    catch (VideoApiException exception) when (send < Math.Max(1, _options.MaxCreateSends) && !IsNotTheItems(exception) && exception.ErrorId != BatchErrorIds.JournalUnavailable
                        && !_token.IsCancellationRequested)
                    {
                        // Uncertain: the server may have made the video. Resend with the same key (a server that honours
                        // it answers the first job), or where keys are not honoured, look for the video first.
                        await Task.Delay(delay, _token).ConfigureAwait(false);
                        delay = TimeSpan.FromTicks(delay.Ticks * 2);
                        if (!_replays && await _listing.FindAsync(item, _token).ConfigureAwait(false) is { } found)
                        {
                            return found;
                        }
                    }
                }
            }

            private async Task<Video> SendCreateAsync(BatchItem item, string idempotencyKey, VideoBatchResult result, string via)
            {
                Journal(BatchJournalRecordType.Create, item, null, durable: true, record =>
                {
                    record.IdempotencyKey = idempotencyKey;
                    record.Prompt = item.Request.Prompt;
                });
                var request = item.Request;
                request.IdempotencyKey = idempotencyKey;
                result.CreatesSent++;
                var video = await Client.CreateAsync(request, _token).ConfigureAwait(false);
                Journal(BatchJournalRecordType.Created, item, video.Id, durable: true, record => record.Via = via);
                return video;
            }

            private async Task SaveFilesAsync(BatchPlanStep step, Video video, VideoBatchResult result)
            {
                var files = new List<string>(step.VerifiedFiles);
                var baseName = step.Item.Name ?? video.Id;
                foreach (var variant in step.MissingVariants)
                {
                    var path = Path.Combine(_options.OutputFolder, ContentFileName.For(baseName, variant));
                    ContentDownloader.RemoveStaleTemporaryFiles(path); // a killed run's half download of this very file
                    var saved = await Client.DownloadContentToFileAsync(video.Id, variant, path, overwrite: true, progress: null, _token).ConfigureAwait(false);
                    Journal(BatchJournalRecordType.File, step.Item, video.Id, durable: false, record =>
                    {
                        record.Variant = variant.Name;
                        record.Path = saved.Path ?? path;
                        record.Bytes = saved.Bytes;
                    });
                    files.Add(saved.Path ?? path);
                }

                Journal(BatchJournalRecordType.Done, step.Item, video.Id, durable: false, _ => { });
                result.Files = files;
            }

            private void Journal(string type, BatchItem item, string? videoId, bool durable, Action<BatchJournalRecord> fill)
            {
                var record = new BatchJournalRecord { Type = type, Key = item.Key, At = DateTimeOffset.UtcNow, VideoId = videoId };
                fill(record);
                _journal.Append(record, durable);
            }
        }
    }
}
