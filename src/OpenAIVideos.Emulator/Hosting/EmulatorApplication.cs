using System;
using System.Threading.Tasks;
using OpenAIVideos.Emulator.Dialects;
using OpenAIVideos.Emulator.Endpoints;
using OpenAIVideos.Emulator.Faults;
using OpenAIVideos.Emulator.Http;

namespace OpenAIVideos.Emulator.Hosting
{
    /// <summary>
    /// One emulator's request pipeline, whatever host feeds it (<see cref="SocketHost"/> for the command line, the
    /// in-process test host and Start-VideoEmulator alike): routing, then the envelope (request id, counting, size limit,
    /// errors in the dialect's shape), the API key, injected faults, and the route's handler.
    /// </summary>
    internal sealed class EmulatorApplication : IHttpApplication
    {
        private readonly RouteTable _api;
        private readonly RouteTable _admin;
        private readonly Func<ApiContext, Task> _pipeline;

        private EmulatorApplication(EmulatorState state)
        {
            State = state;
            _api = new RouteTable(state.Dialect.ApiPrefix);
            foreach (string prefix in state.Dialect.ApiPrefixes)
            {
                state.Dialect.Map(_api.WithPrefix(prefix));
            }

            _admin = AdminEndpoints.Routes();
            Func<ApiContext, Task> handler = DispatchAsync;
            handler = new FaultMiddleware(handler, state).InvokeAsync;
            handler = new ApiKeyAuthentication(handler, state).InvokeAsync;
            _pipeline = new RequestEnvelopeMiddleware(handler, state).InvokeAsync;
        }

        public EmulatorState State { get; }

        public static EmulatorApplication Build(EmulatorOptions options) => new EmulatorApplication(new EmulatorState(options));

        /// <summary>
        /// Serves one request. Routing comes first, so the envelope knows the operation when a request arrives and counts
        /// it before any answer leaves: a client holding a response then always finds it in the statistics.
        /// </summary>
        public Task HandleAsync(ApiContext context)
        {
            context.Route = _admin.Match(context.Request.Method, context.Request.RawPath)
                ?? _api.Match(context.Request.Method, context.Request.RawPath);
            return _pipeline(context);
        }

        private Task DispatchAsync(ApiContext context)
        {
            if (context.Route is null)
            {
                throw State.Dialect.UnknownRoute(context, _api);
            }

            if (context.Operation != ApiOperation.Admin)
            {
                State.Dialect.CheckRequest(context.Request);
            }

            return context.Route.Handler(context);
        }
    }
}
