using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using OpenAIVideos.Emulator.Api;
using OpenAIVideos.Emulator.Http;

namespace OpenAIVideos.Emulator.Dialects
{
    /// <summary>
    /// The routes a dialect (or the admin API) serves, and the router over them. A request path matches a template
    /// segment by segment: literals case-insensitively, <c>{name}</c> any non-empty segment, a literal winning over a
    /// parameter at the first place they differ (so <c>/videos/characters/{id}</c> beats <c>/videos/{id}/content</c>).
    /// Unmatched requests can be told apart as an unknown path (404) or a known path with the wrong method (405, as
    /// Starlette answers when a route's path matches but its methods do not).
    /// </summary>
    internal sealed class RouteTable
    {
        private readonly string _prefix;
        private readonly List<Route> _routes;

        public RouteTable(string prefix)
            : this(prefix, new List<Route>())
        {
        }

        private RouteTable(string prefix, List<Route> routes)
        {
            _prefix = prefix.TrimEnd('/');
            _routes = routes;
        }

        /// <summary>The same table, mapping routes under another prefix (a server serving two bases).</summary>
        public RouteTable WithPrefix(string prefix) => new RouteTable(prefix, _routes);

        /// <summary>Maps a handler that writes its own response (content downloads).</summary>
        public void Map(string method, string template, Func<ApiContext, Task> handler, string operation) =>
            _routes.Add(new Route(method, Segments(_prefix + template), handler, operation));

        /// <summary>Maps a handler answering with JSON.</summary>
        public void Map(string method, string template, Func<ApiContext, ApiResult> handler, string operation) =>
            Map(method, template, context => handler(context).WriteAsync(context), operation);

        /// <summary>Maps an asynchronous handler answering with JSON.</summary>
        public void Map(string method, string template, Func<ApiContext, Task<ApiResult>> handler, string operation) =>
            Map(method, template, async context => await (await handler(context)).WriteAsync(context), operation);

        /// <summary>The best route for <paramref name="method"/> and the still-encoded <paramref name="rawPath"/>, or null.</summary>
        public RouteMatch? Match(string method, string rawPath)
        {
            string[] path = Segments(rawPath);
            Route? best = null;
            foreach (Route route in _routes)
            {
                if (string.Equals(route.Method, method, StringComparison.OrdinalIgnoreCase) && Matches(route.Segments, path)
                    && (best is null || MoreSpecific(route, best)))
                {
                    best = route;
                }
            }

            if (best is null)
            {
                return null;
            }

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (int i = 0; i < best.Segments.Length; i++)
            {
                if (IsParameter(best.Segments[i]))
                {
                    values[best.Segments[i].Trim('{', '}')] = Uri.UnescapeDataString(path[i]);
                }
            }

            return new RouteMatch(best.Operation, best.Handler, values);
        }

        /// <summary>The methods of every route whose path matches <paramref name="path"/>, in mapping order.</summary>
        public IReadOnlyList<string> MethodsFor(string path)
        {
            string[] segments = Segments(path);
            return _routes.Where(route => Matches(route.Segments, segments)).Select(route => route.Method).Distinct().ToList();
        }

        private static bool MoreSpecific(Route candidate, Route current)
        {
            for (int i = 0; i < candidate.Segments.Length; i++)
            {
                bool candidateLiteral = !IsParameter(candidate.Segments[i]);
                bool currentLiteral = !IsParameter(current.Segments[i]);
                if (candidateLiteral != currentLiteral)
                {
                    return candidateLiteral;
                }
            }

            return false;
        }

        private static bool IsParameter(string segment) => segment.StartsWith('{');

        private static bool Matches(string[] template, string[] path) =>
            template.Length == path.Length && template.Zip(path).All(pair =>
                IsParameter(pair.First) ? pair.Second.Length > 0 : string.Equals(pair.First, pair.Second, StringComparison.OrdinalIgnoreCase));

        private static string[] Segments(string path) => path.Trim('/').Split('/');

        private sealed record Route(string Method, string[] Segments, Func<ApiContext, Task> Handler, string Operation);
    }

    /// <summary>The route a request matched: its operation, handler and the values of its <c>{name}</c> segments.</summary>
    internal sealed record RouteMatch(string Operation, Func<ApiContext, Task> Handler, IReadOnlyDictionary<string, string> Values);
}
