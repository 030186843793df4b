using System;
using System.Buffers;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OpenAIVideos.Client.Transport;

namespace OpenAIVideos.Client
{
    /// <summary>
    /// Streams content to a stream or, atomically, to a file. A connection lost mid-body is resumed with a Range request
    /// where the server allows it (else restarted), up to the client's retry count; the paid generation is never re-run.
    /// </summary>
    public sealed class ContentDownloader
    {
        // .NET's own copy size: under the large-object threshold, and writes this size are not aligned to 128 KiB, so the
        // page cache takes them in small pages. 128 KiB-aligned writes made the kernel allocate large folios, which on
        // the benchmark's VM cost 2-3x the system time (docs/performance.md).
        private const int BufferSize = 81920;
        private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(100);
        private readonly ApiTransport _transport;
        private readonly Func<string, CancellationToken, Task<Video>> _retrieve;

        internal ContentDownloader(ApiTransport transport, Func<string, CancellationToken, Task<Video>> retrieve)
        {
            _transport = transport;
            _retrieve = retrieve;
        }

        /// <summary>Streams one variant into <paramref name="destination"/>; returns what was written.</summary>
        public Task<ContentDownloadResult> DownloadAsync(string videoId, VideoContentVariant variant, Stream destination,
            IProgress<ContentDownloadProgress>? progress = null, CancellationToken cancellationToken = default) =>
            DownloadCoreAsync(videoId, variant, destination, null, progress, cancellationToken);

        private async Task<ContentDownloadResult> DownloadCoreAsync(string videoId, VideoContentVariant variant, Stream destination, WritebackHint? writeback,
            IProgress<ContentDownloadProgress>? progress, CancellationToken cancellationToken)
        {
            RequestValidator.ValidateId(videoId, "video");
            if (variant is null)
            {
                throw new ArgumentNullException(nameof(variant));
            }

            _transport.Profile.EnsureSupports(variant, videoId);

            if (destination is null || !destination.CanWrite)
            {
                throw new ArgumentException("The destination must be a writable stream.", nameof(destination));
            }

            var start = destination.CanSeek ? destination.Position : 0;
            var resultUrl = _transport.Profile.ContentAtResultUrls ? await ResultUrlAsync(videoId, cancellationToken).ConfigureAwait(false) : null;
            long written = 0;
            string? contentType = null;
            for (var retries = 0; ; retries++)
            {
                var request = resultUrl is not null
                    ? new ApiRequest(HttpMethod.Get, resultUrl, $"download the {variant.Name} of video") { Resource = ApiResource.Video, ResourceId = videoId }
                    : new ApiRequest(HttpMethod.Get, "videos/" + Uri.EscapeDataString(videoId) + "/content", $"download the {variant.Name} of video")
                    {
                        Resource = ApiResource.Video,
                        ResourceId = videoId,
                    }.WithQuery("variant", variant.Name);
                // Servers that describe several content types (the spec does) pick by Accept.
                request.Headers.Add(new System.Collections.Generic.KeyValuePair<string, string>("Accept", variant.MediaType == "application/octet-stream" ? "*/*" : variant.MediaType + ", */*;q=0.1"));
                if (written > 0)
                {
                    request.Headers.Add(new System.Collections.Generic.KeyValuePair<string, string>("Range", $"bytes={written}-"));
                }

                using var result = await _transport.SendStreamingAsync(request, cancellationToken).ConfigureAwait(false);
                var response = result.Response;
                contentType = response.Content.Headers.ContentType?.ToString();
                if (!variant.Accepts(contentType))
                {
                    throw new VideoApiException(VideoErrorIds.ContentTypeMismatch, VideoErrorCategory.InvalidResult,
                        $"Asked for the {variant.Name} of video '{videoId}' ({variant.MediaType}) but the server sent '{contentType}'. Nothing was saved.")
                    {
                        VideoId = videoId,
                        StatusCode = response.StatusCode,
                        RequestId = ApiErrorMapper.RequestIdOf(response),
                    };
                }

                if (written > 0 && !IsResumeOf(response, written))
                {
                    // The server sent the whole body again: start over where the destination allows it.
                    if (!destination.CanSeek)
                    {
                        throw new VideoApiException(VideoErrorIds.ConnectionFailed, VideoErrorCategory.ConnectionError,
                            $"The download of video '{videoId}' broke after {written:N0} bytes and the server cannot resume it; the destination stream cannot be rewound.")
                        { VideoId = videoId };
                    }

                    destination.Position = start;
                    destination.SetLength(start);
                    written = 0;
                }

                var total = TotalLength(response, written);
                try
                {
                    written = await CopyBodyAsync(response, destination, writeback, written, total, progress, cancellationToken).ConfigureAwait(false);
                    await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
                    return new ContentDownloadResult { VideoId = videoId, Variant = variant, Bytes = written, ContentType = contentType };
                }
                catch (BodyInterruptedException interrupted)
                {
                    written = interrupted.BytesWritten;
                    if (retries >= _transport.Options.MaxRetries)
                    {
                        throw new VideoApiException(VideoErrorIds.ConnectionFailed, VideoErrorCategory.ConnectionError,
                            $"The download of the {variant.Name} of video '{videoId}' broke after {written:N0} bytes, {retries + 1} times. Nothing was saved; run it again.",
                            interrupted.InnerException)
                        { VideoId = videoId };
                    }

                    var delay = _transport.BackoffDelay(retries);
                    _transport.Log($"The download broke after {written:N0} bytes; resuming in {delay.TotalSeconds:0.###} s (retry {retries + 1} of {_transport.Options.MaxRetries}).");
                    await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        /// <summary>
        /// Where a server that keeps results at URLs (Gemini's <c>url</c>, OpenRouter's <c>unsigned_urls</c>) says this
        /// video is now: asked afresh, since such URLs are often signed and short-lived. A relative URL is on the server's
        /// own origin.
        /// </summary>
        private async Task<Uri> ResultUrlAsync(string videoId, CancellationToken cancellationToken)
        {
            var video = await _retrieve(videoId, cancellationToken).ConfigureAwait(false);
            if (!string.Equals(video.Status, VideoStatus.Completed, StringComparison.OrdinalIgnoreCase))
            {
                throw new VideoApiException(VideoErrorIds.VideoNotReady, VideoErrorCategory.InvalidOperation,
                    $"Video '{videoId}' is {video.Status}, not completed: there is nothing to download yet. Wait-Video first.")
                { VideoId = videoId, Video = video };
            }

            foreach (var url in video.ContentUrls)
            {
                if (Uri.TryCreate(_transport.BaseUri, url, out var resolved) && (resolved.Scheme == Uri.UriSchemeHttps || resolved.Scheme == Uri.UriSchemeHttp))
                {
                    return resolved;
                }
            }

            throw new VideoApiException(VideoErrorIds.InvalidResponse, VideoErrorCategory.ProtocolError,
                $"Video '{videoId}' is completed but {_transport.Profile.DisplayName} reported no URL to download it from (url, unsigned_urls). Nothing was saved.")
            { VideoId = videoId, Video = video };
        }

        /// <summary>
        /// Deletes the hidden temporary files a killed download to <paramref name="path"/> left behind (a hard kill runs
        /// no cleanup). Only for a caller that owns the destination, such as a batch run holding its journal.
        /// </summary>
        internal static int RemoveStaleTemporaryFiles(string path)
        {
            var target = Path.GetFullPath(path);
            var folder = Path.GetDirectoryName(target);
            if (folder is null || !Directory.Exists(folder))
            {
                return 0;
            }

            var removed = 0;
            foreach (var stale in Directory.GetFiles(folder, TemporaryPrefix(target) + "*" + TemporarySuffix))
            {
                try
                {
                    File.Delete(stale);
                    removed++;
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    // Harmless: a leftover is hidden and named as such.
                }
            }

            return removed;
        }

        private const string TemporarySuffix = ".partial";

        private static string TemporaryPrefix(string target) => "." + Path.GetFileName(target) + ".";

        /// <summary>
        /// Downloads one variant to <paramref name="path"/> through a temporary file in the same folder that is renamed
        /// over the destination only when complete; on any failure or cancellation the temporary file is removed and the
        /// destination is untouched. The file is flushed to the disk before the rename and its folder after, so a file
        /// reported saved is still whole after a power cut.
        /// </summary>
        public async Task<ContentDownloadResult> DownloadToFileAsync(string videoId, VideoContentVariant variant, string path, bool overwrite,
            IProgress<ContentDownloadProgress>? progress = null, CancellationToken cancellationToken = default)
        {
            _transport.Profile.EnsureSupports(variant, videoId); // before any file is made
            var target = Path.GetFullPath(path);
            var folder = Path.GetDirectoryName(target) ?? throw new ArgumentException($"'{path}' names no file.", nameof(path));
            if (!Directory.Exists(folder))
            {
                throw new VideoApiException(VideoErrorIds.WriteFailed, VideoErrorCategory.WriteError, $"The folder '{folder}' does not exist.") { VideoId = videoId };
            }

            if (!overwrite && File.Exists(target))
            {
                throw FileExists(videoId, target);
            }

            var temporary = Path.Combine(folder, TemporaryPrefix(target) + Guid.NewGuid().ToString("N").Substring(0, 8) + TemporarySuffix);
            try
            {
                ContentDownloadResult result;
                // Unbuffered and synchronous: each chunk goes straight to the page cache from the loop below (see
                // CopyBodyAsync), instead of through FileStream's buffer and a thread-pool hop per write.
                using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, bufferSize: 0, useAsync: false))
                {
                    result = await DownloadCoreAsync(videoId, variant, file, WritebackHint.For(file), progress, cancellationToken).ConfigureAwait(false);
                    var flushing = Stopwatch.StartNew();
                    file.Flush(flushToDisk: true);
                    _transport.Log($"Flushed {result.Bytes:N0} bytes of '{target}' to disk in {flushing.ElapsedMilliseconds} ms.");
                }

                // The flush of a large file takes seconds and cannot be interrupted; a Ctrl+C during it must not be
                // followed by the file appearing under its name after the caller was told the download stopped.
                cancellationToken.ThrowIfCancellationRequested();

                if (!AtomicFile.Commit(temporary, target, overwrite))
                {
                    _transport.Log($"'{target}' is saved, but its folder could not be flushed to disk: its new name may not survive a power cut.");
                }
                result.Path = target;
                return result;
            }
            catch (IOException exception) when (!overwrite && File.Exists(target))
            {
                throw FileExists(videoId, target, exception);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                throw new VideoApiException(VideoErrorIds.WriteFailed, VideoErrorCategory.WriteError,
                    $"Could not write '{target}': {exception.Message}", exception) { VideoId = videoId };
            }
            finally
            {
                TryDelete(temporary);
            }
        }

        private static VideoApiException FileExists(string videoId, string target, Exception? cause = null) =>
            new VideoApiException(VideoErrorIds.FileExists, VideoErrorCategory.ResourceExists,
                $"'{target}' already exists; use -Force to overwrite it.", cause) { VideoId = videoId };

        private async Task<long> CopyBodyAsync(HttpResponseMessage response, Stream destination, WritebackHint? writeback, long written, long? total,
            IProgress<ContentDownloadProgress>? progress, CancellationToken cancellationToken)
        {
            var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
            var sinceReport = Stopwatch.StartNew();
            try
            {
                using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                using var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
                progress?.Report(new ContentDownloadProgress(written, total));
                while (true)
                {
                    int read;
                    try
                    {
                        idle.CancelAfter(_transport.Options.RequestTimeout); // an idle connection, not a long download, times out
                        read = await body.ReadAsync(buffer, 0, BufferSize, idle.Token).ConfigureAwait(false);
                    }
                    catch (Exception exception) when (exception is IOException or HttpRequestException
                        || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
                    {
                        throw new BodyInterruptedException(written, exception);
                    }

                    if (read == 0)
                    {
                        break;
                    }

                    if (destination is FileStream { IsAsync: false } file)
                    {
                        // A write into the page cache takes microseconds. Asynchronous FileStream writes on Linux are
                        // thread-pool work items, one per chunk: for 1 GiB that cost 1.7x the CPU of Invoke-WebRequest
                        // and ran at 0.79x its speed (docs/performance.md, "The download, like for like").
                        file.Write(buffer, 0, read);
                    }
                    else
                    {
                        await destination.WriteAsync(buffer, 0, read, cancellationToken).ConfigureAwait(false);
                    }
                    written += read;
                    writeback?.Written();
                    if (progress is not null && sinceReport.Elapsed >= ProgressInterval)
                    {
                        progress.Report(new ContentDownloadProgress(written, total));
                        sinceReport.Restart();
                    }
                }

                if (total is not null && written < total)
                {
                    throw new BodyInterruptedException(written, new IOException($"The body ended after {written:N0} of {total:N0} bytes."));
                }

                progress?.Report(new ContentDownloadProgress(written, total ?? written));
                return written;
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        private static bool IsResumeOf(HttpResponseMessage response, long written) =>
            response.StatusCode == HttpStatusCode.PartialContent && response.Content.Headers.ContentRange?.From == written;

        private static long? TotalLength(HttpResponseMessage response, long written) =>
            response.StatusCode == HttpStatusCode.PartialContent
                ? response.Content.Headers.ContentRange?.Length ?? (response.Content.Headers.ContentLength + written)
                : response.Content.Headers.ContentLength;

        private static void TryDelete(string path)
        {
            try
            {
                if (File.Exists(path))
                {
                    File.Delete(path);
                }
            }
            catch (IOException)
            {
                // Best effort: a leftover hidden .partial file is harmless and named as such.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        /// <summary>The body broke after some bytes were written; the caller may resume from there.</summary>
        private sealed class BodyInterruptedException : Exception
        {
            public BodyInterruptedException(long bytesWritten, Exception cause)
                : base(cause.Message, cause) => BytesWritten = bytesWritten;

            public long BytesWritten { get; }
        }
    }
}
