using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using OpenAIVideos.Client.Serialization;

namespace OpenAIVideos.Client.Transport
{
    /// <summary>
    /// Turns an error answer into a <see cref="VideoApiException"/> with a stable id, the right category, the API's
    /// own words and a sentence that says what to do.
    /// </summary>
    internal static class ApiErrorMapper
    {
        public static VideoApiException FromResponse(ApiRequest request, HttpResponseMessage response, string? body, Uri baseUri, ApiKeySecret? key)
        {
            var status = (int)response.StatusCode;
            var requestId = RequestIdOf(response);
            var error = ErrorBody.Read(body, response.Content?.Headers.ContentType?.MediaType);
            var apiMessage = error?.Message is null ? null : key is null ? error.Message : key.Redact(error.Message);
            var apiCode = error?.Code;

            if (error is null && LooksLikeNonApi(response, body))
            {
                // A proxy's error page in front of the server: for a 5xx still a server failure, retried and ridden out.
                return status >= 500 ? ServerPage(request, response, body, requestId) : NotTheApi(request, response, body, baseUri, requestId);
            }

            if ((status == 404 || status == 410) && IsOpenAIHost(baseUri) && request.Path.StartsWith("videos", StringComparison.Ordinal))
            {
                return new VideoApiException(VideoErrorIds.ApiRetired, VideoErrorCategory.ResourceUnavailable,
                    "OpenAI retired its Videos API on 2026-09-24, so api.openai.com no longer serves /videos. Point the module at a server "
                    + "that still speaks it: Azure OpenAI (Connect-OpenAIVideo -Azure -BaseUri https://NAME.openai.azure.com -ApiKey KEY), "
                    + "LiteLLM, vLLM-Omni or SGLang (-BaseUri http://HOST:PORT/v1), or the built-in emulator (Connect-OpenAIVideo -Emulator); "
                    + "or set OPENAI_BASE_URL.")
                {
                    StatusCode = response.StatusCode, ApiMessage = apiMessage, ApiErrorCode = apiCode, ApiErrorType = error?.Type, RequestId = requestId,
                };
            }

            var (errorId, category, advice) = Classify(request, status, apiCode, apiMessage, body);
            var what = request.ResourceId is null ? request.Operation : $"{request.Operation} '{request.ResourceId}'";
            var message = $"Could not {what}: {apiMessage ?? response.ReasonPhrase ?? "the server gave no reason"} (HTTP {status}"
                + (requestId is null ? ")." : $", request id {requestId}).")
                + (advice is null ? string.Empty : " " + advice);

            return new VideoApiException(errorId, category, message)
            {
                StatusCode = response.StatusCode,
                ApiMessage = apiMessage,
                ApiErrorType = error?.Type,
                ApiErrorCode = apiCode,
                Param = error?.Param,
                RequestId = requestId,
                VideoId = request.Resource == ApiResource.Video ? request.ResourceId : null,
            };
        }

        public static string? RequestIdOf(HttpResponseMessage response) =>
            response.Headers.TryGetValues("x-request-id", out var values) ? values.FirstOrDefault() : null;

        private static (string ErrorId, VideoErrorCategory Category, string? Advice) Classify(ApiRequest request, int status, string? code, string? message, string? body)
        {
            // Servers word "not ready" differently; only a client error (4xx) can mean the video's state is the problem.
            if (status < 500 && IsNotReady(code, message))
            {
                return (VideoErrorIds.VideoNotReady, VideoErrorCategory.InvalidOperation, "Wait for the video to complete first (Wait-Video).");
            }

            if (status == 410 || string.Equals(code, "video_expired", StringComparison.OrdinalIgnoreCase))
            {
                return (VideoErrorIds.ContentExpired, VideoErrorCategory.ResourceUnavailable, "Content is kept about an hour after completion; generate the video again.");
            }

            switch (status)
            {
                case 400:
                    return (VideoErrorIds.InvalidRequest, VideoErrorCategory.InvalidArgument, null);
                case 401:
                    return (VideoErrorIds.AuthenticationFailed, VideoErrorCategory.AuthenticationError,
                        "Check the key (-ApiKey, Connect-OpenAIVideo or OPENAI_API_KEY) and, for Azure, that the api-key style is selected.");
                case 403:
                    return (VideoErrorIds.PermissionDenied, VideoErrorCategory.PermissionDenied, null);
                case 404:
                    return request.Resource switch
                    {
                        ApiResource.Video => (VideoErrorIds.VideoNotFound, VideoErrorCategory.ObjectNotFound, null),
                        ApiResource.Character => (VideoErrorIds.CharacterNotFound, VideoErrorCategory.ObjectNotFound, null),
                        _ => (VideoErrorIds.NotFound, VideoErrorCategory.ObjectNotFound, "Check the base URL: it should end with the API version, e.g. /v1."),
                    };
                case 409:
                    return (VideoErrorIds.Conflict, VideoErrorCategory.ResourceBusy, null);
                case 413:
                    return (VideoErrorIds.PayloadTooLarge, VideoErrorCategory.InvalidArgument, "Send a smaller file.");
                case 422:
                    return (VideoErrorIds.Unprocessable, VideoErrorCategory.InvalidArgument, null);
                case 429:
                    return RetryRules.IsQuotaExhausted(body)
                        ? (VideoErrorIds.QuotaExceeded, VideoErrorCategory.QuotaExceeded, "Add credit or raise the limit; retrying will not help.")
                        : (VideoErrorIds.RateLimited, VideoErrorCategory.LimitsExceeded, "Slow down, or raise -MaxRetries.");
                default:
                    return status >= 500
                        ? (VideoErrorIds.ServerError, VideoErrorCategory.ResourceUnavailable, "The server failed; try again later.")
                        : (VideoErrorIds.InvalidRequest, VideoErrorCategory.InvalidOperation, null);
            }
        }

        private static bool IsNotReady(string? code, string? message) =>
            string.Equals(code, "video_not_ready", StringComparison.OrdinalIgnoreCase)
            || (message is not null
                && (message.IndexOf("not ready", StringComparison.OrdinalIgnoreCase) >= 0
                    || message.IndexOf("not completed", StringComparison.OrdinalIgnoreCase) >= 0
                    || message.IndexOf("still in progress", StringComparison.OrdinalIgnoreCase) >= 0
                    || message.IndexOf("still in-progress", StringComparison.OrdinalIgnoreCase) >= 0));

        /// <summary>A success status whose body is not the API's JSON (a captive portal, a proxy page, truncated text).</summary>
        public static VideoApiException InvalidBody(ApiRequest request, HttpResponseMessage response, string? body, Uri baseUri, Exception? cause) =>
            NotTheApi(request, response, body, baseUri, RequestIdOf(response), cause);

        private static VideoApiException NotTheApi(ApiRequest request, HttpResponseMessage response, string? body, Uri baseUri, string? requestId, Exception? cause = null)
        {
            var type = response.Content?.Headers.ContentType?.MediaType ?? "no content type";
            var kind = type.IndexOf("html", StringComparison.OrdinalIgnoreCase) >= 0 ? "an HTML page"
                : cause is JsonException ? "JSON that could not be read (truncated or malformed)"
                : $"'{type}' content";
            var snippet = Snippet(body);
            return new VideoApiException(VideoErrorIds.InvalidResponse, VideoErrorCategory.ProtocolError,
                $"Could not {request.Operation}: {baseUri} answered HTTP {(int)response.StatusCode} with {kind}, not the Videos API's JSON. "
                + "Is the base URL right, or is a proxy in the way?" + (snippet is null ? string.Empty : $" It began: \"{snippet}\""),
                cause)
            {
                StatusCode = response.StatusCode,
                RequestId = requestId,
                VideoId = request.Resource == ApiResource.Video ? request.ResourceId : null,
            };
        }

        private static bool LooksLikeNonApi(HttpResponseMessage response, string? body)
        {
            var type = response.Content?.Headers.ContentType?.MediaType;
            return (type is not null && type.IndexOf("json", StringComparison.OrdinalIgnoreCase) < 0) || (!string.IsNullOrWhiteSpace(body) && body!.TrimStart()[0] != '{');
        }

        private static VideoApiException ServerPage(ApiRequest request, HttpResponseMessage response, string? body, string? requestId)
        {
            var status = (int)response.StatusCode;
            var type = response.Content?.Headers.ContentType?.MediaType ?? "no content type";
            var kind = type.IndexOf("html", StringComparison.OrdinalIgnoreCase) >= 0 || body?.TrimStart().StartsWith("<", StringComparison.Ordinal) == true
                ? "an HTML page" : $"'{type}' content";
            var snippet = Snippet(body);
            var what = request.ResourceId is null ? request.Operation : $"{request.Operation} '{request.ResourceId}'";
            return new VideoApiException(VideoErrorIds.ServerError, VideoErrorCategory.ResourceUnavailable,
                $"Could not {what}: the server (or a proxy in front of it) answered HTTP {status} {response.ReasonPhrase} with {kind}"
                + (snippet is null ? string.Empty : $" beginning \"{snippet}\"")
                + (requestId is null ? "." : $" (request id {requestId}).") + " The server failed; try again later.")
            {
                StatusCode = response.StatusCode,
                RequestId = requestId,
                VideoId = request.Resource == ApiResource.Video ? request.ResourceId : null,
            };
        }

        private static string? Snippet(string? body)
        {
            if (string.IsNullOrWhiteSpace(body))
            {
                return null;
            }

            var flat = string.Join(" ", body!.Split(new[] { '\r', '\n', '\t' }, StringSplitOptions.RemoveEmptyEntries)).Trim();
            return flat.Length <= 120 ? flat : flat.Substring(0, 120) + "…";
        }

        private static bool IsOpenAIHost(Uri baseUri) => string.Equals(baseUri.Host, "api.openai.com", StringComparison.OrdinalIgnoreCase);
    }
}
