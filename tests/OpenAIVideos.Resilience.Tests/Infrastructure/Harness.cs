using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using OpenAIVideos.Emulator;

namespace OpenAIVideos.Resilience.Tests.Infrastructure
{
    /// <summary>
    /// A fresh emulator per test on a loopback port, a client for it whose log is kept, and a scratch folder that is
    /// removed afterwards. Everything a test sends goes to 127.0.0.1.
    /// </summary>
    public abstract class EmulatorFixture : IAsyncLifetime
    {
        /// <summary>Recognisable, so a leak is found by a plain substring search.</summary>
        public const string Key = "sk-LEAKCHECK-7f3a9c1e5b2d4f6a8c0e1b3d5f7a9c2e";

        protected VideoApiEmulator Emulator { get; private set; } = null!;

        protected LogSink Log { get; } = new LogSink();

        protected ScratchFolder Scratch { get; } = new ScratchFolder();

        protected virtual EmulatorOptions EmulatorOptions() => new EmulatorOptions { ApiKey = Key, JobDuration = TimeSpan.FromMinutes(5) };

        public virtual async Task InitializeAsync() => Emulator = await VideoApiEmulator.StartAsync(EmulatorOptions());

        public virtual async Task DisposeAsync()
        {
            await Emulator.DisposeAsync();
            Scratch.Dispose();
        }

        protected VideoClientOptions Options(int maxRetries = 2, string key = Key, Uri? baseUri = null) => new VideoClientOptions
        {
            BaseUri = baseUri ?? Emulator.BaseUri,
            ApiKey = ApiKeySecret.FromPlainText(key),
            MaxRetries = maxRetries,
            RequestTimeout = TimeSpan.FromSeconds(20),
            ConnectTimeout = TimeSpan.FromSeconds(2),
            MaxRetryAfter = TimeSpan.FromSeconds(5),
        };

        protected VideosClient Client(int maxRetries = 2, string key = Key, Uri? baseUri = null) =>
            new VideosClient(Options(maxRetries, key, baseUri), Log.Add);

        protected async Task<Video> CompletedVideoAsync(VideosClient client, string prompt = "a lighthouse at dusk", string? size = null)
        {
            var video = await client.CreateAsync(new VideoCreateRequest { Prompt = prompt, Size = size });
            Assert.True(Emulator.CompleteNow(video.Id));
            return await client.RetrieveAsync(video.Id);
        }
    }

    /// <summary>Keeps every line the engine logs (its verbose stream), thread-safely.</summary>
    public sealed class LogSink
    {
        private readonly List<string> _lines = new List<string>();

        public void Add(string line)
        {
            lock (_lines)
            {
                _lines.Add(line);
            }
        }

        public IReadOnlyList<string> Lines
        {
            get { lock (_lines) { return _lines.ToList(); } }
        }

        public int Count(string fragment) => Lines.Count(line => line.Contains(fragment, StringComparison.Ordinal));
    }

    /// <summary>A temporary folder of its own, removed with what is in it.</summary>
    public sealed class ScratchFolder : IDisposable
    {
        public ScratchFolder()
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "oav-resilience-" + Guid.NewGuid().ToString("N").Substring(0, 12));
            Directory.CreateDirectory(Path);
        }

        public string Path { get; }

        public string File(string name) => System.IO.Path.Combine(Path, name);

        /// <summary>Every file, hidden ones (a download's <c>.partial</c>) included.</summary>
        public string[] Files() => Directory.GetFiles(Path, "*", new EnumerationOptions { AttributesToSkip = 0, RecurseSubdirectories = true });

        public string Write(string name, byte[] content)
        {
            var path = File(name);
            System.IO.File.WriteAllBytes(path, content);
            return path;
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>Reports inline, in order (Progress&lt;T&gt; would post to the thread pool and reorder).</summary>
    public sealed class InlineProgress<T> : IProgress<T>
    {
        private readonly Action<T> _report;

        public InlineProgress(Action<T> report) => _report = report;

        public void Report(T value) => _report(value);
    }

    /// <summary>The repository root (the folder holding Module.sln), found from the test's output folder.</summary>
    public static class Repository
    {
        public static string Root { get; } = Find();

        private static string Find()
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                if (System.IO.File.Exists(System.IO.Path.Combine(folder.FullName, "Module.sln")))
                {
                    return folder.FullName;
                }
            }

            throw new InvalidOperationException("Module.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
