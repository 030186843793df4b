using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;

namespace OpenAIVideos.Client.Tests.Conformance
{
    /// <summary>
    /// Every operation the spec describes, sent by the client to Prism. Prism answers 422 to any request that breaks
    /// OpenAI's published schema, which the client would raise as a VideoApiException; every answer must also parse.
    /// Multipart is exercised where a real file is uploaded (Prism cannot parse nested multipart fields, and the
    /// client sends JSON whenever there is no file, as the spec prefers).
    /// </summary>
    [Collection(PrismCollection.Name)]
    public class SpecConformanceTests
    {
        private readonly PrismServer _prism;

        public SpecConformanceTests(PrismServer prism) => _prism = prism;

        private VideosClient Client() => new VideosClient(new VideoClientOptions
        {
            BaseUri = _prism.BaseUri,
            ApiKey = ApiKeySecret.FromPlainText("sk-conformance"),
            MaxRetries = 0,
        });

        [PrismFact]
        public async Task Create_as_JSON_with_every_field()
        {
            using var client = Client();
            var video = await client.CreateAsync(new VideoCreateRequest
            {
                Prompt = "A calico cat playing a piano on stage",
                Model = "sora-2-pro",
                Seconds = "8",
                Size = "1792x1024",
            });
            Assert.False(string.IsNullOrEmpty(video.Id));
            Assert.Equal("video", video.Object);
        }

        [PrismFact]
        public async Task Create_with_an_image_url_reference()
        {
            using var client = Client();
            var video = await client.CreateAsync(new VideoCreateRequest
            {
                Prompt = "A cat",
                InputReference = VideoInputReference.FromImageUrl("https://example.com/source-image.png"),
            });
            Assert.NotNull(video.Status);
        }

        [PrismFact]
        public async Task Create_with_a_file_id_reference()
        {
            using var client = Client();
            var video = await client.CreateAsync(new VideoCreateRequest { Prompt = "A cat", InputReference = VideoInputReference.FromFileId("file-abc123") });
            Assert.NotNull(video.Status);
        }

        [PrismFact]
        public async Task Create_as_multipart_with_an_uploaded_image()
        {
            var path = TestMedia.TempFile(TestMedia.Png(720, 1280), ".png");
            try
            {
                using var client = Client();
                var video = await client.CreateAsync(new VideoCreateRequest
                {
                    Prompt = "A cat",
                    Seconds = "4",
                    Size = "720x1280",
                    InputReference = VideoInputReference.Parse(path),
                });
                Assert.NotNull(video.Status);
            }
            finally
            {
                File.Delete(path);
            }
        }

        [PrismFact]
        public async Task Retrieve_list_and_delete()
        {
            using var client = Client();
            var video = await client.RetrieveAsync("video_123");
            Assert.NotNull(video.Status);
            var page = await client.ListPageAsync(new VideoListQuery { PageSize = 10, Order = "asc", After = "video_100" });
            Assert.NotNull(page.Data);
            var deleted = await client.DeleteAsync("video_123");
            Assert.Equal("video.deleted", deleted.Object);
        }

        [PrismFact]
        public async Task Remix_extend_and_edit_as_JSON()
        {
            using var client = Client();
            Assert.NotNull((await client.RemixAsync("video_123", "Make it night")).Status);
            Assert.NotNull((await client.ExtendAsync(new VideoExtendRequest { VideoId = "video_123", Prompt = "Keep running", Seconds = "4" })).Status);
            Assert.NotNull((await client.EditAsync(new VideoEditRequest { VideoId = "video_123", Prompt = "Add snow" })).Status);
        }

        [PrismFact]
        public async Task Characters_are_created_from_an_uploaded_video_and_retrieved()
        {
            var path = TestMedia.TempFile(TestMedia.Mp4Stub(), ".mp4");
            try
            {
                using var client = Client();
                var character = await client.CreateCharacterAsync(new VideoCharacterCreateRequest { Name = "Rex", Video = UploadFile.FromPath(path) });
                Assert.NotNull(character.Id);
                var fetched = await client.RetrieveCharacterAsync("char_123");
                Assert.NotNull(fetched);
            }
            finally
            {
                File.Delete(path);
            }
        }

        [PrismFact]
        public async Task Content_of_every_variant_downloads_with_its_type()
        {
            using var client = Client();
            foreach (var variant in new[] { VideoContentVariant.Video, VideoContentVariant.Thumbnail })
            {
                using var buffer = new MemoryStream();
                var result = await client.DownloadContentAsync("video_123", variant, buffer);
                Assert.True(variant.Accepts(result.ContentType), $"{variant} came as {result.ContentType}");
            }
        }

        [PrismFact]
        public async Task The_spritesheet_request_is_valid_but_the_spec_names_no_JPEG_type_so_the_client_refuses_what_comes()
        {
            // The spec's content response lists video/mp4, image/webp and application/json only; the request itself
            // passes validation (no 422), and the client rightly refuses to save an MP4 as a spritesheet.
            using var client = Client();
            using var buffer = new MemoryStream();
            var error = await Assert.ThrowsAsync<VideoApiException>(() => client.DownloadContentAsync("video_123", VideoContentVariant.Spritesheet, buffer));
            Assert.Equal(VideoErrorIds.ContentTypeMismatch, error.ErrorId);
            Assert.Equal(0, buffer.Length);
        }

        [PrismFact]
        public async Task A_request_that_breaks_the_spec_is_caught_by_the_judge()
        {
            // Proves the judge judges: seconds the spec does not allow must come back as Prism's 422.
            using var client = Client();
            var error = await Assert.ThrowsAsync<VideoApiException>(() => client.CreateAsync(new VideoCreateRequest { Prompt = "A cat", Seconds = "5" }));
            Assert.Equal(422, (int?)error.StatusCode);
        }
    }

    [CollectionDefinition(Name)]
    public class PrismCollection : ICollectionFixture<PrismServer>
    {
        public const string Name = "Prism";
    }
}
