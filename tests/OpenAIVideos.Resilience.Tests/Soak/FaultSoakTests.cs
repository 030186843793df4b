using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using OpenAIVideos.Emulator;
using OpenAIVideos.Emulator.Faults;
using OpenAIVideos.Resilience.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OpenAIVideos.Resilience.Tests.Soak
{
    /// <summary>
    /// The promise: a script that creates, waits for and downloads hundreds of videos survives a flaky network and a
    /// rate-limited server, never pays twice and never leaves a broken file. See <see cref="SoakDesign"/> and
    /// docs/reliability.md.
    /// </summary>
    [Collection(SoakCollection.Name)]
    public sealed class FaultSoakTests : EmulatorFixture
    {
        private static readonly string[] Sizes = { "720x1280", "1280x720" };
        private readonly ITestOutputHelper _output;

        public FaultSoakTests(ITestOutputHelper output) => _output = output;

        protected override EmulatorOptions EmulatorOptions() => new EmulatorOptions
        {
            ApiKey = Key,
            JobDuration = SoakDesign.JobDuration,
            RequestLogCapacity = 20000,
            RequestLogBodyBytes = 512,
        };

        [Fact]
        public void The_committed_doc_describes_the_soak_this_test_runs()
        {
            if (DocSections.WriteRequested)
            {
                DocSections.Write("soak-design", SoakDesign.Markdown());
            }

            var committed = DocSections.Read("soak-design");
            Assert.True(committed is not null, $"{DocSections.DocPath} needs a soak-design section; run the tests with OPENAIVIDEOS_WRITE_DOCS=1.");
            Assert.Equal(SoakDesign.Markdown().Trim('\n'), committed);
        }

        [Fact]
        public async Task Two_hundred_jobs_survive_a_fifth_of_responses_faulted()
        {
            var seed = int.TryParse(Environment.GetEnvironmentVariable("OPENAIVIDEOS_SOAK_SEED"), out var given) ? given : SoakDesign.DefaultSeed;
            _output.WriteLine($"Seed {seed} (reproduce with OPENAIVIDEOS_SOAK_SEED={seed})");
            using var hardStop = new CancellationTokenSource(TimeSpan.FromSeconds(150)); // bounds every loop below
            var plan = new FaultPlan(Emulator.Faults, seed);
            var jobs = Enumerable.Range(0, SoakDesign.Jobs).Select(index => new SoakJob(index, seed, Sizes[index % Sizes.Length])).ToArray();
            var byId = new ConcurrentDictionary<string, SoakJob>();
            var waitFailures = new ConcurrentBag<string>();
            var downloads = new SemaphoreSlim(SoakDesign.MaxConcurrentDownloads);
            var clock = Stopwatch.StartNew();

            using var client = new VideosClient(new VideoClientOptions
            {
                BaseUri = Emulator.BaseUri,
                ApiKey = ApiKeySecret.FromPlainText(Key),
                MaxRetries = SoakDesign.MaxRetries,
                RequestTimeout = TimeSpan.FromSeconds(20),
            }, Log.Add);
            var waitOptions = new VideoWaitOptions
            {
                PollInterval = SoakDesign.PollInterval,
                MaxConcurrentPolls = SoakDesign.MaxConcurrentPolls,
                Timeout = TimeSpan.FromSeconds(90),
            };
            // Runs inline after each successful poll and before the next: the next poll of this video gets the fault.
            var polled = new InlineProgress<Video>(video =>
            {
                if (!video.IsTerminal && byId.TryGetValue(video.Id, out var job))
                {
                    plan.MaybeFault(job, "retrieve", "/v1/videos/" + video.Id, oneAtMost: true);
                }
            });

            var batches = new List<Task>();
            foreach (var batch in jobs.Chunk(SoakDesign.BatchSize))
            {
                foreach (var job in batch)
                {
                    // Creates go one at a time, so the faults queued here meet this create and no other.
                    job.CreateRetries = plan.MaybeFault(job, "create", null, oneAtMost: false);
                    var video = await client.CreateAsync(new VideoCreateRequest { Prompt = $"soak job {job.Index}: a kite over dunes", Size = job.Size }, hardStop.Token);
                    job.VideoId = video.Id;
                    Assert.True(byId.TryAdd(video.Id, job), $"The id {video.Id} was returned twice.");
                }

                batches.Add(Task.Run(() => WaitAndDownloadAsync(batch), hardStop.Token));
            }

            await Task.WhenAll(batches);
            var elapsed = clock.Elapsed;

            // What was served, before anything else is asked of the emulator.
            var stats = Emulator.Statistics;
            var totalRequests = stats.TotalRequests;
            var requestsByOperation = stats.RequestsByOperation;
            var injected = stats.FaultsInjected;
            var retries = Log.Count("Retrying after");
            var resumes = Log.Count("The download broke after");
            var createLog = Emulator.RequestLog.Entries.Where(entry => entry.Method == "POST" && entry.PathAndQuery == "/v1/videos").ToList();
            var pending = Emulator.Faults.PendingRules;
            Report(seed, elapsed, totalRequests, requestsByOperation, injected, plan, retries, resumes);

            // Every job completed.
            Assert.Empty(waitFailures);
            Assert.All(jobs, job => Assert.Equal(VideoStatus.Completed, job.FinalStatus));

            // Exactly the expected files, nothing partial or temporary.
            var expectedNames = jobs.SelectMany(job => VideoContentVariant.Known.Select(variant => FileName(job, variant))).OrderBy(name => name, StringComparer.Ordinal).ToArray();
            var actualNames = Scratch.Files().Select(Path.GetFileName).OrderBy(name => name, StringComparer.Ordinal).ToArray();
            Assert.Equal(SoakDesign.Jobs * 3, expectedNames.Length);
            Assert.Equal(expectedNames, actualNames);

            // No create paid twice; each create's retries were the same request.
            Assert.Equal(SoakDesign.Jobs, stats.VideosCreated);
            Assert.Equal(SoakDesign.Jobs, byId.Count);
            Assert.Equal(0, stats.IdempotentReplays);
            var attemptsByKey = createLog.GroupBy(entry => entry.Headers.TryGetValue("Idempotency-Key", out var key) ? key : "(none)").ToDictionary(group => group.Key, group => group.Count());
            Assert.DoesNotContain("(none)", attemptsByKey.Keys);
            Assert.Equal(SoakDesign.Jobs, attemptsByKey.Count);
            Assert.Equal(jobs.Select(job => 1 + job.CreateRetries).OrderBy(n => n), attemptsByKey.Values.OrderBy(n => n));

            // Every planned fault happened, of every kind.
            Assert.True(pending == 0, $"{pending} fault rules were never used.");
            foreach (var kind in Enum.GetValues<FaultKind>())
            {
                Assert.Equal(plan.PlannedOf(kind), injected.TryGetValue(kind, out var count) ? count : 0);
            }

            Assert.All(Enum.GetValues<SoakFault>(), fault => Assert.True(plan.Planned(fault) > 0, $"The plan never injected {fault}."));
            var faultRate = (double)plan.Total / totalRequests;
            Assert.InRange(faultRate, 0.12, 0.30);

            // The retry headers were honoured (the transport logs each retry's delay).
            var delays429 = Log.Lines.Where(line => line.StartsWith("Retrying after HTTP 429", StringComparison.Ordinal)).Select(DelayOf).ToList();
            Assert.Contains(1.0, delays429);
            Assert.Contains(SoakDesign.RetryAfterMs / 1000.0, delays429);
            Assert.Contains(delays429, delay => delay > 1.0 && delay <= 2.0);

            // The key never reached the log.
            Assert.DoesNotContain(Log.Lines, line => line.Contains(Key, StringComparison.Ordinal));

            // Every file is byte-identical to what the emulator serves for it (fetched again, faults cleared).
            Emulator.Faults.Clear();
            using var direct = Emulator.CreateHttpClient();
            using var fetches = new SemaphoreSlim(8);
            await Task.WhenAll(jobs.SelectMany(job => VideoContentVariant.Known.Select(async variant =>
            {
                await fetches.WaitAsync(hardStop.Token);
                try
                {
                    var served = await direct.GetByteArrayAsync($"videos/{job.VideoId}/content?variant={variant.Name}", hardStop.Token);
                    var written = await File.ReadAllBytesAsync(Scratch.File(FileName(job, variant)), hardStop.Token);
                    Assert.True(served.Length > 0);
                    Assert.Equal(Convert.ToHexString(SHA256.HashData(served)), Convert.ToHexString(SHA256.HashData(written)));
                }
                finally
                {
                    fetches.Release();
                }
            })));

            if (DocSections.WriteRequested)
            {
                DocSections.Write("soak-results", Results(seed, elapsed, totalRequests, requestsByOperation, injected, plan, retries, resumes, stats.VideosCreated, stats.IdempotentReplays));
            }

            async Task WaitAndDownloadAsync(SoakJob[] batch)
            {
                foreach (var job in batch)
                {
                    plan.MaybeFault(job, "retrieve", "/v1/videos/" + job.VideoId, oneAtMost: true);
                }

                var transfers = new List<Task>();
                await foreach (var outcome in client.Poller.WaitAllAsync(batch.Select(job => job.VideoId!), waitOptions, polled, hardStop.Token))
                {
                    var job = byId[outcome.VideoId];
                    job.FinalStatus = outcome.Video?.Status;
                    if (!outcome.Succeeded)
                    {
                        waitFailures.Add($"{outcome.VideoId}: {outcome.Error}");
                        continue;
                    }

                    transfers.Add(DownloadAllAsync(job));
                }

                await Task.WhenAll(transfers);
            }

            async Task DownloadAllAsync(SoakJob job)
            {
                await downloads.WaitAsync(hardStop.Token);
                try
                {
                    foreach (var variant in VideoContentVariant.Known)
                    {
                        // Variants go one after another, so this fault meets this variant's first request.
                        plan.MaybeFault(job, "content", $"/v1/videos/{job.VideoId}/content", oneAtMost: false);
                        await client.DownloadContentToFileAsync(job.VideoId!, variant, Scratch.File(FileName(job, variant)), overwrite: false, cancellationToken: hardStop.Token);
                    }
                }
                finally
                {
                    downloads.Release();
                }
            }
        }

        private static string FileName(SoakJob job, VideoContentVariant variant) =>
            $"{job.Index:000}-{variant.Name}{variant.FileExtension}";

        private static double DelayOf(string line)
        {
            var match = Regex.Match(line, @" in (?<seconds>[0-9.]+) s\.$");
            return match.Success ? double.Parse(match.Groups["seconds"].Value, CultureInfo.InvariantCulture) : double.NaN;
        }

        private void Report(int seed, TimeSpan elapsed, long totalRequests, IReadOnlyDictionary<string, long> byOperation,
            IReadOnlyDictionary<FaultKind, long> injected, FaultPlan plan, int retries, int resumes)
        {
            _output.WriteLine($"Jobs {SoakDesign.Jobs}, wall time {elapsed.TotalSeconds:0.0} s");
            _output.WriteLine($"Requests {totalRequests}: " + string.Join(", ", byOperation.OrderBy(pair => pair.Key).Select(pair => $"{pair.Key} {pair.Value}")));
            _output.WriteLine($"Faults injected {plan.Total} ({(double)plan.Total / totalRequests:P1}): " + string.Join(", ", Enum.GetValues<SoakFault>().Select(fault => $"{fault} {plan.Planned(fault)}")));
            _output.WriteLine("By emulator kind: " + string.Join(", ", injected.OrderBy(pair => pair.Key).Select(pair => $"{pair.Key} {pair.Value}")));
            _output.WriteLine("By operation: " + string.Join(", ", plan.ByOperation.OrderBy(pair => pair.Key).Select(pair => $"{pair.Key} {pair.Value}")));
            _output.WriteLine($"Client retries {retries} (transport), download resumes {resumes}");
        }

        private static string Results(int seed, TimeSpan elapsed, long totalRequests, IReadOnlyDictionary<string, long> byOperation,
            IReadOnlyDictionary<FaultKind, long> injected, FaultPlan plan, int retries, int resumes, long created, long replays)
        {
            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"Last recorded run (seed {seed}, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}). ")
                .Append("Counts are fixed by the seed but for polls, which depend on timing; the wall time is indicative only, and not checked.\n\n")
                .Append("| Figure | Value |\n|---|---|\n")
                .Append(CultureInfo.InvariantCulture, $"| Jobs completed | {SoakDesign.Jobs} of {SoakDesign.Jobs} |\n")
                .Append(CultureInfo.InvariantCulture, $"| Files written | {SoakDesign.Jobs * 3}, all byte-identical to the emulator's, no temporary file left |\n")
                .Append(CultureInfo.InvariantCulture, $"| Requests served | {totalRequests} ({string.Join(", ", byOperation.OrderBy(pair => pair.Key).Select(pair => $"{pair.Key} {pair.Value}"))}) |\n")
                .Append(CultureInfo.InvariantCulture, $"| Faults injected | {plan.Total} ({(double)plan.Total / totalRequests:P1} of requests; {string.Join(", ", plan.ByOperation.OrderBy(pair => pair.Key).Select(pair => $"{pair.Key} {pair.Value}"))}) |\n")
                .Append(CultureInfo.InvariantCulture, $"| Transport retries | {retries} |\n")
                .Append(CultureInfo.InvariantCulture, $"| Download resumes (Range) | {resumes} |\n")
                .Append(CultureInfo.InvariantCulture, $"| Videos created / idempotent replays | {created} / {replays} |\n")
                .Append(CultureInfo.InvariantCulture, $"| Wall time | {elapsed.TotalSeconds:0.0} s |\n\n")
                .Append("| Fault | Injected |\n|---|---|\n");
            foreach (var fault in Enum.GetValues<SoakFault>())
            {
                text.Append(CultureInfo.InvariantCulture, $"| `{fault}` | {plan.Planned(fault)} |\n");
            }

            text.Append("\nEmulator counters by kind: ")
                .Append(string.Join(", ", injected.OrderBy(pair => pair.Key).Select(pair => $"`{pair.Key}` {pair.Value}")))
                .Append(".\n");
            return text.ToString();
        }

        private sealed class SoakJob
        {
            public SoakJob(int index, int seed, string size)
            {
                Index = index;
                Size = size;
                Random = new Random(unchecked(seed * 31 + index));
            }

            public int Index { get; }
            public string Size { get; }
            public Random Random { get; }
            public string? VideoId { get; set; }
            /// <summary>Create faults that make the client send again (all but a slow answer).</summary>
            public int CreateRetries { get; set; }
            public string? FinalStatus { get; set; }
        }

        /// <summary>Draws faults from each job's own seeded stream and queues them as one-shot rules.</summary>
        private sealed class FaultPlan
        {
            private readonly FaultInjector _faults;
            private readonly ConcurrentDictionary<SoakFault, int> _planned = new ConcurrentDictionary<SoakFault, int>();
            private readonly ConcurrentDictionary<string, int> _byOperation = new ConcurrentDictionary<string, int>();

            public FaultPlan(FaultInjector faults, int seed)
            {
                _faults = faults;
                Seed = seed;
            }

            public int Seed { get; }

            public int Total => _planned.Values.Sum();

            public IReadOnlyDictionary<string, int> ByOperation => _byOperation;

            public int Planned(SoakFault fault) => _planned.TryGetValue(fault, out var count) ? count : 0;

            public long PlannedOf(FaultKind kind) => _planned.Where(pair => SoakDesign.EmulatorKind(pair.Key) == kind).Sum(pair => (long)pair.Value);

            /// <summary>
            /// With probability <see cref="SoakDesign.FaultRate"/> queues one fault (or, where allowed, now and then two
            /// in a row, still within the retry budget) for the next request of this operation and path; returns how many of them make the client send again.
            /// </summary>
            public int MaybeFault(SoakJob job, string operation, string? pathPrefix, bool oneAtMost)
            {
                var random = job.Random;
                if (random.NextDouble() >= SoakDesign.FaultRate)
                {
                    return 0;
                }

                var count = !oneAtMost && random.NextDouble() < 0.1 ? 2 : 1;
                var resends = 0;
                var allowed = operation == "create" ? SoakDesign.CreateFaults : SoakDesign.GetFaults;
                for (var i = 0; i < count; i++)
                {
                    // A slow answer is still an answer: a second fault after it would meet the next request instead.
                    var choices = i == 0 && count == 2 ? allowed.Where(kind => kind != SoakFault.SlowResponse).ToArray() : allowed;
                    var fault = choices[random.Next(choices.Length)];
                    _faults.Add(SoakDesign.Rule(fault, operation, pathPrefix, DateTimeOffset.UtcNow));
                    _planned.AddOrUpdate(fault, 1, (_, n) => n + 1);
                    _byOperation.AddOrUpdate(operation, 1, (_, n) => n + 1);
                    resends += fault == SoakFault.SlowResponse ? 0 : 1;
                }

                return resends;
            }
        }
    }

    /// <summary>The soak runs alone: its wall time and fault rate should not depend on what else the runner does.</summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class SoakCollection
    {
        public const string Name = "Soak";
    }
}
