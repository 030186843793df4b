using System;
using System.IO;
using System.Text;

namespace OpenAIVideos.Client.Tests.Unit
{
    public class MediaAndReferenceTests
    {
        [Theory]
        [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, "image/png")]
        [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, "image/jpeg")]
        [InlineData(new byte[] { 0x1A, 0x45, 0xDF, 0xA3 }, "video/webm")]
        [InlineData(new byte[] { 1, 2, 3, 4 }, null)]
        public void Magic_bytes_name_the_type(byte[] header, string? expected) =>
            Assert.Equal(expected, MediaTypeSniffer.Sniff(header, header.Length));

        [Fact]
        public void WebP_and_MP4_are_recognised()
        {
            var webp = Encoding.ASCII.GetBytes("RIFF\0\0\0\0WEBPVP8 ");
            var mp4 = new byte[] { 0, 0, 0, 0x20, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'i', (byte)'s', (byte)'o', (byte)'m' };
            Assert.Equal("image/webp", MediaTypeSniffer.Sniff(webp, webp.Length));
            Assert.Equal("video/mp4", MediaTypeSniffer.Sniff(mp4, mp4.Length));
        }

        [Fact]
        public void A_reference_is_a_url_a_file_id_or_a_local_image()
        {
            Assert.Equal("https://example.com/a.png", VideoInputReference.Parse("https://example.com/a.png").ImageUrl);
            Assert.Equal("data:image/png;base64,AAAA", VideoInputReference.Parse("data:image/png;base64,AAAA").ImageUrl);
            Assert.Equal("file-abc123", VideoInputReference.Parse("file-abc123").FileId);

            var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".bin");
            File.WriteAllBytes(path, new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0 });
            try
            {
                var reference = VideoInputReference.Parse(path);
                Assert.Equal("image/png", reference.File!.ContentType);
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void A_missing_or_non_image_reference_is_refused_before_sending()
        {
            var missing = Assert.Throws<VideoApiException>(() => VideoInputReference.Parse("/no/such/file.png"));
            Assert.Equal(VideoErrorCategory.ObjectNotFound, missing.Category);

            var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".png");
            File.WriteAllText(path, "this is not an image");
            try
            {
                var notImage = Assert.Throws<VideoApiException>(() => VideoInputReference.Parse(path));
                Assert.Equal(VideoErrorIds.InvalidArgument, notImage.ErrorId);
                Assert.Contains("neither an image", notImage.Message);
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Theory]
        [InlineData("video", "video/mp4", true)]
        [InlineData("video", "video/mp4; charset=binary", true)]
        [InlineData("video", "text/html; charset=utf-8", false)]
        [InlineData("thumbnail", "image/webp", true)]
        [InlineData("spritesheet", "image/jpeg", true)]
        [InlineData("spritesheet", "image/webp", false)]
        [InlineData("newthing", "text/plain", true)]
        public void Content_types_are_checked_against_the_variant(string variant, string contentType, bool accepted) =>
            Assert.Equal(accepted, VideoContentVariant.Parse(variant).Accepts(contentType));
    }
}
