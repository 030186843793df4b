using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using OpenAIVideos.Emulator.Api;
using OpenAIVideos.Emulator.Hosting;

namespace OpenAIVideos.Emulator.Jobs
{
    /// <summary>
    /// A cap on unfinished videos per key (Azure's reported limit of two): past it a create is a 429 whose
    /// <c>Retry-After</c> is the whole seconds until the caller's first running video is due to finish.
    /// </summary>
    internal static class RunningJobLimit
    {
        public static void Check(EmulatorState state, string owner, int limit)
        {
            List<VideoJob> running = state.Videos.Snapshot().Where(job => job.Owner == owner && !state.StateOf(job).IsTerminal).ToList();
            if (running.Count < limit)
            {
                return;
            }

            DateTimeOffset firstEnd = running.Min(job => job.CreatedAt + state.Options.JobDuration);
            long seconds = Math.Max(1, (long)Math.Ceiling((firstEnd - state.Now).TotalSeconds));
            throw new ApiException(429, $"Too many running video jobs: at most {limit} may run at once per key. Please retry after {seconds} seconds.", null, "too_many_requests", "rate_limit_exceeded")
                .WithHeaders(new Dictionary<string, string> { ["Retry-After"] = seconds.ToString(CultureInfo.InvariantCulture) });
        }
    }
}
