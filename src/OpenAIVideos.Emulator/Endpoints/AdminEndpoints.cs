using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using OpenAIVideos.Emulator.Api;
using OpenAIVideos.Emulator.Faults;
using OpenAIVideos.Emulator.Dialects;
using OpenAIVideos.Emulator.Hosting;

using OpenAIVideos.Emulator.Http;

namespace OpenAIVideos.Emulator.Endpoints
{
    /// <summary>
    /// <c>/_emulator</c>: fault control and statistics over HTTP, for clients in other processes. Never faulted itself.
    /// </summary>
    internal static class AdminEndpoints
    {
        public static RouteTable Routes()
        {
            var admin = new RouteTable("/_emulator");
            admin.Map("POST", "/faults", c => AddFaultAsync(c, c.State), ApiOperation.Admin);
            admin.Map("DELETE", "/faults", c => ClearFaults(c.State), ApiOperation.Admin);
            admin.Map("GET", "/stats", c => Stats(c.State), ApiOperation.Admin);
            return admin;
        }

        private static async Task<ApiResult> AddFaultAsync(ApiContext context, EmulatorState state)
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

        private static ApiResult ClearFaults(EmulatorState state)
        {
            state.Faults.Clear();
            return new ApiResult(new { cleared = true });
        }

        private static ApiResult Stats(EmulatorState state)
        {
            var statistics = state.Statistics;
            return new ApiResult(new
            {
                total_requests = statistics.TotalRequests,
                connections_accepted = statistics.ConnectionsAccepted,
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
