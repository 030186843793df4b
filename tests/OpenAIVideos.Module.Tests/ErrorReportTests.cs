using OpenAIVideos.Client;
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
    }
}
