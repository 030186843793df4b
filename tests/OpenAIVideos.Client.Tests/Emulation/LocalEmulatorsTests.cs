using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using OpenAIVideos.Client.Emulation;

namespace OpenAIVideos.Client.Tests.Emulation
{
    /// <summary>
    /// The engine side of Start-/Get-/Stop-VideoEmulator and Add-VideoEmulatorFault: emulators started in this process,
    /// found by port, faulted and stopped, over real loopback HTTP.
    /// </summary>
    [Collection(nameof(LocalEmulatorsTests))]
    public sealed class LocalEmulatorsTests : IDisposable
    {
        public void Dispose() => LocalEmulators.StopAll();

        [Fact]
        public async Task Starts_answers_counts_and_stops()
        {
            LocalVideoEmulator emulator = LocalEmulators.Start(new LocalEmulatorSettings { Flavor = "vllm-omni", ApiKey = ApiKeySecret.FromPlainText("sk-local") });
            Assert.Equal("vllm-omni", emulator.Flavor);
            Assert.Equal(ServerKind.VllmOmni, emulator.Server);
            Assert.True(emulator.RequiresApiKey);
            Assert.Same(emulator, LocalEmulators.Newest);
            Assert.Equal("sk-local", emulator.KeyForConnection()!.Reveal());

            using HttpClient http = Http(emulator, "sk-local");
            using HttpResponseMessage listed = await http.GetAsync("videos");
            Assert.Equal(200, (int)listed.StatusCode);
            Assert.Equal(1, emulator.Requests);

            LocalEmulators.Stop(emulator);
            Assert.False(emulator.Running);
            Assert.DoesNotContain(emulator, LocalEmulators.All);
            await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("videos"));
        }

        [Fact]
        public void Finds_emulators_by_port_and_names_the_ports_it_does_not_know()
        {
            LocalVideoEmulator first = LocalEmulators.Start(new LocalEmulatorSettings());
            LocalVideoEmulator second = LocalEmulators.Start(new LocalEmulatorSettings { Flavor = "azure" });
            Assert.NotEqual(first.Port, second.Port);
            Assert.Equal(ServerKind.Azure, second.Server);
            Assert.EndsWith("/openai/v1/", second.BaseUri.ToString());

            var (found, missing) = LocalEmulators.OnPorts(new[] { second.Port, 1, first.Port });
            Assert.Equal(new[] { second, first }, found);
            Assert.Equal(new[] { 1 }, missing);
            Assert.Equal(new[] { first, second }, LocalEmulators.OnPorts(null).Found);
        }

        [Fact]
        public async Task A_fault_added_here_is_what_the_next_matching_request_gets()
        {
            LocalVideoEmulator emulator = LocalEmulators.Start(new LocalEmulatorSettings());
            emulator.AddFault(new LocalEmulatorFault { Kind = "error_status", Status = 503, Operation = "list", RetryAfter = "7" });
            using HttpClient http = Http(emulator, "any-key");
            using HttpResponseMessage faulted = await http.GetAsync("videos");
            Assert.Equal(503, (int)faulted.StatusCode);
            Assert.Equal("7", faulted.Headers.GetValues("Retry-After").Single());
            using HttpResponseMessage next = await http.GetAsync("videos");
            Assert.Equal(200, (int)next.StatusCode);
            Assert.Equal(1, emulator.FaultsInjected);
        }

        [Fact]
        public void Refuses_an_unknown_flavor_a_bad_fault_and_a_port_in_use()
        {
            var flavor = Assert.Throws<ArgumentException>(() => LocalEmulators.Start(new LocalEmulatorSettings { Flavor = "bogus" }));
            Assert.StartsWith("Unknown flavor 'bogus'. Known flavors: openai,", flavor.Message);

            LocalVideoEmulator emulator = LocalEmulators.Start(new LocalEmulatorSettings());
            var kind = Assert.Throws<ArgumentException>(() => emulator.AddFault(new LocalEmulatorFault { Kind = "Meteor" }));
            Assert.StartsWith("Unknown fault kind 'Meteor'. Known kinds: ErrorStatus,", kind.Message);
            Assert.Throws<ArgumentException>(() => emulator.AddFault(new LocalEmulatorFault { Count = 0 }));

            var inUse = Assert.ThrowsAny<IOException>(() => LocalEmulators.Start(new LocalEmulatorSettings { Port = emulator.Port }));
            Assert.Contains($"Port {emulator.Port} on 127.0.0.1 is already in use", inUse.Message);
            Assert.Single(LocalEmulators.All);
        }

        [Fact]
        public void Flavor_and_fault_names_come_from_the_emulator()
        {
            Assert.Equal(OpenAIVideos.Emulator.EmulatorFlavors.Names, LocalEmulators.FlavorNames());
            Assert.Contains("DropConnection", LocalEmulators.FaultKindNames());
        }

        private static HttpClient Http(LocalVideoEmulator emulator, string key)
        {
            var http = new HttpClient { BaseAddress = emulator.BaseUri };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
            return http;
        }
    }
}
