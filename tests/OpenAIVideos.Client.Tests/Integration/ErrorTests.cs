using System;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using OpenAIVideos.Emulator.Faults;

namespace OpenAIVideos.Client.Tests.Integration
{
    /// <summary>Failures become clear, specific errors, and the key is never part of them.</summary>
    public class ErrorTests : EmulatorTestBase
    {
        [Fact]
        public async Task A_wrong_key_is_an_authentication_error_that_does_not_repeat_the_key()
        {
            var options = Options();
            options.ApiKey = ApiKeySecret.FromPlainText("sk-wrong-key-ABCDEF");
            using var client = new VideosClient(options);
            var error = await Assert.ThrowsAsync<VideoApiException>(() => client.ListPageAsync());
            Assert.Equal(VideoErrorIds.AuthenticationFailed, error.ErrorId);
            Assert.Equal(VideoErrorCategory.AuthenticationError, error.Category);
            Assert.Equal("invalid_api_key", error.ApiErrorCode);
            Assert.DoesNotContain("sk-wrong-key-ABCDEF", error.ToString());
        }

        [Fact]
        public async Task The_azure_api_key_header_is_accepted()
        {
            var options = Options();
            options.AuthenticationStyle = AuthenticationStyle.ApiKeyHeader;
            using var client = new VideosClient(options);
            Assert.NotNull(await client.ListPageAsync());
        }

        [Theory]
        [InlineData(FaultKind.HtmlPage, 200, "an HTML page")]
        [InlineData(FaultKind.PlainText, 200, "'text/plain' content")]
        [InlineData(FaultKind.TruncatedJson, 200, "JSON that could not be read")]
        public async Task An_answer_that_is_not_the_API_says_so(FaultKind kind, int status, string expected)
        {
            using var client = Client(maxRetries: 0);
            Emulator.Faults.Add(new FaultRule { Kind = kind, Status = status, Operation = "list" });
            var error = await Assert.ThrowsAsync<VideoApiException>(() => client.ListPageAsync());
            Assert.Equal(VideoErrorIds.InvalidResponse, error.ErrorId);
            Assert.Equal(VideoErrorCategory.ProtocolError, error.Category);
            Assert.Contains(expected, error.Message);
            Assert.Contains("base URL", error.Message);
        }

        [Theory]
        [InlineData(FaultKind.HtmlPage, "an HTML page")]
        [InlineData(FaultKind.PlainText, "upstream connect error")]
        public async Task A_proxy_page_with_a_5xx_is_a_server_failure_retried_like_any_5xx(FaultKind kind, string expected)
        {
            using var client = Client(maxRetries: 1);
            Emulator.Faults.Add(new FaultRule { Kind = kind, Status = 502, Operation = "list", Count = 2 });
            var error = await Assert.ThrowsAsync<VideoApiException>(() => client.ListPageAsync());
            Assert.Equal(VideoErrorIds.ServerError, error.ErrorId);
            Assert.Equal(VideoErrorCategory.ResourceUnavailable, error.Category);
            Assert.Equal(System.Net.HttpStatusCode.BadGateway, error.StatusCode);
            Assert.Contains(expected, error.Message);
            Assert.Equal(2, Emulator.Statistics.RequestsFor("list"));
        }

        [Fact]
        public async Task A_gateway_answering_200_with_the_error_envelope_is_an_error_in_its_own_words()
        {
            using var client = Client(maxRetries: 0);
            var video = await CompletedVideoAsync(client);
            Emulator.Faults.Add(new FaultRule { Kind = FaultKind.ErrorStatus, Status = 200, Operation = "retrieve", ErrorMessage = "Upstream provider failed.", ErrorCode = "upstream_error" });
            var error = await Assert.ThrowsAsync<VideoApiException>(() => client.RetrieveAsync(video.Id));
            Assert.Equal("Upstream provider failed.", error.ApiMessage);
            Assert.Equal("upstream_error", error.ApiErrorCode);
            Assert.Equal(video.Id, error.VideoId);
        }

        [Fact]
        public async Task A_wrong_base_path_is_a_not_found_that_points_at_the_base_url()
        {
            var options = Options();
            options.BaseUri = new Uri(Emulator.BaseUri, "../v9/");
            using var client = new VideosClient(options);
            var error = await Assert.ThrowsAsync<VideoApiException>(() => client.ListPageAsync());
            Assert.Equal(VideoErrorIds.NotFound, error.ErrorId);
            Assert.Contains("/v1", error.Message);
        }

        [Fact]
        public async Task An_unreachable_server_is_a_connection_error_after_the_retries()
        {
            int port;
            using (var listener = new TcpListener(IPAddress.Loopback, 0))
            {
                listener.Start();
                port = ((IPEndPoint)listener.LocalEndpoint).Port;
            }

            using var client = new VideosClient(new VideoClientOptions { BaseUri = new Uri($"http://127.0.0.1:{port}/v1"), ApiKey = ApiKeySecret.FromPlainText(Key), MaxRetries = 1 });
            var error = await Assert.ThrowsAsync<VideoApiException>(() => client.RetrieveAsync("video_1"));
            Assert.Equal(VideoErrorIds.ConnectionFailed, error.ErrorId);
            Assert.Equal(VideoErrorCategory.ConnectionError, error.Category);
            Assert.Contains($"127.0.0.1:{port}", error.Message);
        }

        [Fact]
        public async Task Bad_input_is_refused_before_anything_is_sent()
        {
            using var client = Client();
            await Assert.ThrowsAsync<VideoApiException>(() => client.CreateAsync(new VideoCreateRequest { Prompt = "" }));
            await Assert.ThrowsAsync<VideoApiException>(() => client.CreateAsync(new VideoCreateRequest { Prompt = new string('x', 32001) }));
            await Assert.ThrowsAsync<VideoApiException>(() => client.RetrieveAsync(" "));
            await Assert.ThrowsAsync<VideoApiException>(() => client.ExtendAsync(new VideoExtendRequest { Prompt = "p", Seconds = "4" }));
            await Assert.ThrowsAsync<VideoApiException>(() => client.ListPageAsync(new VideoListQuery { PageSize = 0 }));
            Assert.Equal(0, Emulator.Statistics.TotalRequests);
        }

        [Theory]
        [InlineData("5")]
        [InlineData("4.0")]
        public async Task Seconds_the_server_does_not_allow_come_back_with_its_message_and_param(string seconds)
        {
            using var client = Client();
            var error = await Assert.ThrowsAsync<VideoApiException>(() => client.CreateAsync(new VideoCreateRequest { Prompt = "p", Seconds = seconds }));
            Assert.Equal(VideoErrorIds.InvalidRequest, error.ErrorId);
            Assert.Equal("seconds", error.Param);
            Assert.Contains(seconds, error.ApiMessage);
            Assert.Equal(0, Emulator.Statistics.VideosCreated);
        }
    }
}
