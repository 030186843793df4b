using System;
using System.Net;
using System.Net.Http;
using System.Text;
using OpenAIVideos.Client.Transport;

namespace OpenAIVideos.Client.Tests.Unit
{
    public class ApiErrorMapperTests
    {
        private static HttpResponseMessage Response(int status, string json)
        {
            var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
            response.Headers.TryAddWithoutValidation("x-request-id", "req_123");
            return response;
        }

        [Theory]
        [InlineData(404)]
        [InlineData(410)]
        public void OpenAIs_own_host_answering_404_or_410_explains_the_retirement(int status)
        {
            using var response = Response(status, "{\"error\":{\"message\":\"Invalid URL (GET /v1/videos)\",\"type\":\"invalid_request_error\"}}");
            var request = new ApiRequest(HttpMethod.Get, "videos", "list videos");
            var error = ApiErrorMapper.FromResponse(request, response, "{\"error\":{\"message\":\"Invalid URL (GET /v1/videos)\"}}", VideoClientOptions.OpenAIBaseUri, null);
            Assert.Equal(VideoErrorIds.ApiRetired, error.ErrorId);
            Assert.Contains("2026-09-24", error.Message);
            Assert.Contains("OPENAI_BASE_URL", error.Message);
            Assert.Equal("req_123", error.RequestId);
        }

        [Fact]
        public void Another_host_answering_404_is_a_plain_not_found()
        {
            const string body = "{\"error\":{\"message\":\"No video found with id 'video_9'.\",\"type\":\"invalid_request_error\",\"code\":\"video_not_found\"}}";
            using var response = Response(404, body);
            var request = new ApiRequest(HttpMethod.Get, "videos/video_9", "retrieve video") { Resource = ApiResource.Video, ResourceId = "video_9" };
            var error = ApiErrorMapper.FromResponse(request, response, body, new Uri("http://127.0.0.1:5080/v1"), null);
            Assert.Equal(VideoErrorIds.VideoNotFound, error.ErrorId);
            Assert.Equal("Could not retrieve video 'video_9': No video found with id 'video_9'. (HTTP 404, request id req_123).", error.Message);
        }

        [Fact]
        public void A_server_message_that_quotes_the_key_is_scrubbed()
        {
            const string body = "{\"error\":{\"message\":\"Incorrect API key provided: sk-live-SECRET.\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}";
            using var response = Response(401, body);
            var error = ApiErrorMapper.FromResponse(new ApiRequest(HttpMethod.Get, "videos", "list videos"), response, body,
                new Uri("http://127.0.0.1/v1"), ApiKeySecret.FromPlainText("sk-live-SECRET"));
            Assert.DoesNotContain("sk-live-SECRET", error.ToString());
            Assert.DoesNotContain("sk-live-SECRET", error.ApiMessage);
            Assert.Contains("***", error.ApiMessage);
        }
    }
}
