using System;
using System.Text;
using System.Threading.Tasks;
using OpenAIVideos.Emulator.Api;
using OpenAIVideos.Emulator.Hosting;

using OpenAIVideos.Emulator.Http;

namespace OpenAIVideos.Emulator.Faults
{
    /// <summary>
    /// Runs after routing, so rules can match on the operation. Faults that answer instead of the handler (status,
    /// drop, HTML, text, truncated JSON) short-circuit before it, so they never change state.
    /// </summary>
    internal sealed class FaultMiddleware
    {
        private const string ProxyHtml =
            "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

        private const string ProxyText = "upstream connect error or disconnect/reset before headers. reset reason: connection termination";

        private const string CutJson = "{\"id\":\"video_0123456789abcdef0123456789abcdef\",\"object\":\"video\",\"model\":\"sora-2\",\"status\":\"in_pro";

        private readonly Func<ApiContext, Task> _next;
        private readonly EmulatorState _state;

        public FaultMiddleware(Func<ApiContext, Task> next, EmulatorState state)
        {
            _next = next;
            _state = state;
        }

        public async Task InvokeAsync(ApiContext context)
        {
            string operation = context.Operation;
            FaultRule? rule = operation is ApiOperation.Admin or ApiOperation.Unknown
                ? null
                : _state.Faults.Next(context.Request.Method, operation, context.Request.Path);
            if (rule is null)
            {
                await _next(context);
                return;
            }

            _state.Statistics.RecordFault(rule.Kind);
            _state.Faults.OnInjecting(rule);
            switch (rule.Kind)
            {
                case FaultKind.ErrorStatus:
                    ApplyRetryHeaders(context.Response, rule);
                    int status = rule.Status ?? 500;
                    await ApiResult.WriteAsync(context, status, ErrorFor(status, rule));
                    break;
                case FaultKind.Delay:
                    await Task.Delay(TimeSpan.FromMilliseconds(rule.DelayMs), context.RequestAborted);
                    await _next(context);
                    break;
                case FaultKind.DropConnection:
                    context.Abort();
                    break;
                case FaultKind.TruncateBody:
                    await TruncateAsync(context, rule.BodyBytes);
                    break;
                case FaultKind.HtmlPage:
                    await WriteTextAsync(context, rule.Status ?? 502, "text/html", ProxyHtml);
                    break;
                case FaultKind.PlainText:
                    await WriteTextAsync(context, rule.Status ?? 502, "text/plain", ProxyText);
                    break;
                case FaultKind.TruncatedJson:
                    await WriteTextAsync(context, 200, "application/json", CutJson);
                    break;
                default:
                    throw new InvalidOperationException($"Unhandled fault kind {rule.Kind}.");
            }
        }

        private async Task TruncateAsync(ApiContext context, long bytes)
        {
            var truncating = new TruncatingStream(context.Response.Body, context, bytes);
            context.Response.Body = truncating;
            await _next(context);
            await truncating.CompleteAsync();
        }

        private static void ApplyRetryHeaders(ApiResponse response, FaultRule rule)
        {
            if (rule.RetryAfter != null)
            {
                response.Headers["Retry-After"] = rule.RetryAfter;
            }

            if (rule.RetryAfterMs is int ms)
            {
                response.Headers["retry-after-ms"] = ms.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            if (rule.ShouldRetry is bool retry)
            {
                response.Headers["x-should-retry"] = retry ? "true" : "false";
            }
        }

        /// <summary>OpenAI's own wording for the common statuses, unless the rule overrides it.</summary>
        private static ErrorEnvelope ErrorFor(int status, FaultRule rule)
        {
            (string message, string type, string? code) = status switch
            {
                429 => ("Rate limit reached for requests. Limit: 5, Used: 5, Requested: 1. Please try again later.", "requests", "rate_limit_exceeded"),
                502 => ("Bad gateway.", "server_error", null),
                503 => ("The server is overloaded or not ready yet.", "server_error", null),
                _ when status >= 500 => ("The server had an error while processing your request. Sorry about that!", "server_error", (string?)null),
                _ => ("The request was rejected by an injected fault.", "invalid_request_error", "injected_fault"),
            };
            return new ErrorEnvelope(new ErrorDetail(rule.ErrorMessage ?? message, rule.ErrorType ?? type, null, rule.ErrorCode ?? code));
        }

        private static async Task WriteTextAsync(ApiContext context, int status, string contentType, string text)
        {
            byte[] body = Encoding.UTF8.GetBytes(text);
            context.Response.StatusCode = status;
            context.Response.ContentType = contentType;
            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        }
    }
}
