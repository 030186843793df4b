using System;
using System.Collections.Generic;
using System.Text;
using OpenAIVideos.Client;
using OpenAIVideos.Client.Batch;
using OpenAIVideos.Commands.Connection;

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
            [VideoErrorIds.InvalidArgument] = "Correct the value named in the message and run it again.",
            [VideoErrorIds.Conflict] = "The video is busy or in the wrong state for this; check it with Get-Video and try again.",
            [VideoErrorIds.Unprocessable] = "The server understood the request but cannot do it: check the values the message names.",
            [VideoErrorIds.PayloadTooLarge] = "Send a smaller file: shorten or compress the video or image.",
            [VideoErrorIds.InvalidResponse] = "Check that the base URI points at a Videos API server (Get-OpenAIVideoConnection) and -Server names its kind.",
            [VideoErrorIds.ContentTypeMismatch] = "Check -Variant, and that -Server names the kind of server; nothing was saved.",
            [VideoErrorIds.WriteFailed] = "Check that the folder exists, is writable and has space; nothing was left behind.",
            [VideoErrorIds.OperationNotSupported] = "This server does not offer it; use a server that does, or -Server if its kind was guessed wrong.",
            [VideoErrorIds.OperationCancelled] = "Run it again when ready; nothing was left half done.",
            [BatchErrorIds.InvalidBatchItem] = "Correct the item (each needs a Prompt); the other items go on.",
            [BatchErrorIds.JournalUnavailable] = "Give -JournalPath a writable file, or close what holds it.",
            [ConnectionResolver.ApiKeyMissingErrorId] = "Connect-OpenAIVideo -ApiKey (Read-Host -AsSecureString), or set $env:OPENAI_API_KEY.",
            [InvalidConnectionParameterId] = "Check -BaseUri (an absolute http or https URL), -ApiKey and -Server; Get-Help Connect-OpenAIVideo shows examples.",
            [PathNotFolderId] = "Give an existing folder as -Path, or ask for one -Variant when -Path is a file name.",
        };

        /// <summary>A connection parameter (-BaseUri, -ApiKey, -Server) was refused before anything was sent.</summary>
        public const string InvalidConnectionParameterId = "InvalidConnectionParameter";

        /// <summary>-Path names a file where a folder is needed (several variants).</summary>
        public const string PathNotFolderId = "PathNotFolder";

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
            return new VideoErrorReport(exception.ErrorId, exception.Category.ToString(), target, MessageOf(exception), ActionFor(exception.ErrorId));
        }

        /// <summary>A report for an error raised in this layer (bad argument, missing key); the advice defaults to the id's.</summary>
        public static VideoErrorReport Of(string errorId, VideoErrorCategory category, string message, object? target, string? recommendedAction = null) =>
            new VideoErrorReport(errorId, category.ToString(), target, message, recommendedAction ?? ActionFor(errorId));

        /// <summary>
        /// A report for a refused argument: its message without .NET's <c>(Parameter 'value')</c> suffix, which names a
        /// variable of our code, not anything the user typed.
        /// </summary>
        public static VideoErrorReport FromArgument(string errorId, Exception exception, object? target) =>
            Of(errorId, VideoErrorCategory.InvalidArgument, CleanMessage(exception ?? throw new ArgumentNullException(nameof(exception))), target);

        /// <summary>The exception's message; for an ArgumentException, without the parameter-name suffix .NET appends.</summary>
        public static string CleanMessage(Exception exception)
        {
            var message = exception.Message;
            if (exception is ArgumentException { ParamName: { Length: > 0 } name })
            {
                var suffix = $" (Parameter '{name}')";
                var at = message.LastIndexOf(suffix, StringComparison.Ordinal);
                if (at >= 0)
                {
                    message = message.Remove(at, suffix.Length);
                }

                // .NET Framework (Windows PowerShell) puts it on a line of its own instead.
                message = message.Replace(Environment.NewLine + "Parameter name: " + name, string.Empty);
            }

            return message;
        }

        private static string? ActionFor(string errorId) => Actions.TryGetValue(errorId, out var action) ? action : null;

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
