using System;
using System.Collections.Generic;
using System.Text;
using OpenAIVideos.Client;

namespace OpenAIVideos.Commands.Errors
{
    /// <summary>
    /// Everything a PowerShell <c>ErrorRecord</c> is built from, worked out without PowerShell types so it can be
    /// tested: the error id, the category's name (members of <see cref="VideoErrorCategory"/> are named like
    /// PowerShell's <c>ErrorCategory</c>), the target, the message shown and the recommended action.
    /// </summary>
    public sealed class VideoErrorReport
    {
        private static readonly Dictionary<string, string> Actions = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [VideoErrorIds.AuthenticationFailed] = "Check the key: Connect-OpenAIVideo -ApiKey (Read-Host -AsSecureString), or set $env:OPENAI_API_KEY.",
            [VideoErrorIds.PermissionDenied] = "Use a key (or project, -Project) that is allowed to use the Videos API.",
            [VideoErrorIds.VideoNotFound] = "Check the id; Get-Video lists the videos that exist.",
            [VideoErrorIds.CharacterNotFound] = "Check the character id.",
            [VideoErrorIds.NotFound] = "Check the base URI (Get-OpenAIVideoConnection); it should end with the API version, e.g. /v1.",
            [VideoErrorIds.VideoNotReady] = "Wait for the video first: Wait-Video, or -Wait.",
            [VideoErrorIds.ContentExpired] = "The content has expired; generate the video again.",
            [VideoErrorIds.RateLimited] = "Wait a little and run it again, or raise -MaxRetries.",
            [VideoErrorIds.QuotaExceeded] = "Check the account's plan and billing.",
            [VideoErrorIds.ServerError] = "Run it again later; quote the request id to the server's operator if it persists.",
            [VideoErrorIds.ConnectionFailed] = "Check the base URI and the network (Get-OpenAIVideoConnection).",
            [VideoErrorIds.RequestTimedOut] = "Run it again, or raise the timeout: Connect-OpenAIVideo -TimeoutSec.",
            [VideoErrorIds.ApiRetired] = "Point the module at another server: Connect-OpenAIVideo -BaseUri <url>, -Azure or -Emulator.",
            [VideoErrorIds.ResponseLost] = "Do not simply re-run (it may be billed twice): list with Get-Video to see whether the job exists.",
            [VideoErrorIds.FileExists] = "Use -Force to overwrite, or another -Path.",
            [VideoErrorIds.VideoFailed] = "Read the error code; for moderation_blocked, change the prompt or the reference image.",
            [VideoErrorIds.VideoCancelled] = "The job was cancelled on the server; create it again if it is still wanted.",
            [VideoErrorIds.VideoExpired] = "The job or its result expired on the server; create it again.",
            [VideoErrorIds.ParameterNotSupported] = "Leave the parameter out for this server, or pass the server's own field in -AdditionalProperties.",
            [VideoErrorIds.WaitTimedOut] = "The job goes on running: Wait-Video again, or raise -TimeoutSec.",
            [VideoErrorIds.InvalidRequest] = "Check the parameter the server named.",
        };

        private VideoErrorReport(string errorId, string categoryName, object? target, string message, string? recommendedAction)
        {
            ErrorId = errorId;
            CategoryName = categoryName;
            Target = target;
            Message = message;
            RecommendedAction = recommendedAction;
        }

        /// <summary>The FullyQualifiedErrorId's first part, e.g. <c>VideoNotFound</c>.</summary>
        public string ErrorId { get; }

        /// <summary>The name of the PowerShell <c>ErrorCategory</c> member.</summary>
        public string CategoryName { get; }

        /// <summary>The video when known, else the id concerned, else null.</summary>
        public object? Target { get; }

        /// <summary>The message shown to the user: the engine's sentence plus the API's code and request id.</summary>
        public string Message { get; }

        /// <summary>What to do about it, when there is advice to give.</summary>
        public string? RecommendedAction { get; }

        /// <summary>The report for an engine error; <paramref name="fallbackTarget"/> is used when it names no video.</summary>
        public static VideoErrorReport From(VideoApiException exception, object? fallbackTarget = null)
        {
            if (exception is null)
            {
                throw new ArgumentNullException(nameof(exception));
            }

            object? target = (object?)exception.Video ?? exception.VideoId ?? fallbackTarget;
            Actions.TryGetValue(exception.ErrorId, out var action);
            return new VideoErrorReport(exception.ErrorId, exception.Category.ToString(), target, MessageOf(exception), action);
        }

        /// <summary>A report for an error raised in this layer (bad argument, missing key).</summary>
        public static VideoErrorReport Of(string errorId, VideoErrorCategory category, string message, object? target, string? recommendedAction = null) =>
            new VideoErrorReport(errorId, category.ToString(), target, message, recommendedAction);

        private static string MessageOf(VideoApiException exception)
        {
            var text = new StringBuilder(exception.Message);
            if (!string.IsNullOrEmpty(exception.ApiMessage) && exception.Message.IndexOf(exception.ApiMessage!, StringComparison.Ordinal) < 0)
            {
                text.Append(" Server: ").Append(exception.ApiMessage);
            }

            if (!string.IsNullOrEmpty(exception.ApiErrorCode) && exception.Message.IndexOf(exception.ApiErrorCode!, StringComparison.Ordinal) < 0)
            {
                text.Append(" (code: ").Append(exception.ApiErrorCode).Append(')');
            }

            if (!string.IsNullOrEmpty(exception.RequestId))
            {
                text.Append(" [request id: ").Append(exception.RequestId).Append(']');
            }

            return text.ToString();
        }
    }
}
