using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OpenAIVideos.Emulator.Api;
using OpenAIVideos.Emulator.Faults;
using OpenAIVideos.Emulator.Hosting;

namespace OpenAIVideos.Emulator.Endpoints
{
    /// <summary>
    /// <c>/_emulator</c>: fault control and statistics over HTTP, for clients in other processes. Never faulted itself.
    /// </summary>
    internal static class AdminEndpoints
    {
        public static void Map(IEndpointRouteBuilder app)
        {
            RouteGroupBuilder admin = app.MapGroup("/_emulator").WithMetadata(new ApiOperation(ApiOperation.Admin));
            admin.MapPost("/faults", AddFaultAsync);
            admin.MapDelete("/faults", ClearFaults);
            admin.MapGet("/stats", Stats);
        }

        private static async Task<IResult> AddFaultAsync(HttpContext context, EmulatorState state)
        {
            FaultRule? rule;
            try
            {
                rule = await JsonSerializer.DeserializeAsync<FaultRule>(context.Request.Body, ApiJson.Options, context.RequestAborted);
            }
            catch (JsonException error)
            {
                throw ApiException.BadRequest("Invalid fault rule: " + error.Message, null, "invalid_json");
            }

            if (rule is null || rule.Count < 1)
            {
                throw ApiException.BadRequest("Invalid fault rule: 'count' must be at least 1.", "count", "invalid_value");
            }

            state.Faults.Add(rule);
            return new ApiResult(new { added = rule, pending_rules = state.Faults.PendingRules });
        }

        private static IResult ClearFaults(EmulatorState state)
        {
            state.Faults.Clear();
            return new ApiResult(new { cleared = true });
        }

        private static IResult Stats(EmulatorState state)
        {
            var statistics = state.Statistics;
            return new ApiResult(new
            {
                total_requests = statistics.TotalRequests,
                requests_by_operation = statistics.RequestsByOperation,
                videos_created = statistics.VideosCreated,
                videos_stored = state.Videos.Count,
                content_bytes_served = statistics.ContentBytesServed,
                idempotent_replays = statistics.IdempotentReplays,
                faults_injected = statistics.FaultsInjected.ToDictionary(pair => JsonNamingPolicy.SnakeCaseLower.ConvertName(pair.Key.ToString()), pair => pair.Value),
                pending_fault_rules = state.Faults.PendingRules,
            });
        }
    }
}
