using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;

namespace OpenAIVideos.Client.Tests.Integration
{
    /// <summary>Every client operation against the emulator.</summary>
    public class OperationsTests : EmulatorTestBase
    {
        [Fact]
        public async Task Create_sends_JSON_with_seconds_as_a_string_and_returns_a_queued_video()
        {
            using var client = Client();
            var video = await client.CreateAsync(new VideoCreateRequest { Prompt = "a red fox", Seconds = "8", Size = "1280x720", Model = "sora-2" });
            Assert.StartsWith("video_", video.Id);
            Assert.Contains(video.Status, new[] { VideoStatus.Queued, VideoStatus.InProgress });
            Assert.Equal("8", video.Seconds);
            Assert.Equal("1280x720", video.Size);
            Assert.True(video.CreatedAt > DateTimeOffset.UtcNow.AddMinutes(-1));

            var sent = Emulator.RequestLog.Entries.Single(e => e.Method == "POST");
            Assert.StartsWith("application/json", sent.ContentType);
            Assert.Contains("\"seconds\":\"8\"", System.Text.Encoding.UTF8.GetString(sent.Body));
            Assert.StartsWith("OpenAIVideos/", sent.Headers["User-Agent"]);
            Assert.StartsWith("ovid_", sent.Headers["Idempotency-Key"]);
        }

        [Fact]
        public async Task Create_uploads_a_local_image_as_multipart_with_its_real_type()
        {
            var path = TestMedia.TempFile(TestMedia.Png(720, 1280), ".img");
            try
            {
                using var client = Client();
                var video = await client.CreateAsync(new VideoCreateRequest { Prompt = "from an image", InputReference = VideoInputReference.Parse(path) });
                Assert.False(string.IsNullOrEmpty(video.Id));
                Assert.StartsWith("multipart/form-data", Emulator.RequestLog.Entries.Single(e => e.Method == "POST").ContentType);
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public async Task A_reference_image_of_the_wrong_size_is_refused_with_the_APIs_words()
        {
            var path = TestMedia.TempFile(TestMedia.Png(640, 480), ".png");
            try
            {
                using var client = Client();
                var error = await Assert.ThrowsAsync<VideoApiException>(() =>
                    client.CreateAsync(new VideoCreateRequest { Prompt = "p", Size = "720x1280", InputReference = VideoInputReference.Parse(path) }));
                Assert.Equal(VideoErrorIds.InvalidRequest, error.ErrorId);
                Assert.Equal("input_reference", error.Param);
                Assert.NotNull(error.RequestId);
                Assert.Equal(0, Emulator.Statistics.VideosCreated);
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public async Task Retrieve_list_with_paging_and_delete()
        {
            using var client = Client();
            var created = new List<string>();
            for (var i = 0; i < 25; i++)
            {
                created.Add((await client.CreateAsync(new VideoCreateRequest { Prompt = $"video {i}" })).Id);
            }

            var listed = new List<string>();
            await foreach (var video in client.ListAsync(new VideoListQuery { PageSize = 10, Order = "asc" }))
            {
                listed.Add(video.Id);
            }

            Assert.Equal(created, listed);
            Assert.Equal(3, Emulator.Statistics.RequestsFor("list"));

            var newestFirst = await client.ListPageAsync(new VideoListQuery { PageSize = 5 });
            Assert.Equal(created.AsEnumerable().Reverse().Take(5), newestFirst.Data.Select(v => v.Id));
            Assert.True(newestFirst.HasMore);
            Assert.Equal(newestFirst.Data[4].Id, newestFirst.LastId);

            Assert.True(Emulator.CompleteNow(created[0]));
            var deleted = await client.DeleteAsync(created[0]);
            Assert.True(deleted.Deleted);
            var gone = await Assert.ThrowsAsync<VideoApiException>(() => client.RetrieveAsync(created[0]));
            Assert.Equal(VideoErrorIds.VideoNotFound, gone.ErrorId);
            Assert.Equal(VideoErrorCategory.ObjectNotFound, gone.Category);
            Assert.Equal(created[0], gone.VideoId);
            Assert.NotNull(gone.RequestId);
        }

        [Fact]
        public async Task Deleting_or_downloading_a_video_in_progress_says_it_is_not_ready()
        {
            using var client = Client();
            var video = await client.CreateAsync(new VideoCreateRequest { Prompt = "slow" });
            var delete = await Assert.ThrowsAsync<VideoApiException>(() => client.DeleteAsync(video.Id));
            Assert.Equal(VideoErrorIds.VideoNotReady, delete.ErrorId);
            Assert.Equal(VideoErrorCategory.InvalidOperation, delete.Category);

            using var sink = new MemoryStream();
            var download = await Assert.ThrowsAsync<VideoApiException>(() => client.DownloadContentAsync(video.Id, VideoContentVariant.Video, sink));
            Assert.Equal(VideoErrorIds.VideoNotReady, download.ErrorId);
            Assert.Equal(0, sink.Length);
        }

        [Fact]
        public async Task Remix_extend_and_edit_a_completed_video()
        {
            using var client = Client();
            var source = await CompletedVideoAsync(client);

            var remix = await client.RemixAsync(source.Id, "now at night");
            Assert.Equal(source.Id, remix.RemixedFromVideoId);

            var extension = await client.ExtendAsync(new VideoExtendRequest { VideoId = source.Id, Prompt = "keeps running", Seconds = "8" });
            Assert.Equal("12", extension.Seconds); // the stitched total: 4 + 8

            var edit = await client.EditAsync(new VideoEditRequest { VideoId = source.Id, Prompt = "add snow" });
            Assert.NotEqual(source.Id, edit.Id);
            Assert.Equal(4, Emulator.Statistics.VideosCreated);
        }

        [Fact]
        public async Task Characters_are_created_from_an_MP4_and_used_on_create()
        {
            using var client = Client();
            var source = await CompletedVideoAsync(client);
            var mp4 = Path.Combine(Path.GetTempPath(), "oav-" + Guid.NewGuid().ToString("N") + ".mp4");
            try
            {
                await client.DownloadContentToFileAsync(source.Id, VideoContentVariant.Video, mp4, overwrite: false);
                var character = await client.CreateCharacterAsync(new VideoCharacterCreateRequest { Name = "Rex", Video = UploadFile.FromPath(mp4) });
                Assert.Equal("Rex", character.Name);
                Assert.Equal(character.Id, (await client.RetrieveCharacterAsync(character.Id!)).Id);

                var starring = await client.CreateAsync(new VideoCreateRequest { Prompt = "Rex runs", CharacterIds = { character.Id! } });
                Assert.False(string.IsNullOrEmpty(starring.Id));

                var missing = await Assert.ThrowsAsync<VideoApiException>(() => client.RetrieveCharacterAsync("char_nope"));
                Assert.Equal(VideoErrorIds.CharacterNotFound, missing.ErrorId);
            }
            finally
            {
                File.Delete(mp4);
            }
        }

        [Fact]
        public async Task Every_variant_downloads_byte_for_byte_with_progress()
        {
            using var client = Client();
            var video = await CompletedVideoAsync(client, size: "1280x720");
            using var raw = Emulator.CreateHttpClient();
            foreach (var variant in VideoContentVariant.Known)
            {
                var expected = await raw.GetByteArrayAsync($"videos/{video.Id}/content?variant={variant.Name}");
                var reports = new List<ContentDownloadProgress>();
                using var sink = new MemoryStream();
                var result = await client.DownloadContentAsync(video.Id, variant, sink, new SynchronousProgress<ContentDownloadProgress>(reports.Add));
                Assert.Equal(expected, sink.ToArray());
                Assert.Equal(expected.Length, result.Bytes);
                Assert.True(variant.Accepts(result.ContentType));
                Assert.Equal(expected.Length, reports.Last().BytesReceived);
                Assert.Equal(100, reports.Last().Percent);
            }
        }
    }

    /// <summary>IProgress that reports on the calling thread, so a test sees every report before the call returns.</summary>
    internal sealed class SynchronousProgress<T> : IProgress<T>
    {
        private readonly Action<T> _report;

        public SynchronousProgress(Action<T> report) => _report = report;

        public void Report(T value) => _report(value);
    }
}
