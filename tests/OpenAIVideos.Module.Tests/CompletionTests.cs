using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OpenAIVideos.Client;
using OpenAIVideos.Commands.Completion;

namespace OpenAIVideos.Module.Tests
{
    public sealed class CompletionTests
    {
        [Fact]
        public void Model_values_come_from_the_catalogue_and_the_model_typed()
        {
            // Issue 17 item 9: sora-2 takes 4, 8 or 12 seconds and its two 720p sizes; 16 and 20 are extension lengths only.
            var generic = ServerProfile.For(ServerKind.Generic);
            Assert.Equal(new[] { "4", "8", "12" }, ModelValueSuggestions.For(generic, generic.DocumentedModels, ModelValueKind.Seconds, "sora-2"));
            Assert.Equal(new[] { "720x1280", "1280x720" }, ModelValueSuggestions.For(generic, generic.DocumentedModels, ModelValueKind.Size, "sora-2"));
            Assert.Contains("1792x1024", ModelValueSuggestions.For(generic, generic.DocumentedModels, ModelValueKind.Size, "sora-2-pro"));
            Assert.Equal(new[] { "4", "8", "12", "16", "20" }, ModelValueSuggestions.For(generic, generic.DocumentedModels, ModelValueKind.Seconds, null, forExtension: true));

            var gemini = ServerProfile.For(ServerKind.Gemini);
            Assert.Equal(new[] { "4", "6", "8" }, ModelValueSuggestions.For(gemini, gemini.DocumentedModels, ModelValueKind.Seconds, null));
            Assert.Equal(new[] { "8" }, ModelValueSuggestions.For(gemini, gemini.DocumentedModels, ModelValueKind.Seconds, null, forExtension: true));
            Assert.Equal(new[] { "16:9", "9:16" }, ModelValueSuggestions.For(gemini, gemini.DocumentedModels, ModelValueKind.AspectRatio, "veo-3.1-generate-preview"));

            // A self-hosted server's models are not known: nothing is offered rather than Sora's values.
            var vllm = ServerProfile.For(ServerKind.VllmOmni);
            Assert.Empty(ModelValueSuggestions.For(vllm, vllm.DocumentedModels, ModelValueKind.Seconds, null));
        }

        [Fact]
        public void CandidatesMatchByPrefixIgnoringCaseAndQuotes()
        {
            var generic = ServerProfile.For(ServerKind.Generic);
            var models = ModelValueSuggestions.For(generic, generic.DocumentedModels, ModelValueKind.Model, null);
            var sizes = ModelValueSuggestions.For(generic, generic.DocumentedModels, ModelValueKind.Size, null);
            Assert.Equal(new[] { "sora-2-pro", "sora-2-pro-2025-10-06" }, CompletionCandidates.Match(models, "SORA-2-P").Select(c => c.CompletionText));
            Assert.Equal(new[] { "1280x720" }, CompletionCandidates.Match(sizes, "'12").Select(c => c.CompletionText));
            Assert.Equal(5, CompletionCandidates.Match(models, "").Count);
            Assert.Equal(6, sizes.Count);
            Assert.Equal(new[] { "video", "thumbnail", "spritesheet" }, CompletionCandidates.Variants);
            Assert.Contains("in_progress", CompletionCandidates.Statuses);
            Assert.Empty(CompletionCandidates.Match(CompletionCandidates.Variants, "x"));
        }

        [Fact]
        public void VideoCandidatesShowStatusAndPromptAndQuoteWhenNeeded()
        {
            var videos = new[]
            {
                new Video { Id = "video_a1", Status = "completed", Progress = 100, Prompt = "a red fox" },
                new Video { Id = "video_b2", Status = "queued", Prompt = "a cat" },
                new Video { Id = "odd id", Status = "failed" },
            };
            var matches = CompletionCandidates.MatchVideos(videos, "video_A");
            var match = Assert.Single(matches);
            Assert.Equal("video_a1", match.CompletionText);
            Assert.Contains("completed", match.ToolTip);
            Assert.Contains("a red fox", match.ToolTip);
            Assert.Equal("'odd id'", CompletionCandidates.MatchVideos(videos, "odd").Single().CompletionText);
        }

        [Fact]
        public void TheCacheServesFreshResultsWithoutRefetching()
        {
            var now = DateTimeOffset.UtcNow;
            var calls = 0;
            var cache = new VideoIdCache(_ => { calls++; return Task.FromResult<IReadOnlyList<Video>>(new[] { new Video { Id = "video_" + calls } }); },
                TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(2), () => now);
            Assert.Equal("video_1", cache.Get().Single().Id);
            Assert.Equal("video_1", cache.Get().Single().Id);
            Assert.Equal(1, calls);
            now += TimeSpan.FromSeconds(31);
            Assert.Equal("video_2", cache.Get().Single().Id);
            Assert.Equal(2, calls);
        }

        [Fact]
        public void AFailingSourceNeverThrowsAndKeepsTheLastGoodList()
        {
            var now = DateTimeOffset.UtcNow;
            var fail = false;
            var calls = 0;
            var cache = new VideoIdCache(_ =>
            {
                calls++;
                return fail ? throw new InvalidOperationException("server down") : Task.FromResult<IReadOnlyList<Video>>(new[] { new Video { Id = "video_ok" } });
            }, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(2), () => now);
            Assert.Equal("video_ok", cache.Get().Single().Id);
            fail = true;
            now += TimeSpan.FromSeconds(31);
            Assert.Equal("video_ok", cache.Get().Single().Id);
            // A failure is not retried on every Tab press.
            Assert.Equal("video_ok", cache.Get().Single().Id);
            Assert.Equal(2, calls);
        }

        [Fact]
        public void AFailingSourceWithNothingCachedGivesAnEmptyList()
        {
            var cache = new VideoIdCache(_ => Task.FromException<IReadOnlyList<Video>>(new TimeoutException()), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(2));
            Assert.Empty(cache.Get());
        }

        [Fact]
        public async Task ASlowSourceReturnsWithinTheWaitAndFillsTheCacheLater()
        {
            // The source is deaf to its budget token and ends only when the test releases it, so the only thing that can
            // end the first Get is the cache's own 200 ms wait: a Get that waited for the source would never return. The
            // 30 s bound turns that hang into a failure; it is not a speed target (any working Get is ~150x faster).
            var release = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            var cache = new VideoIdCache(async _ =>
            {
                await release.Task;
                return new[] { new Video { Id = "video_late" } };
            }, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(200), () => DateTimeOffset.UnixEpoch);
            var first = Task.Run(cache.Get);
            Assert.Empty(await first.WaitAsync(TimeSpan.FromSeconds(30)));
            Assert.False(cache.PendingFetch.IsCompleted, "The fetch must still be running in the background.");

            release.SetResult(true);
            await cache.PendingFetch.WaitAsync(TimeSpan.FromSeconds(30));
            // The clock stands still, so this Get serves the background fetch's result rather than starting another.
            Assert.Equal("video_late", cache.Get().Single().Id);
        }
    }
}
