namespace OpenAIVideos.Client
{
    /// <summary>The stable error identifiers scripts can match on; one list so the cmdlets, docs and tests agree.</summary>
    public static class VideoErrorIds
    {
        /// <summary>400: the request was malformed or a value is not allowed.</summary>
        public const string InvalidRequest = "InvalidRequest";

        /// <summary>A value was refused before anything was sent.</summary>
        public const string InvalidArgument = "InvalidArgument";

        /// <summary>401: the key is missing or wrong.</summary>
        public const string AuthenticationFailed = "AuthenticationFailed";

        /// <summary>403: the key may not do this.</summary>
        public const string PermissionDenied = "PermissionDenied";

        /// <summary>404 for a video.</summary>
        public const string VideoNotFound = "VideoNotFound";

        /// <summary>404 for a character.</summary>
        public const string CharacterNotFound = "CharacterNotFound";

        /// <summary>404 for anything else (usually a wrong base URL).</summary>
        public const string NotFound = "NotFound";

        /// <summary>The video is not completed (or not finished) yet for this operation.</summary>
        public const string VideoNotReady = "VideoNotReady";

        /// <summary>The video's downloadable content has expired.</summary>
        public const string ContentExpired = "ContentExpired";

        /// <summary>409.</summary>
        public const string Conflict = "Conflict";

        /// <summary>422.</summary>
        public const string Unprocessable = "Unprocessable";

        /// <summary>413: body or upload too large.</summary>
        public const string PayloadTooLarge = "PayloadTooLarge";

        /// <summary>429 after every retry.</summary>
        public const string RateLimited = "RateLimited";

        /// <summary>429 for exhausted quota (not retried).</summary>
        public const string QuotaExceeded = "QuotaExceeded";

        /// <summary>5xx after every retry.</summary>
        public const string ServerError = "ServerError";

        /// <summary>No connection could be made or it broke.</summary>
        public const string ConnectionFailed = "ConnectionFailed";

        /// <summary>No response within the request timeout.</summary>
        public const string RequestTimedOut = "RequestTimedOut";

        /// <summary>The answer was not the API's JSON (an HTML proxy page, plain text, truncated JSON).</summary>
        public const string InvalidResponse = "InvalidResponse";

        /// <summary>OpenAI's own host no longer serves the Videos API.</summary>
        public const string ApiRetired = "ApiRetired";

        /// <summary>A create was accepted but its answer was lost; it is not re-sent, to avoid paying twice.</summary>
        public const string ResponseLost = "ResponseLost";

        /// <summary>Downloaded content was not of the variant's type.</summary>
        public const string ContentTypeMismatch = "ContentTypeMismatch";

        /// <summary>The destination file exists and overwriting was not allowed.</summary>
        public const string FileExists = "FileExists";

        /// <summary>Writing the destination failed.</summary>
        public const string WriteFailed = "WriteFailed";

        /// <summary>The job ended failed; <c>ApiErrorCode</c> holds the API's code.</summary>
        public const string VideoFailed = "VideoFailed";

        /// <summary>The job did not finish within the wait's timeout.</summary>
        public const string WaitTimedOut = "WaitTimedOut";

        /// <summary>The chosen server kind (<c>-Server</c>) lacks the operation or content variant; nothing was sent.</summary>
        public const string OperationNotSupported = "OperationNotSupported";

        /// <summary>The chosen server does not take a New-Video parameter (e.g. -NegativePrompt on OpenRouter); nothing was sent.</summary>
        public const string ParameterNotSupported = "ParameterNotSupported";

        /// <summary>The job ended <c>cancelled</c> (by the server, or by someone else).</summary>
        public const string VideoCancelled = "VideoCancelled";

        /// <summary>The job ended <c>expired</c>: it or its result is gone.</summary>
        public const string VideoExpired = "VideoExpired";

        /// <summary>The operation was cancelled (Ctrl+C).</summary>
        public const string OperationCancelled = "OperationCancelled";
    }
}
