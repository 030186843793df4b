using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using OpenAIVideos.Client.Serialization;
using OpenAIVideos.Client.Transport;

namespace OpenAIVideos.Client.Tests.Unit
{
    /// <summary>The shapes servers answer in, read in their own words.</summary>
    public class LenientAnswerTests
    {
        private static readonly Uri Base = new Uri("http://127.0.0.1:8000/v1");

        [Theory]
        [InlineData("{\"error\":{\"message\":\"Model mismatch\",\"type\":\"BadRequestError\",\"param\":\"model\",\"code\":400}}", "application/json", "Model mismatch", "400", "model")]
        [InlineData("{\"error\":\"Upstream provider failed\"}", "application/json", "Upstream provider failed", null, null)]
        [InlineData("{\"detail\":\"Video not found\"}", "application/json", "Video not found", null, null)]
        [InlineData("{\"detail\":[{\"loc\":[\"query\",\"limit\"],\"msg\":\"Input should be greater than or equal to 1\",\"type\":\"greater_than_equal\"}]}", "application/json", "limit: Input should be greater than or equal to 1", null, "limit")]
        [InlineData("{\"message\":\"key not allowed to access model\",\"code\":\"403\"}", "application/json", "key not allowed to access model", "403", null)]
        [InlineData("Internal Server Error", "text/plain", "Internal Server Error", null, null)]
        public void Every_error_body_shape_is_an_error_in_the_servers_words(string body, string mediaType, string message, string? code, string? param)
        {
            using var response = new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new StringContent(body, Encoding.UTF8, mediaType) };
            response.Headers.TryAddWithoutValidation("x-request-id", "req_7");
            var error = ApiErrorMapper.FromResponse(new ApiRequest(HttpMethod.Get, "videos", "list videos"), response, body, Base, null);
            Assert.Equal(message, error.ApiMessage);
            Assert.Equal(code, error.ApiErrorCode);
            Assert.Equal(param, error.Param);
            Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
            Assert.Equal("req_7", error.RequestId);
            Assert.Contains(message, error.Message);
            Assert.Contains("HTTP 400", error.Message);
        }

        [Fact]
        public void SGLangs_unfinished_content_answer_is_not_ready()
        {
            const string body = "{\"detail\":\"Generation is still in-progress\"}";
            using var response = new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            var request = new ApiRequest(HttpMethod.Get, "videos/v1/content", "download the video of video") { Resource = ApiResource.Video, ResourceId = "v1" };
            Assert.Equal(VideoErrorIds.VideoNotReady, ApiErrorMapper.FromResponse(request, response, body, Base, null).ErrorId);
        }

        [Fact]
        public void A_video_missing_optional_fields_with_integer_seconds_and_an_unknown_status_maps()
        {
            var wire = JsonSerializer.Deserialize("{\"id\":\"video_1\",\"status\":\"rendering\",\"seconds\":4,\"size\":null,\"error\":{\"code\":500,\"message\":\"boom\"}}", WireJsonContext.Default.VideoWire)!;
            var video = WireMapper.ToVideo(wire);
            Assert.Equal("video_1", video.Id);
            Assert.Equal("rendering", video.Status);
            Assert.False(video.IsTerminal);
            Assert.Equal("4", video.Seconds);
            Assert.Null(video.Size);
            Assert.Null(video.Model);
            Assert.Null(video.CompletedAt);
            Assert.Equal("500", video.Error!.Code);
            Assert.Equal("boom", video.Error.Message);
        }

        [Fact]
        public void A_video_error_given_as_text_is_its_message()
        {
            var wire = JsonSerializer.Deserialize("{\"id\":\"video_1\",\"status\":\"failed\",\"error\":\"out of memory\"}", WireJsonContext.Default.VideoWire)!;
            Assert.Equal("out of memory", WireMapper.ToVideo(wire).Error!.Message);
        }

        [Theory]
        [InlineData("{\"id\":\"video_1\",\"object\":\"video.deleted\",\"deleted\":true}", true)]
        [InlineData("{\"id\":\"video_1\",\"object\":\"video\",\"status\":\"deleted\"}", true)]
        [InlineData("{\"id\":\"video_1\",\"object\":\"video.deleted\",\"deleted\":false}", false)]
        public void A_delete_answered_by_the_video_object_counts_as_deleted(string body, bool deleted)
        {
            var result = WireMapper.ToDeletion(JsonSerializer.Deserialize(body, WireJsonContext.Default.DeletedVideoWire)!, "video_1");
            Assert.Equal(deleted, result.Deleted);
            Assert.Equal("video.deleted", result.Object);
            Assert.Equal("video_1", result.Id);
        }

        [Theory]
        [InlineData("{\"id\":\"video_1\",\"object\":\"video\",\"status\":\"failed\",\"error\":{\"code\":500,\"message\":\"boom\"}}", true)]
        [InlineData("{\"id\":\"video_1\",\"object\":\"video\",\"status\":\"in_progress\"}", false)]
        [InlineData("{\"error\":{\"message\":\"boom\",\"code\":500}}", false)]
        [InlineData("<html>502</html>", false)]
        public void Only_a_failed_video_is_an_error_answer_to_read_as_the_video(string body, bool isFailedVideo) =>
            Assert.Equal(isFailedVideo, FailedVideoBody.Is(body));
    }
}
