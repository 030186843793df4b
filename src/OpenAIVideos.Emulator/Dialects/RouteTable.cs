using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OpenAIVideos.Emulator.Hosting;

namespace OpenAIVideos.Emulator.Dialects
{
    /// <summary>
    /// The routes a dialect mapped, kept so an unmatched request can be told apart as an unknown path (404) or a known
    /// path with the wrong method (405, as Starlette answers when a route's path matches but its methods do not).
    /// </summary>
    internal sealed class RouteTable
    {
        private readonly string _prefix;
        private readonly List<(string Method, string[] Segments)> _routes;

        public RouteTable(string prefix)
            : this(prefix, new List<(string, string[])>())
        {
        }

        private RouteTable(string prefix, List<(string, string[])> routes)
        {
            _prefix = prefix.TrimEnd('/');
            _routes = routes;
        }

        /// <summary>The same table, recording routes mapped under another prefix (a server serving two bases).</summary>
        public RouteTable WithPrefix(string prefix) => new RouteTable(prefix, _routes);

        /// <summary>Maps <paramref name="handler"/> at <paramref name="template"/> (relative to the API prefix) and remembers it.</summary>
        public RouteHandlerBuilder Map(IEndpointRouteBuilder api, string method, string template, Delegate handler, string operation)
        {
            _routes.Add((method, Segments(_prefix + template)));
            return api.MapMethods(template, new[] { method }, handler).WithMetadata(new ApiOperation(operation));
        }

        /// <summary>The methods of every route whose path matches <paramref name="path"/>, in mapping order.</summary>
        public IReadOnlyList<string> MethodsFor(string path)
        {
            string[] segments = Segments(path);
            return _routes.Where(route => Matches(route.Segments, segments)).Select(route => route.Method).Distinct().ToList();
        }

        private static bool Matches(string[] template, string[] path) =>
            template.Length == path.Length && template.Zip(path).All(pair =>
                pair.First.StartsWith('{') ? pair.Second.Length > 0 : string.Equals(pair.First, pair.Second, StringComparison.Ordinal));

        private static string[] Segments(string path) => path.Trim('/').Split('/');
    }
}
