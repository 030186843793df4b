using System;
using System.Threading.Tasks;

namespace OpenAIVideos.Emulator.Tests
{
    /// <summary>The job lifecycle follows the (manual) clock: no sleeping anywhere.</summary>
    public sealed class LifecycleTests
    {
        [Fact]
        public async Task Queued_then_in_progress_then_completed_as_the_clock_moves()
        {
            await using var host = await TestHost.StartAsync(options => options.PollAfterMs = 1500);
            string id = await host.CreateAsync();

            host.Clock.Advance(TestHost.Duration * 0.05);
            var queued = await host.GetAsync($"videos/{id}");
            Assert.Equal("queued", queued.Body.GetProperty("status").GetString());
            Assert.Equal(0, queued.Body.GetProperty("progress").GetInt32());
            Assert.Equal("1500", string.Join(",", queued.Response.Headers.GetValues("openai-poll-after-ms")));

            host.Clock.Advance(TestHost.Duration * 0.50);
            var running = await host.GetAsync($"videos/{id}");
            Assert.Equal("in_progress", running.Body.GetProperty("status").GetString());
            Assert.InRange(running.Body.GetProperty("progress").GetInt32(), 40, 60);

            host.Clock.Advance(TestHost.Duration * 0.45);
            var done = await host.GetAsync($"videos/{id}");
            Assert.Equal("completed", done.Body.GetProperty("status").GetString());
            Assert.Equal(100, done.Body.GetProperty("progress").GetInt32());
            long completedAt = done.Body.GetProperty("completed_at").GetInt64();
            Assert.Equal(completedAt + 3600, done.Body.GetProperty("expires_at").GetInt64());
            Assert.False(done.Response.Headers.Contains("openai-poll-after-ms"));
        }

        [Fact]
        public async Task Fail_marker_fails_half_way_with_moderation_blocked()
        {
            await using var host = await TestHost.StartAsync();
            string id = await host.CreateAsync("{\"prompt\":\"cat [emulator:fail]\"}");
            host.Clock.Advance(TestHost.Duration * 0.4);
            Assert.Equal("in_progress", (await host.GetAsync($"videos/{id}")).Body.GetProperty("status").GetString());
            host.Clock.Advance(TestHost.Duration * 0.2);
            var failed = await host.GetAsync($"videos/{id}");
            Assert.Equal("failed", failed.Body.GetProperty("status").GetString());
            Assert.Equal("moderation_blocked", failed.Body.GetProperty("error").GetProperty("code").GetString());
            int progress = failed.Body.GetProperty("progress").GetInt32();
            Assert.InRange(progress, 1, 99);
            host.Clock.Advance(TestHost.Duration);
            Assert.Equal(progress, (await host.GetAsync($"videos/{id}")).Body.GetProperty("progress").GetInt32());
        }

        [Fact]
        public async Task Test_hooks_complete_and_fail_only_unfinished_videos()
        {
            await using var host = await TestHost.StartAsync();
            string done = await host.CreateAsync();
            Assert.True(host.Emulator.CompleteNow(done));
            Assert.False(host.Emulator.FailNow(done, "x", "y"));
            Assert.Equal("completed", (await host.GetAsync($"videos/{done}")).Body.GetProperty("status").GetString());

            string failed = await host.CreateAsync();
            Assert.True(host.Emulator.FailNow(failed, "internal_error", "boom"));
            var body = (await host.GetAsync($"videos/{failed}")).Body;
            Assert.Equal("failed", body.GetProperty("status").GetString());
            Assert.Equal("boom", body.GetProperty("error").GetProperty("message").GetString());
            Assert.False(host.Emulator.CompleteNow("video_missing"));
        }
    }
}
