using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OpenAIVideos.Emulator.Faults;

namespace OpenAIVideos.Client.Tests.Integration
{
    /// <summary>Downloads are atomic: the destination holds the whole file or nothing, whatever fails.</summary>
    public sealed class DownloadTests : EmulatorTestBase, IDisposable
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("oav-download-").FullName;

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        private string[] FolderContents() => Directory.GetFiles(_folder).Select(Path.GetFileName).ToArray()!;

        [Fact]
        public async Task A_connection_dropped_mid_body_is_resumed_and_the_file_is_whole()
        {
            using var client = Client();
            var video = await CompletedVideoAsync(client);
            using var raw = Emulator.CreateHttpClient();
            var expected = await raw.GetByteArrayAsync($"videos/{video.Id}/content");
            Emulator.Faults.Add(new FaultRule { Kind = FaultKind.TruncateBody, Operation = "content", BodyBytes = expected.Length / 2 });

            var target = Path.Combine(_folder, "fox.mp4");
            Emulator.RequestLog.Clear();
            var result = await client.DownloadContentToFileAsync(video.Id, VideoContentVariant.Video, target, overwrite: false);

            Assert.Equal(expected, await File.ReadAllBytesAsync(target));
            Assert.Equal(target, result.Path);
            Assert.Equal(new[] { "fox.mp4" }, FolderContents());
            // The emulator logs each request as it arrives, so both are in the log once the download returns. The first
            // broke (the fault); exactly one more finished it. That one resumes from where the bytes stopped, which is
            // past 0 and at most the half the fault let through; or, when the connection's reset overtook everything
            // the client had not read yet (a loaded machine), it asks for the whole body again. Both are right.
            var contentPath = new Uri(Emulator.BaseUri, $"videos/{video.Id}/content").AbsolutePath;
            var content = Emulator.RequestLog.Entries.Where(entry => entry.PathAndQuery.StartsWith(contentPath, StringComparison.Ordinal)).ToArray();
            Assert.Equal(2, content.Length);
            Assert.False(content[0].Headers.ContainsKey("Range"), "the first request asked for a range");
            if (content[1].Headers.TryGetValue("Range", out var range))
            {
                var from = long.Parse(range.Substring("bytes=".Length).TrimEnd('-'), System.Globalization.CultureInfo.InvariantCulture);
                Assert.Equal($"bytes={from}-", range);
                Assert.InRange(from, 1, expected.Length / 2);
                Assert.Contains(Log, line => line.StartsWith($"The download broke after {from:N0} bytes; resuming", StringComparison.Ordinal));
            }
        }

        [Fact]
        public async Task A_large_download_broken_midway_is_whole_and_flushed_to_disk_with_its_folder()
        {
            using var client = Client();
            // 24 MiB: past the 8 MiB windows in which the download starts its writeback, so that runs too, and restarts.
            var video = await client.CreateAsync(new VideoCreateRequest { Prompt = "big [emulator:content-bytes=25165824]" });
            Assert.True(Emulator.CompleteNow(video.Id));
            using var raw = Emulator.CreateHttpClient();
            var expected = await raw.GetByteArrayAsync($"videos/{video.Id}/content");
            Emulator.Faults.Add(new FaultRule { Kind = FaultKind.TruncateBody, Operation = "content", BodyBytes = 12 * 1024 * 1024 + 5 });

            var target = Path.Combine(_folder, "big.mp4");
            var result = await client.DownloadContentToFileAsync(video.Id, VideoContentVariant.Video, target, overwrite: false);

            Assert.Equal(expected.Length, result.Bytes);
            var saved = await File.ReadAllBytesAsync(target);
            Assert.True(expected.AsSpan().SequenceEqual(saved), "the file differs from the server's bytes");
            Assert.Equal(new[] { "big.mp4" }, FolderContents());
            Assert.Contains(Log, line => line.StartsWith($"Flushed {expected.Length:N0} bytes of '{target}' to disk in ", StringComparison.Ordinal));
            Assert.DoesNotContain(Log, line => line.Contains("could not be flushed", StringComparison.Ordinal));
        }

        [Fact]
        public async Task When_every_attempt_breaks_nothing_is_written_and_no_temporary_file_is_left()
        {
            using var client = Client(maxRetries: 1);
            var video = await CompletedVideoAsync(client);
            Emulator.Faults.Add(new FaultRule { Kind = FaultKind.TruncateBody, Operation = "content", BodyBytes = 100, Count = 5 });
            var error = await Assert.ThrowsAsync<VideoApiException>(() =>
                client.DownloadContentToFileAsync(video.Id, VideoContentVariant.Video, Path.Combine(_folder, "fox.mp4"), overwrite: false));
            Assert.Equal(VideoErrorIds.ConnectionFailed, error.ErrorId);
            Assert.Empty(FolderContents());
        }

        [Fact]
        public async Task An_existing_file_is_kept_without_overwrite_and_replaced_whole_with_it()
        {
            using var client = Client();
            var video = await CompletedVideoAsync(client);
            var target = Path.Combine(_folder, "fox.webp");
            await File.WriteAllTextAsync(target, "old");

            var error = await Assert.ThrowsAsync<VideoApiException>(() => client.DownloadContentToFileAsync(video.Id, VideoContentVariant.Thumbnail, target, overwrite: false));
            Assert.Equal(VideoErrorIds.FileExists, error.ErrorId);
            Assert.Equal(VideoErrorCategory.ResourceExists, error.Category);
            Assert.Equal("old", await File.ReadAllTextAsync(target));

            await client.DownloadContentToFileAsync(video.Id, VideoContentVariant.Thumbnail, target, overwrite: true);
            Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString((await File.ReadAllBytesAsync(target)).AsSpan(0, 4)));
            Assert.Equal(new[] { "fox.webp" }, FolderContents());
        }

        [Fact]
        public async Task A_proxy_page_instead_of_content_is_refused_and_nothing_is_written()
        {
            using var client = Client();
            var video = await CompletedVideoAsync(client);
            Emulator.Faults.Add(new FaultRule { Kind = FaultKind.HtmlPage, Status = 200, Operation = "content" });
            var error = await Assert.ThrowsAsync<VideoApiException>(() =>
                client.DownloadContentToFileAsync(video.Id, VideoContentVariant.Video, Path.Combine(_folder, "fox.mp4"), overwrite: false));
            Assert.Equal(VideoErrorIds.ContentTypeMismatch, error.ErrorId);
            Assert.Empty(FolderContents());
        }

        [Fact]
        public async Task Cancelling_a_download_returns_promptly_and_leaves_nothing()
        {
            using var client = Client();
            var video = await client.CreateAsync(new VideoCreateRequest { Prompt = "big [emulator:content-bytes=400000000]" });
            Assert.True(Emulator.CompleteNow(video.Id));
            using var cancel = new CancellationTokenSource();
            var progress = new SynchronousProgress<ContentDownloadProgress>(p =>
            {
                if (p.BytesReceived > 8 * 1024 * 1024)
                {
                    cancel.Cancel();
                }
            });
            var started = DateTime.UtcNow;
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                client.DownloadContentToFileAsync(video.Id, VideoContentVariant.Video, Path.Combine(_folder, "big.mp4"), false, progress, cancel.Token));
            Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(30), "the download ran on long after cancellation");
            Assert.Empty(FolderContents());
        }

        [Fact]
        public async Task A_cancellation_during_the_final_flush_leaves_no_file_under_its_name()
        {
            using var cancel = new CancellationTokenSource();
            // The flush line is logged after the uninterruptible flush to disk and before the rename: cancel right there.
            using var client = new VideosClient(Options(), line =>
            {
                if (line.StartsWith("Flushed ", StringComparison.Ordinal))
                {
                    cancel.Cancel();
                }
            });
            var video = await CompletedVideoAsync(client);

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                client.DownloadContentToFileAsync(video.Id, VideoContentVariant.Video, Path.Combine(_folder, "late.mp4"), false, null, cancel.Token));

            Assert.True(cancel.IsCancellationRequested, "the download never reached its flush");
            Assert.Empty(FolderContents());
        }
    }
}
