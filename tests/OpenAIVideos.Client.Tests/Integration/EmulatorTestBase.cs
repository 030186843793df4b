using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using OpenAIVideos.Emulator;

namespace OpenAIVideos.Client.Tests.Integration
{
    /// <summary>
    /// A fresh emulator per test (it starts in milliseconds), reached over real loopback HTTP, and a client for it whose
    /// log lines are kept so tests can check what was said.
    /// </summary>
    public abstract class EmulatorTestBase : IAsyncLifetime
    {
        public const string Key = "sk-emulator-test-0123456789";

        protected VideoApiEmulator Emulator { get; private set; } = null!;

        protected List<string> Log { get; } = new List<string>();

        protected virtual EmulatorOptions EmulatorOptions() => new EmulatorOptions { ApiKey = Key, JobDuration = TimeSpan.FromMinutes(5) }; // jobs finish when a test says (CompleteNow), not by the clock

        public async Task InitializeAsync() => Emulator = await VideoApiEmulator.StartAsync(EmulatorOptions());

        public async Task DisposeAsync() => await Emulator.DisposeAsync();

        protected VideoClientOptions Options(int maxRetries = 2) => new VideoClientOptions
        {
            BaseUri = Emulator.BaseUri,
            ApiKey = ApiKeySecret.FromPlainText(Key),
            MaxRetries = maxRetries,
        };

        protected VideosClient Client(int maxRetries = 2) => new VideosClient(Options(maxRetries), line =>
        {
            lock (Log)
            {
                Log.Add(line);
            }
        });

        /// <summary>Creates a video and has the emulator finish it at once.</summary>
        protected async Task<Video> CompletedVideoAsync(VideosClient client, string prompt = "a red fox", string? size = null)
        {
            var video = await client.CreateAsync(new VideoCreateRequest { Prompt = prompt, Size = size });
            Assert.True(Emulator.CompleteNow(video.Id));
            return await client.RetrieveAsync(video.Id);
        }
    }
}
