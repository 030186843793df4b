using System.Collections.Generic;
using System.Linq;
using OpenAIVideos.Emulator.Api;

using OpenAIVideos.Emulator.Http;

namespace OpenAIVideos.Emulator.Dialects.FastApi
{
    /// <summary>
    /// What FastAPI/Starlette answer on their own: <c>{"detail": "text"}</c> for an HTTPException, 422
    /// <c>{"detail": [ … ]}</c> for a request that fails validation, and 404/405 for unmatched routes
    /// (starlette/routing.py: a path that matches a route with other methods is a 405 with <c>Allow</c>).
    /// </summary>
    internal static class FastApiErrors
    {
        /// <summary>The body of an HTTPException: <c>{"detail": message}</c>.</summary>
        public static object Detail(string message) => new Dictionary<string, object> { ["detail"] = message };

        public static ApiException HttpException(int status, string detail) => ApiException.WithBody(status, Detail(detail), detail);

        /// <summary>FastAPI's default answer to a request that fails validation.</summary>
        public static ApiException Unprocessable(IReadOnlyList<ValidationIssue> issues) => ApiException.WithBody(
            422, new Dictionary<string, object> { ["detail"] = issues.Select(issue => issue.ToJson()).ToList() }, issues[0].Msg);

        /// <summary>
        /// The 401 of the <c>--api-key</c> middlewares of vLLM (vllm/entrypoints/openai/api_server.py) and SGLang
        /// (sglang/srt/utils add_api_key_middleware): a plain <c>{"error": "Unauthorized"}</c>, recalled, not looked up.
        /// </summary>
        public static ApiException PlainUnauthorized() =>
            ApiException.WithBody(401, new Dictionary<string, string> { ["error"] = "Unauthorized" }, "Unauthorized");

        /// <summary>Starlette's answer to an unmatched route, as FastAPI's default <c>{"detail": …}</c>.</summary>
        public static ApiException UnmatchedRoute(ApiContext context, RouteTable routes) => UnmatchedRoute(context, routes, HttpException);

        /// <summary>404 <c>Not Found</c>, or 405 <c>Method Not Allowed</c> with <c>Allow</c> when the path exists.</summary>
        public static ApiException UnmatchedRoute(ApiContext context, RouteTable routes, System.Func<int, string, ApiException> error)
        {
            IReadOnlyList<string> methods = routes.MethodsFor(context.Request.Path);
            return methods.Count == 0
                ? error(404, "Not Found")
                : error(405, "Method Not Allowed").WithHeaders(new Dictionary<string, string> { ["Allow"] = string.Join(", ", methods) });
        }
    }
}
