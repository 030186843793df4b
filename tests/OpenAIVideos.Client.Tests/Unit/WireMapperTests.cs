using System;
using System.Collections.Generic;
using System.Text.Json;
using OpenAIVideos.Client.Serialization;

namespace OpenAIVideos.Client.Tests.Unit
{
    public class WireMapperTests
    {
        private static Video Parse(string json) => WireMapper.ToVideo(JsonSerializer.Deserialize(json, WireJsonContext.Default.VideoWire)!);

        [Fact]
        public void Every_API_field_is_mapped_and_timestamps_become_DateTimeOffset()
        {
            var video = Parse("""
                {"id":"video_1","object":"video","model":"sora-2","status":"completed","progress":100,"created_at":1700000000,
                 "completed_at":1700000100,"expires_at":1700003700,"prompt":"a fox","size":"720x1280","seconds":"8",
                 "remixed_from_video_id":"video_0","error":null}
                """);
            Assert.Equal("video_1", video.Id);
            Assert.Equal("completed", video.Status);
            Assert.Equal(100, video.Progress);
            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), video.CreatedAt);
            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000100), video.CompletedAt);
            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700003700), video.ExpiresAt);
            Assert.Equal("8", video.Seconds);
            Assert.Equal(TimeSpan.FromSeconds(8), video.Duration);
            Assert.Equal("video_0", video.RemixedFromVideoId);
            Assert.Null(video.Error);
            Assert.Equal("video_1", video.ToString());
            Assert.Empty(video.AdditionalProperties);
        }

        [Fact]
        public void Unknown_fields_are_kept_as_plain_values()
        {
            var video = Parse("""{"id":"v","status":"queued","quality":"high","outputs":{"cost":0.4,"video_url":"https://x/y.mp4"},"tags":[1,"a",true],"n":null}""");
            Assert.Equal("high", video.AdditionalProperties["quality"]);
            var outputs = Assert.IsType<Dictionary<string, object?>>(video.AdditionalProperties["outputs"]);
            Assert.Equal(0.4, outputs["cost"]);
            Assert.Equal(new List<object?> { 1L, "a", true }, video.AdditionalProperties["tags"]);
            Assert.True(video.AdditionalProperties.ContainsKey("n"));
        }

        [Fact]
        public void Gateway_liberties_are_tolerated()
        {
            var video = Parse("""{"id":"v","status":"processing","progress":42.6,"created_at":"2026-11-20T10:00:00Z","seconds":5,"size":null,"completed_at":1700000000.5}""");
            Assert.Equal("processing", video.Status);
            Assert.False(video.IsTerminal);
            Assert.Equal(43, video.Progress);
            Assert.Equal(new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero), video.CreatedAt);
            Assert.Equal("5", video.Seconds);
            Assert.Null(video.Size);
            Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1700000000500), video.CompletedAt);
        }

        [Fact]
        public void A_failed_video_carries_its_error()
        {
            var video = Parse("""{"id":"v","status":"failed","error":{"code":"moderation_blocked","message":"Blocked."},"seconds":null}""");
            Assert.True(video.IsTerminal);
            Assert.True(VideoStatus.IsFailure(video.Status));
            Assert.Equal("moderation_blocked", video.Error!.Code);
            Assert.Null(video.Seconds);
            Assert.Null(video.Duration);
        }
    }
}
