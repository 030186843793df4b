using System;
using System.Linq;
using System.Threading.Tasks;
using OpenAIVideos.Emulator;

namespace OpenAIVideos.Client.Tests.Integration
{
    /// <summary>A gateway (vLLM-Omni, LiteLLM): its own model names, extra request fields, extra response fields and statuses.</summary>
    public class GatewayTests : EmulatorTestBase
    {
        protected override EmulatorOptions EmulatorOptions() =>
            new EmulatorOptions { ApiKey = Key, Flavor = EmulatorFlavor.Gateway, JobDuration = TimeSpan.FromMinutes(5) };

        [Fact]
        public async Task Extra_fields_go_out_and_unknown_fields_and_statuses_come_back()
        {
            using var client = Client();
            var video = await client.CreateAsync(new VideoCreateRequest
            {
                Prompt = "a gateway video",
                Model = "wan2.1",
                AdditionalProperties = { ["num_frames"] = 48, ["seed"] = 7, ["negative_prompt"] = "blur" },
            });
            var body = System.Text.Encoding.UTF8.GetString(Emulator.RequestLog.Entries.Single(e => e.Method == "POST").Body);
            Assert.Contains("\"num_frames\":48", body);
            Assert.Contains("\"negative_prompt\":\"blur\"", body);
            Assert.Equal("standard", video.AdditionalProperties["quality"]);
            Assert.Equal("wan2.1", video.Model);
        }
    }
}
