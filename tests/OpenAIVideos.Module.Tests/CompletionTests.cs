using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OpenAIVideos.Commands.Completion;

namespace OpenAIVideos.Module.Tests
{
    public sealed class CompletionTests
    {
        [Fact]
        public void CandidatesMatchByPrefixIgnoringCaseAndQuotes()
        {
            Assert.Equal(new[] { "sora-2-pro", "sora-2-pro-2025-10-06" }, CompletionCandidates.Match(CompletionCandidates.Models, "SORA-2-P").Select(c => c.CompletionText));
            Assert.Equal(new[] { "1280x720" }, CompletionCandidates.Match(CompletionCandidates.Sizes, "'12").Select(c => c.CompletionText));
            Assert.Equal(5, CompletionCandidates.Match(CompletionCandidates.Models, "").Count);
            Assert.Equal(6, CompletionCandidates.Sizes.Count);
            Assert.Equal(new[] { "4", "8", "12", "16", "20" }, CompletionCandidates.Seconds);
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
        public void ASlowSourceReturnsWithinTheWaitAndFillsTheCacheLater()
        {
            var release = new TaskCompletionSource<bool>();
            var cache = new VideoIdCache(async token =>
            {
                await release.Task.WaitAsync(token);
                return new[] { new Video { Id = "video_late" } };
            }, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(200));
            var clock = Stopwatch.StartNew();
            Assert.Empty(cache.Get());
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1.5), $"Took {clock.Elapsed}.");
            release.SetResult(true);
            var deadline = DateTime.UtcNow.AddSeconds(5);
            IReadOnlyList<Video> videos;
            do
            {
                Thread.Sleep(20);
                videos = cache.Get();
            }
            while (videos.Count == 0 && DateTime.UtcNow < deadline);
            Assert.Equal("video_late", videos.Single().Id);
        }
    }
}
