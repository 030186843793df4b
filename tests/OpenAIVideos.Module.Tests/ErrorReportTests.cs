using System;
using System.Linq;
using System.Reflection;
using OpenAIVideos.Client;
using OpenAIVideos.Client.Batch;
using OpenAIVideos.Commands.Errors;

namespace OpenAIVideos.Module.Tests
{
    public sealed class ErrorReportTests
    {
        [Theory]
        [InlineData(VideoErrorIds.VideoNotFound, VideoErrorCategory.ObjectNotFound, "ObjectNotFound")]
        [InlineData(VideoErrorIds.AuthenticationFailed, VideoErrorCategory.AuthenticationError, "AuthenticationError")]
        [InlineData(VideoErrorIds.RateLimited, VideoErrorCategory.LimitsExceeded, "LimitsExceeded")]
        [InlineData(VideoErrorIds.VideoFailed, VideoErrorCategory.InvalidResult, "InvalidResult")]
        [InlineData(VideoErrorIds.WaitTimedOut, VideoErrorCategory.OperationTimeout, "OperationTimeout")]
        [InlineData(VideoErrorIds.FileExists, VideoErrorCategory.ResourceExists, "ResourceExists")]
        [InlineData(VideoErrorIds.ApiRetired, VideoErrorCategory.ResourceUnavailable, "ResourceUnavailable")]
        public void ErrorIdAndCategoryComeFromTheException(string errorId, VideoErrorCategory category, string expectedName)
        {
            var report = VideoErrorReport.From(new VideoApiException(errorId, category, "It went wrong."));
            Assert.Equal(errorId, report.ErrorId);
            Assert.Equal(expectedName, report.CategoryName);
            Assert.False(string.IsNullOrEmpty(report.RecommendedAction));
        }

        [Fact]
        public void TheTargetIsTheVideoWhenKnownElseTheIdElseTheFallback()
        {
            var video = new Video { Id = "video_1", Status = "failed" };
            Assert.Same(video, VideoErrorReport.From(new VideoApiException("X", VideoErrorCategory.NotSpecified, "m") { Video = video, VideoId = "video_1" }, "fallback").Target);
            Assert.Equal("video_2", VideoErrorReport.From(new VideoApiException("X", VideoErrorCategory.NotSpecified, "m") { VideoId = "video_2" }, "fallback").Target);
            Assert.Equal("fallback", VideoErrorReport.From(new VideoApiException("X", VideoErrorCategory.NotSpecified, "m"), "fallback").Target);
        }

        [Fact]
        public void TheMessageCarriesTheApisMessageCodeAndRequestIdOnce()
        {
            var exception = new VideoApiException(VideoErrorIds.InvalidRequest, VideoErrorCategory.InvalidArgument, "The server refused the request.")
            {
                ApiMessage = "size must be 720x1280",
                ApiErrorCode = "invalid_size",
                RequestId = "req_123",
            };
            var message = VideoErrorReport.From(exception).Message;
            Assert.Contains("The server refused the request.", message);
            Assert.Contains("size must be 720x1280", message);
            Assert.Contains("invalid_size", message);
            Assert.Contains("req_123", message);

            var failed = VideoJobPoller.JobFailed(new Video { Id = "video_9", Status = "failed", Error = new VideoError { Code = "moderation_blocked", Message = "Blocked." } });
            var failedMessage = VideoErrorReport.From(failed).Message;
            Assert.Equal(1, CountOf(failedMessage, "moderation_blocked"));
            Assert.Equal(VideoErrorIds.VideoFailed, VideoErrorReport.From(failed).ErrorId);
        }

        private static int CountOf(string text, string part)
        {
            var count = 0;
            for (var i = text.IndexOf(part, System.StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, System.StringComparison.Ordinal))
            {
                count++;
            }

            return count;
        }

        [Fact]
        public void Every_stable_error_id_comes_with_a_recommended_action()
        {
            var ids = new[] { typeof(VideoErrorIds), typeof(BatchErrorIds) }
                .SelectMany(type => type.GetFields(BindingFlags.Public | BindingFlags.Static))
                .Where(field => field.IsLiteral && field.FieldType == typeof(string))
                .Select(field => (string)field.GetRawConstantValue()!)
                .ToArray();
            Assert.True(ids.Length > 20, $"only {ids.Length} ids found");
            Assert.All(ids, id =>
                Assert.False(string.IsNullOrEmpty(VideoErrorReport.From(new VideoApiException(id, VideoErrorCategory.NotSpecified, "m")).RecommendedAction), id));
            Assert.All(new[] { VideoErrorReport.InvalidConnectionParameterId, VideoErrorReport.PathNotFolderId, "ApiKeyMissing" }, id =>
                Assert.False(string.IsNullOrEmpty(VideoErrorReport.Of(id, VideoErrorCategory.InvalidArgument, "m", null).RecommendedAction), id));
        }

        [Fact]
        public void A_refused_argument_reads_without_the_name_of_our_own_parameter()
        {
            var refused = Assert.Throws<ArgumentException>(() => VideoClientOptions.ParseBaseUri("ftp://example.com/v1"));
            Assert.Contains("(Parameter 'value')", refused.Message);

            var report = VideoErrorReport.FromArgument(VideoErrorReport.InvalidConnectionParameterId, refused, "ftp://example.com/v1");
            Assert.DoesNotContain("(Parameter", report.Message);
            Assert.EndsWith("https://NAME.openai.azure.com/openai/v1.", report.Message);
            Assert.Equal("InvalidArgument", report.CategoryName);
            Assert.False(string.IsNullOrEmpty(report.RecommendedAction));
            Assert.Equal("plain", VideoErrorReport.CleanMessage(new InvalidOperationException("plain")));
        }
    }
}
