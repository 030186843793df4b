using System.Linq;
using System.Threading.Tasks;

namespace OpenAIVideos.Client.Tests.Compatibility
{
    /// <summary>Dialect details the matrix does not show cell by cell: key headers, a named model, servers' own error shapes.</summary>
    public sealed class DialectDetailTests
    {
        [Fact]
        public async Task LiteLLMs_own_key_header_is_accepted()
        {
            await using var host = await MatrixHost.StartAsync(ServerFlavor.Named("litellm"));
            using var client = new VideosClient(new VideoClientOptions
            {
                BaseUri = host.Emulator.BaseUri,
                ApiKey = ApiKeySecret.FromPlainText(MatrixHost.Key),
                Server = ServerKind.LiteLLM,
                AuthenticationStyle = AuthenticationStyle.LiteLLMKeyHeader,
            });
            Assert.NotNull(await client.ListPageAsync());
            var sent = host.Requests.Single();
            Assert.True(sent.Headers.ContainsKey("x-litellm-api-key"));
            Assert.False(sent.Headers.ContainsKey("Authorization"));
        }

        [Fact]
        public async Task A_model_vLLM_Omni_does_not_serve_is_refused_in_its_words_with_its_integer_code()
        {
            await using var host = await MatrixHost.StartAsync(ServerFlavor.Named("vllm-omni"));
            var error = await Assert.ThrowsAsync<VideoApiException>(() => host.Client.CreateAsync(new VideoCreateRequest { Prompt = "a fox", Model = "sora-2" }));
            Assert.Equal(VideoErrorIds.InvalidRequest, error.ErrorId);
            Assert.Contains("sora-2", error.ApiMessage);
            Assert.Equal("400", error.ApiErrorCode);
        }

        [Fact]
        public async Task SGLangs_validation_list_is_read_as_the_field_and_its_message()
        {
            await using var host = await MatrixHost.StartAsync(ServerFlavor.Named("sglang"));
            var path = TestMedia.TempFile(TestMedia.Png(720, 1280), ".png");
            try
            {
                // A multipart create (a file) with a non-integer seconds: FastAPI's typed Form parameters answer 422.
                var request = new VideoCreateRequest { Prompt = "a fox", InputReference = VideoInputReference.Parse(path) };
                request.AdditionalProperties["num_frames"] = "many";
                var error = await Assert.ThrowsAsync<VideoApiException>(() => host.Client.CreateAsync(request));
                Assert.Equal(VideoErrorIds.Unprocessable, error.ErrorId);
                Assert.Equal("num_frames", error.Param);
                Assert.StartsWith("num_frames: ", error.ApiMessage);
            }
            finally
            {
                System.IO.File.Delete(path);
            }
        }
    }
}
