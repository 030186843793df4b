using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using OpenAIVideos.Emulator.Diagnostics;
using OpenAIVideos.Emulator.Faults;
using OpenAIVideos.Emulator.Hosting;

namespace OpenAIVideos.Emulator.Tests
{
    /// <summary>What every flavor keeps: the command-line names, fault injection, statistics and the redacted request log.</summary>
    public sealed class FlavorCommonTests
    {
        public static TheoryData<EmulatorFlavor> Flavors => new TheoryData<EmulatorFlavor>(Enum.GetValues<EmulatorFlavor>());

        /// <summary>A create each server accepts: vLLM-Omni takes only forms, Gemini a form with a model, OpenRouter its own models, the others JSON.</summary>
        private static HttpContent CreateBody(EmulatorFlavor flavor, string prompt = "a fox") => flavor switch
        {
            EmulatorFlavor.VllmOmni => TestHost.Multipart(new[] { ("prompt", prompt) }),
            EmulatorFlavor.Gemini => TestHost.Multipart(new[] { ("model", "veo-3.1-generate-preview"), ("prompt", prompt) }),
            EmulatorFlavor.OpenRouter => TestHost.Json($"{{\"model\":\"google/veo-3.1\",\"prompt\":\"{prompt}\"}}"),
            _ => TestHost.Json($"{{\"prompt\":\"{prompt}\",\"size\":\"1280x720\"}}"),
        };

        public static TheoryData<EmulatorFlavor, string, string> EndMarkers()
        {
            var data = new TheoryData<EmulatorFlavor, string, string>();
            foreach (EmulatorFlavor flavor in Enum.GetValues<EmulatorFlavor>())
            {
                data.Add(flavor, "[emulator:cancel]", "cancelled");
                data.Add(flavor, "[emulator:expire]", "expired");
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(EndMarkers))]
        public async Task Every_flavor_ends_a_marked_job_half_way_with_that_status(EmulatorFlavor flavor, string marker, string status)
        {
            await using var host = await TestHost.StartAsync(options => options.Flavor = flavor);
            var created = await host.SendAsync(HttpMethod.Post, "videos", CreateBody(flavor, "a fox " + marker));
            Assert.True(created.Status is 200 or 202, $"{flavor}: {created.Body}");
            string id = created.Body.GetProperty("id").GetString()!;
            host.Clock.Advance(TestHost.Duration / 2 - TimeSpan.FromMilliseconds(1));
            Assert.NotEqual(status, (await host.GetAsync($"videos/{Uri.EscapeDataString(id)}")).Body.GetProperty("status").GetString());
            host.Clock.Advance(TimeSpan.FromMilliseconds(1));
            var ended = await host.GetAsync($"videos/{Uri.EscapeDataString(id)}");
            Assert.True(ended.Status == 200, $"{flavor}: {ended.Body}");
            Assert.Equal(status, ended.Body.GetProperty("status").GetString());
        }

        [Theory]
        [InlineData("openai", EmulatorFlavor.OpenAI)]
        [InlineData("gateway", EmulatorFlavor.Gateway)]
        [InlineData("vllm-omni", EmulatorFlavor.VllmOmni)]
        [InlineData("sglang", EmulatorFlavor.SGLang)]
        [InlineData("litellm", EmulatorFlavor.LiteLLM)]
        [InlineData("azure", EmulatorFlavor.Azure)]
        [InlineData("gemini", EmulatorFlavor.Gemini)]
        [InlineData("openrouter", EmulatorFlavor.OpenRouter)]
        public void Command_line_names_select_the_flavor(string name, EmulatorFlavor expected)
        {
            Assert.Equal(expected, CommandLine.Parse(new[] { "--flavor", name }).Flavor);
            EmulatorOptions served = CommandLine.Parse(new[] { "--flavor", name, "--served-model", "org/model", "--max-running-jobs", "3" });
            Assert.Equal("org/model", served.ServedModel);
            Assert.Equal(3, served.MaxRunningJobsPerKey);
        }

        [Fact]
        public void The_storage_port_comes_from_the_command_line()
        {
            Assert.Null(CommandLine.Parse(new[] { "--flavor", "gemini" }).StoragePort);
            Assert.Equal(5099, CommandLine.Parse(new[] { "--flavor", "openrouter", "--storage-port", "5099" }).StoragePort);
        }

        [Theory]
        [InlineData(EmulatorFlavor.Gemini, true)]
        [InlineData(EmulatorFlavor.OpenRouter, true)]
        [InlineData(EmulatorFlavor.OpenAI, false)]
        [InlineData(EmulatorFlavor.VllmOmni, false)]
        public async Task Only_the_hosted_service_flavors_run_a_storage_origin(EmulatorFlavor flavor, bool runs)
        {
            await using var host = await TestHost.StartAsync(options => options.Flavor = flavor);
            Assert.Equal(runs, host.Emulator.StorageUri != null);
        }

        [Theory]
        [MemberData(nameof(Flavors))]
        public async Task Faults_statistics_and_the_request_log_work_under_every_flavor(EmulatorFlavor flavor)
        {
            await using var host = await TestHost.StartAsync(options => options.Flavor = flavor);
            using (HttpResponseMessage admin = await host.Http.PostAsync(new Uri(host.Emulator.RootUri, "_emulator/faults"),
                TestHost.Json("{\"kind\":\"error_status\",\"operation\":\"create\",\"status\":503,\"retry_after\":\"1\"}")))
            {
                Assert.Equal(200, (int)admin.StatusCode);
            }

            var faulted = await host.SendAsync(HttpMethod.Post, "videos", CreateBody(flavor));
            Assert.Equal(503, faulted.Status);
            Assert.Equal("1", faulted.Response.Headers.GetValues("Retry-After").Single());
            Assert.Equal(0, host.Emulator.Statistics.VideosCreated);

            var created = await host.SendAsync(HttpMethod.Post, "videos", CreateBody(flavor));
            Assert.True(created.Status == (flavor == EmulatorFlavor.OpenRouter ? 202 : 200), $"{flavor}: {created.Body}");
            Assert.Equal(1, host.Emulator.Statistics.VideosCreated);
            Assert.Equal(1, host.Emulator.Statistics.FaultsOf(FaultKind.ErrorStatus));
            Assert.Equal(2, host.Emulator.Statistics.RequestsFor("create"));

            using HttpResponseMessage stats = await host.Http.GetAsync(new Uri(host.Emulator.RootUri, "_emulator/stats"));
            JsonElement body = JsonDocument.Parse(await stats.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(1, body.GetProperty("videos_created").GetInt64());

            RecordedRequest create = host.Emulator.RequestLog.Entries.Last(entry => entry.Method == "POST" && entry.PathAndQuery.EndsWith("/videos", StringComparison.Ordinal));
            Assert.Equal(RequestLog.Redacted, create.Headers["Authorization"]);
            Assert.DoesNotContain(TestHost.Key, string.Join("\n", create.Headers.Values) + Encoding.UTF8.GetString(create.Body));
            Assert.StartsWith("req_", created.Response.Headers.GetValues("x-request-id").Single());
        }

        [Fact]
        public async Task A_litellm_key_header_is_redacted_in_the_request_log()
        {
            await using var host = await TestHost.StartAsync(options => options.Flavor = EmulatorFlavor.LiteLLM);
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(host.Emulator.BaseUri, "videos?custom_llm_provider=openai"));
            request.Headers.Add("x-litellm-api-key", TestHost.Key);
            using var http = new HttpClient();
            using HttpResponseMessage response = await http.SendAsync(request);
            Assert.Equal(200, (int)response.StatusCode);
            Assert.Equal(RequestLog.Redacted, host.Emulator.RequestLog.Entries.Last().Headers["x-litellm-api-key"]);
        }
    }
}
