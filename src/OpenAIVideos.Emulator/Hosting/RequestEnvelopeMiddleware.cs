using System;
using System.Threading.Tasks;
using OpenAIVideos.Emulator.Api;
using OpenAIVideos.Emulator.Jobs;

using OpenAIVideos.Emulator.Http;

namespace OpenAIVideos.Emulator.Hosting
{
    /// <summary>
    /// First step after routing: gives every response an <c>x-request-id</c>, counts and records the request as it arrives, rejects oversize
    /// bodies up front and turns exceptions into the dialect's error body (including the 413 of a body over the limit).
    /// </summary>
    internal sealed class RequestEnvelopeMiddleware
    {
        private readonly Func<ApiContext, Task> _next;
        private readonly EmulatorState _state;

        public RequestEnvelopeMiddleware(Func<ApiContext, Task> next, EmulatorState state)
        {
            _next = next;
            _state = state;
        }

        public async Task InvokeAsync(ApiContext context)
        {
            string requestId = ResourceIds.NewRequestId();
            context.Response.Headers["x-request-id"] = requestId;
            // Counted on arrival, not when the handler returns: by then the client may already hold the whole answer
            // and read the statistics, and a test counting requests would miss this one (or count it in a later window).
            _state.Statistics.RecordRequest(context.Operation);
            try
            {
                // A chunked upload has no Content-Length to check up front; the host stopped reading it at the limit.
                if (context.Request.ContentLength > _state.Options.MaxRequestBodyBytes || context.Request.BodyOverLimit)
                {
                    throw TooLarge();
                }

                _state.RequestLog.Record(context.Request, requestId, _state.Now);
                await _next(context);
            }
            catch (ApiException error)
            {
                await WriteErrorAsync(context, error);
            }
            catch (System.IO.InvalidDataException error)
            {
                await WriteErrorAsync(context, ApiException.BadRequest("Malformed multipart body: " + error.Message, null, "invalid_multipart"));
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                // The client left or a fault aborted the connection; nothing more can be sent.
            }
            catch (Exception error) when (!context.Response.HasStarted)
            {
                await WriteErrorAsync(context, new ApiException(500, "The server had an error while processing your request. Sorry about that! (" + error.GetType().Name + ")", null, null, "server_error"));
            }
        }

        private ApiException TooLarge() =>
            ApiException.TooLarge($"Request body too large. The maximum request size is {_state.Options.MaxRequestBodyBytes} bytes.");

        private async Task WriteErrorAsync(ApiContext context, ApiException error)
        {
            if (context.Response.HasStarted || context.RequestAborted.IsCancellationRequested)
            {
                context.Abort();
                return;
            }

            string requestId = context.Response.Headers["x-request-id"];
            context.Response.Clear();
            context.Response.Headers["x-request-id"] = requestId;
            foreach (var (name, value) in error.Headers)
            {
                context.Response.Headers[name] = value;
            }

            await ApiResult.WriteAsync(context, error.Status, error.Body ?? _state.Dialect.ErrorBody(error));
        }
    }
}
