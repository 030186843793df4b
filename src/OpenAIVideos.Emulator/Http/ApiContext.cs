using System;
using System.Collections.Generic;
using System.Threading;
using OpenAIVideos.Emulator.Dialects;
using OpenAIVideos.Emulator.Hosting;

namespace OpenAIVideos.Emulator.Http
{
    /// <summary>One request and its response, with what the pipeline learned about it on the way (route, owner).</summary>
    internal sealed class ApiContext : IDisposable
    {
        private readonly Action _abort;
        private readonly CancellationTokenSource _aborted;

        /// <param name="state">The emulator serving the request.</param>
        /// <param name="request">The request.</param>
        /// <param name="response">Its response.</param>
        /// <param name="abort">Resets the connection without an answer.</param>
        /// <param name="stopping">Cancelled when the host stops.</param>
        public ApiContext(EmulatorState state, ApiRequest request, ApiResponse response, Action abort, CancellationToken stopping)
        {
            State = state;
            Request = request;
            Response = response;
            _abort = abort;
            _aborted = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        }

        public EmulatorState State { get; }

        public ApiRequest Request { get; }

        public ApiResponse Response { get; }

        /// <summary>Values a step hands to a later one (the owner of the request).</summary>
        public IDictionary<string, object?> Items { get; } = new Dictionary<string, object?>(StringComparer.Ordinal);

        /// <summary>The route the request matched, or null (an unknown path).</summary>
        public RouteMatch? Route { get; set; }

        /// <summary>The matched operation's name (<c>create</c>, …), <c>admin</c>, or <c>unknown</c>.</summary>
        public string Operation => Route?.Operation ?? ApiOperation.Unknown;

        /// <summary>Cancelled when the connection is aborted or the host stops.</summary>
        public CancellationToken RequestAborted => _aborted.Token;

        /// <summary>The value of <c>{name}</c> in the matched route's template, percent-decoded.</summary>
        public string RouteValue(string name) =>
            Route != null && Route.Values.TryGetValue(name, out string? value) ? value : throw new InvalidOperationException($"The route has no '{name}'.");

        /// <summary>Lets go of the abort token's link to the host's (one per request, so it must not pile up).</summary>
        public void Dispose() => _aborted.Dispose();

        /// <summary>Resets the connection: the client sees no answer, or a body cut short.</summary>
        public void Abort()
        {
            try
            {
                _aborted.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The request is over; resetting the connection is still what was asked.
            }

            _abort();
        }
    }
}
