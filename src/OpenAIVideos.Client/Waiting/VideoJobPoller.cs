using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAIVideos.Client
{
    /// <summary>
    /// Polls jobs until they are terminal. Every wait is a chain of awaits on timers, not a thread: thousands can be
    /// waited on at once, with a cap on polls in flight so a large wait does not flood the server. Errors the server
    /// answers with (5xx, 429) are ridden out for as long as the wait lasts; a server that cannot be reached at all only
    /// for <see cref="VideoWaitOptions.UnreachableTimeout"/>, long enough for a restart, then the wait fails with
    /// <see cref="VideoErrorIds.ConnectionFailed"/> saying what is known.
    /// </summary>
    public sealed class VideoJobPoller
    {
        private readonly VideosClient _client;

        internal VideoJobPoller(VideosClient client) => _client = client;

        /// <summary>
        /// Polls one video until it is completed, failed, cancelled or expired and returns it as last seen (a failed
        /// video is returned, not thrown: its <see cref="Video.Error"/> says why).
        /// </summary>
        /// <exception cref="VideoApiException"><see cref="VideoErrorIds.WaitTimedOut"/> when the timeout passes first;
        /// <see cref="VideoErrorIds.ConnectionFailed"/> when the server stays out of reach; any retrieval error that is
        /// not transient.</exception>
        public async Task<Video> WaitAsync(string videoId, VideoWaitOptions? options = null, IProgress<Video>? progress = null, CancellationToken cancellationToken = default)
        {
            options ??= new VideoWaitOptions();
            using var deadline = Deadline(options, cancellationToken);
            using var gate = new SemaphoreSlim(1);
            var spell = new UnreachableSpell(options.UnreachableTimeout);
            return await PollUntilTerminalAsync(videoId, options, progress, gate, spell, deadline.Token, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Waits on many videos at once and yields each as it finishes, in the order they finish. A video that fails,
        /// times out or cannot be polled is yielded with its <see cref="VideoWaitOutcome.Error"/>; the others carry on.
        /// </summary>
        public async IAsyncEnumerable<VideoWaitOutcome> WaitAllAsync(IEnumerable<string> videoIds, VideoWaitOptions? options = null,
            IProgress<Video>? progress = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            options ??= new VideoWaitOptions();
            using var deadline = Deadline(options, cancellationToken);
            using var gate = new SemaphoreSlim(Math.Max(1, options.MaxConcurrentPolls));
            var spell = new UnreachableSpell(options.UnreachableTimeout);
            var waits = new List<Task<VideoWaitOutcome>>();
            foreach (var id in videoIds)
            {
                waits.Add(WaitOneAsync(id, options, progress, gate, spell, deadline.Token, cancellationToken));
            }

            foreach (var next in CompletionOrder.Of(waits))
            {
                yield return await next.ConfigureAwait(false);
            }
        }

        private async Task<VideoWaitOutcome> WaitOneAsync(string videoId, VideoWaitOptions options, IProgress<Video>? progress,
            SemaphoreSlim gate, UnreachableSpell spell, CancellationToken deadline, CancellationToken cancellationToken)
        {
            try
            {
                var video = await PollUntilTerminalAsync(videoId, options, progress, gate, spell, deadline, cancellationToken).ConfigureAwait(false);
                return new VideoWaitOutcome(videoId, video, VideoStatus.IsFailure(video.Status) ? JobFailed(video) : null);
            }
            catch (VideoApiException exception)
            {
                return new VideoWaitOutcome(videoId, exception.Video, exception);
            }
        }

        /// <summary>
        /// The error a script sees for a job that ended badly, with the API's code and message: <see cref="VideoErrorIds.VideoFailed"/>
        /// for <c>failed</c>, <see cref="VideoErrorIds.VideoCancelled"/> for <c>cancelled</c>, <see cref="VideoErrorIds.VideoExpired"/>
        /// for <c>expired</c> (OpenRouter's terminal statuses, openrouter.ai/docs/api/api-reference/videos).
        /// </summary>
        public static VideoApiException JobFailed(Video video)
        {
            var reason = video.Error is null ? "the server gave no reason" : $"{video.Error.Message} ({video.Error.Code})";
            var (errorId, category) = VideoStatus.IsCancelled(video.Status) ? (VideoErrorIds.VideoCancelled, VideoErrorCategory.OperationStopped)
                : VideoStatus.IsExpired(video.Status) ? (VideoErrorIds.VideoExpired, VideoErrorCategory.ResourceUnavailable)
                : (VideoErrorIds.VideoFailed, VideoErrorCategory.InvalidResult);
            return new VideoApiException(errorId, category, $"Video '{video.Id}' ended {video.Status}: {reason}.")
            {
                VideoId = video.Id,
                Video = video,
                ApiErrorCode = video.Error?.Code,
                ApiMessage = video.Error?.Message,
            };
        }

        /// <summary>True for the error ids of a job that ended (failed, cancelled, expired), as opposed to a wait that did not.</summary>
        public static bool IsJobEnding(string errorId) =>
            errorId is VideoErrorIds.VideoFailed or VideoErrorIds.VideoCancelled or VideoErrorIds.VideoExpired;

        private async Task<Video> PollUntilTerminalAsync(string videoId, VideoWaitOptions options, IProgress<Video>? progress,
            SemaphoreSlim gate, UnreachableSpell spell, CancellationToken deadline, CancellationToken cancellationToken)
        {
            Video? last = null;
            try
            {
                while (true)
                {
                    TimeSpan? hint = null;
                    Video? polled = null;
                    await gate.WaitAsync(deadline).ConfigureAwait(false);
                    try
                    {
                        (polled, hint) = await _client.RetrieveWithPollHintAsync(videoId, deadline).ConfigureAwait(false);
                    }
                    catch (VideoApiException exception) when (IsUnreachable(exception))
                    {
                        // The transport already retried. Ride out a restart, but not a wrong address or a server gone for good.
                        var report = spell.Missed(exception.Message, out var exceeded);
                        options.Reachability?.Report(report);
                        if (exceeded)
                        {
                            throw Unreachable(videoId, last, spell, $"the server could not be reached for {options.UnreachableTimeout.TotalSeconds:0.#} s", exception);
                        }
                    }
                    catch (VideoApiException exception) when (IsTransient(exception))
                    {
                        // The server answered, if with an error: a long wait rides out a flaky spell and polls again later.
                        ReportReached(spell, options);
                    }
                    finally
                    {
                        gate.Release();
                    }

                    if (polled is not null)
                    {
                        last = polled;
                        ReportReached(spell, options);
                        progress?.Report(last);
                        if (last.IsTerminal)
                        {
                            return last;
                        }
                    }

                    await Task.Delay(Interval(options, hint, _client.Profile.DefaultPollInterval), deadline).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                var after = $"{options.Timeout?.TotalSeconds:0.#} s";
                if (spell.IsUnreachable)
                {
                    throw Unreachable(videoId, last, spell, $"gave up after {after} (the timeout) with the server out of reach", null);
                }

                var message = last is null
                    ? $"Video '{videoId}' was not seen within {after}: the server answered only with errors, so its state is unknown. Wait again, or raise -TimeoutSec."
                    : $"Video '{videoId}' was still {last.Status} ({last.Progress} %) after {after}; it goes on running. Wait again, or raise -TimeoutSec.";
                throw new VideoApiException(VideoErrorIds.WaitTimedOut, VideoErrorCategory.OperationTimeout, message)
                {
                    VideoId = videoId,
                    Video = last,
                };
            }
        }

        private static void ReportReached(UnreachableSpell spell, VideoWaitOptions options)
        {
            if (spell.Reached() is { } back)
            {
                options.Reachability?.Report(back);
            }
        }

        // Says what is known: never "goes on running" about a job the server was never asked about.
        private static VideoApiException Unreachable(string videoId, Video? last, UnreachableSpell spell, string what, VideoApiException? cause)
        {
            var known = last is not null
                ? $"Video '{videoId}' was last seen {last.Status} ({last.Progress} %) and may still be running there."
                : spell.EverReached
                    ? $"Video '{videoId}' was not seen before the server went out of reach, so its state is unknown."
                    : $"The server was never reached, so nothing is known about video '{videoId}': check the address (-BaseUri) and that the server runs.";
            var reason = spell.Reason ?? cause?.Message;
            return new VideoApiException(VideoErrorIds.ConnectionFailed, VideoErrorCategory.ConnectionError,
                $"Stopped waiting: {what}. {known} Last error: {reason} Wait-Video again once it answers.", cause)
            {
                VideoId = videoId,
                Video = last,
            };
        }

        // The caller's interval wins; then the server's hint for this poll; then the dialect's own advice.
        private static TimeSpan Interval(VideoWaitOptions options, TimeSpan? serverHint, TimeSpan dialectDefault)
        {
            if (options.PollInterval is { } fixedInterval)
            {
                return fixedInterval;
            }

            if (serverHint is { } hint)
            {
                return hint > options.MaxServerPollInterval ? options.MaxServerPollInterval : hint;
            }

            return dialectDefault;
        }

        private static bool IsUnreachable(VideoApiException exception) =>
            exception.ErrorId is VideoErrorIds.ConnectionFailed or VideoErrorIds.RequestTimedOut;

        private static bool IsTransient(VideoApiException exception) =>
            exception.ErrorId is VideoErrorIds.ServerError or VideoErrorIds.RateLimited;

        private static CancellationTokenSource Deadline(VideoWaitOptions options, CancellationToken cancellationToken)
        {
            var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (options.Timeout is { } timeout)
            {
                deadline.CancelAfter(timeout);
            }

            return deadline;
        }
    }
}
