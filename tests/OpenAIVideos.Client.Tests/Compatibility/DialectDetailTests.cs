using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Linq;
using System.Threading.Tasks;
using OpenAIVideos.Emulator;

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
        public async Task A_LiteLLM_video_belongs_to_the_key_that_made_it()
        {
            await using var emulator = await VideoApiEmulator.StartAsync(new EmulatorOptions { Flavor = EmulatorFlavor.LiteLLM, ApiKey = null });
            using var owner = KeyClient(emulator, ServerKind.LiteLLM, "sk-team-a");
            using var other = KeyClient(emulator, ServerKind.LiteLLM, "sk-team-b");
            var video = await owner.CreateAsync(new VideoCreateRequest { Prompt = "a fox" });
            var error = await Assert.ThrowsAsync<VideoApiException>(() => other.RetrieveAsync(video.Id));
            Assert.Equal(VideoErrorIds.PermissionDenied, error.ErrorId);
            Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
            Assert.False(string.IsNullOrEmpty(error.ApiMessage));
            Assert.Equal(video.Id, (await owner.RetrieveAsync(video.Id)).Id);
            Assert.DoesNotContain(await ListedIds(other), id => id == video.Id);
            Assert.Contains(await ListedIds(owner), id => id == video.Id);
        }

        [Fact]
        public async Task Azure_refuses_a_third_running_job_as_a_rate_limit_in_its_words()
        {
            await using var emulator = await VideoApiEmulator.StartAsync(new EmulatorOptions { Flavor = EmulatorFlavor.Azure, ApiKey = MatrixHost.Key, JobDuration = TimeSpan.FromMinutes(5) });
            using var client = KeyClient(emulator, ServerKind.Azure, MatrixHost.Key);
            Assert.Equal(2, client.Profile.MaxConcurrentJobs);
            await client.CreateAsync(new VideoCreateRequest { Prompt = "one" });
            await client.CreateAsync(new VideoCreateRequest { Prompt = "two" });
            var error = await Assert.ThrowsAsync<VideoApiException>(() => client.CreateAsync(new VideoCreateRequest { Prompt = "three" }));
            Assert.Equal(VideoErrorIds.RateLimited, error.ErrorId);
            Assert.Equal((HttpStatusCode)429, error.StatusCode);
            Assert.False(string.IsNullOrEmpty(error.ApiMessage));
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
                File.Delete(path);
            }
        }

        private static VideosClient KeyClient(VideoApiEmulator emulator, ServerKind kind, string key) => new VideosClient(new VideoClientOptions
        {
            BaseUri = emulator.BaseUri,
            ApiKey = ApiKeySecret.FromPlainText(key),
            Server = kind,
            AuthenticationStyle = ServerProfile.For(kind).DefaultAuthentication,
            MaxRetries = 0,
        });

        private static async Task<List<string>> ListedIds(VideosClient client)
        {
            var ids = new List<string>();
            await foreach (var video in client.ListAsync())
            {
                ids.Add(video.Id);
            }

            return ids;
        }
    }
}
