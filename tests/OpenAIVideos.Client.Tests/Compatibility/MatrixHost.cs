using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using OpenAIVideos.Emulator;
using OpenAIVideos.Emulator.Diagnostics;

namespace OpenAIVideos.Client.Tests.Compatibility
{
    /// <summary>
    /// One matrix cell's world: a fresh emulator of the flavor over loopback HTTP, a client that names the flavor's
    /// server kind (as a user would with -Server), and a Generic client that sends whatever it is asked to, to show
    /// what the server itself answers to an operation the profile says it lacks.
    /// </summary>
    public sealed class MatrixHost : IAsyncDisposable
    {
        public const string Key = "sk-matrix-0123456789";

        private MatrixHost(ServerFlavor flavor, VideoApiEmulator emulator)
        {
            Flavor = flavor;
            Emulator = emulator;
            Client = new VideosClient(Options(flavor.Kind), line =>
            {
                lock (_log)
                {
                    _log.Add(line);
                }
            });
            GenericClient = new VideosClient(Options(ServerKind.Generic, ServerProfile.For(flavor.Kind).DefaultAuthentication));
        }

        private readonly List<string> _log = new List<string>();

        public ServerFlavor Flavor { get; }

        /// <summary>The flavor client's log lines ("GET videos/... -> 200 in 3 ms").</summary>
        public IReadOnlyList<string> Log
        {
            get
            {
                lock (_log)
                {
                    return _log.ToList();
                }
            }
        }

        public VideoApiEmulator Emulator { get; }

        /// <summary>Speaks the flavor's dialect (ServerKind of the flavor).</summary>
        public VideosClient Client { get; }

        /// <summary>Speaks the spec as written, with the flavor's key header.</summary>
        public VideosClient GenericClient { get; }

        public IReadOnlyList<RecordedRequest> Requests => Emulator.RequestLog.Entries;

        public static async Task<MatrixHost> StartAsync(ServerFlavor flavor)
        {
            var emulatorFlavor = flavor.EmulatorFlavor
                ?? throw new InvalidOperationException($"The emulator has no '{flavor.EmulatorFlavorName}' flavor yet.");
            var emulator = await VideoApiEmulator.StartAsync(new EmulatorOptions
            {
                Flavor = emulatorFlavor,
                ApiKey = Key,
                JobDuration = TimeSpan.FromMinutes(5), // jobs finish when a cell says so (CompleteNow, FailNow)
            });
            return new MatrixHost(flavor, emulator);
        }

        /// <summary>Creates a video with the flavor's client and has the emulator finish it.</summary>
        public async Task<Video> CompletedVideoAsync(string prompt = "a red fox")
        {
            var video = await Client.CreateAsync(new VideoCreateRequest { Prompt = prompt });
            Assert.True(Emulator.CompleteNow(StoredId(video.Id)), $"the emulator could not complete {video.Id}");
            return await Client.RetrieveAsync(video.Id);
        }

        /// <summary>A completed video's MP4 in a temporary file (for uploads that need a real one).</summary>
        public async Task<string> DownloadedMp4Async()
        {
            var video = await CompletedVideoAsync("a source clip");
            var path = Path.Combine(Path.GetTempPath(), "oav-matrix-" + Guid.NewGuid().ToString("N") + ".mp4");
            await Client.DownloadContentToFileAsync(video.Id, VideoContentVariant.Video, path, overwrite: false);
            return path;
        }

        /// <summary>
        /// The emulator's own id for an id the client saw: LiteLLM's managed ids are <c>video_</c> + base64 of
        /// <c>litellm:custom_llm_provider:…;model_id:…;video_id:ID</c>, and the emulator's test hooks take the ID.
        /// </summary>
        public string StoredId(string publicId)
        {
            const string Marker = ";video_id:";
            if (Flavor.Kind != ServerKind.LiteLLM || !publicId.StartsWith("video_", StringComparison.Ordinal))
            {
                return publicId;
            }

            var payload = publicId.Substring("video_".Length);
            var text = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=')));
            Assert.StartsWith("litellm:custom_llm_provider:", text);
            return text.Substring(text.IndexOf(Marker, StringComparison.Ordinal) + Marker.Length);
        }

        /// <summary>Runs <paramref name="act"/> and asserts it sent nothing at all.</summary>
        public async Task<VideoApiException> RefusedBeforeSendingAsync(Func<Task> act)
        {
            var before = Requests.Count;
            var error = await Assert.ThrowsAsync<VideoApiException>(act);
            Assert.Equal(VideoErrorIds.OperationNotSupported, error.ErrorId);
            Assert.Equal(VideoErrorCategory.NotImplemented, error.Category);
            Assert.Contains(Flavor.Kind.ToString(), error.Message);
            Assert.Equal(before, Requests.Count);
            return error;
        }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            GenericClient.Dispose();
            await Emulator.DisposeAsync();
        }

        private VideoClientOptions Options(ServerKind kind, AuthenticationStyle? style = null) => new VideoClientOptions
        {
            BaseUri = Emulator.BaseUri,
            ApiKey = ApiKeySecret.FromPlainText(Key),
            Server = kind,
            AuthenticationStyle = style ?? ServerProfile.For(kind).DefaultAuthentication,
            MaxRetries = 0,
        };
    }
}
