using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using OpenAIVideos.Emulator.Faults;

namespace OpenAIVideos.Resilience.Tests.Soak
{
    /// <summary>The faults the soak injects: what a flaky network and a rate-limited server do to a script.</summary>
    public enum SoakFault
    {
        RateLimitedRetryAfterSeconds,
        RateLimitedRetryAfterDate,
        RateLimitedRetryAfterMs,
        ServerError500,
        BadGateway502,
        Unavailable503,
        SlowResponse,
        DroppedBeforeResponse,
        DroppedMidBody,
    }

    /// <summary>One row of the catalogue: how a fault is injected, where, and what the client must do about it.</summary>
    public sealed record SoakFaultSpec(SoakFault Fault, string Injected, bool GetOnly, string ClientResponse);

    /// <summary>
    /// The single source of the soak's design: the test injects exactly these rules, and the design section of
    /// <c>docs/reliability.md</c> is generated from this class (a test fails when the page and the code disagree).
    /// </summary>
    public static class SoakDesign
    {
        public const int Jobs = 200;
        public const int BatchSize = 20;
        public const double FaultRate = 0.2;
        public const int DefaultSeed = 20260924;
        public const int RetryAfterMs = 150;
        public const int SlowMs = 300;
        public const int RetrieveBytesBeforeDrop = 40;
        public const int ContentBytesBeforeDrop = 600;
        public static readonly TimeSpan JobDuration = TimeSpan.FromMilliseconds(1200);
        public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(150);
        public const int MaxConcurrentPolls = 8;
        public const int MaxConcurrentDownloads = 6;
        public const int MaxRetries = 2;

        public static readonly IReadOnlyList<SoakFaultSpec> Catalogue = new[]
        {
            new SoakFaultSpec(SoakFault.RateLimitedRetryAfterSeconds, "429 `rate_limit_exceeded` with `Retry-After: 1`", false,
                "waits the 1 s asked for (logged as `in 1 s`), then retries"),
            new SoakFaultSpec(SoakFault.RateLimitedRetryAfterDate, "429 with `Retry-After: <HTTP date 2 s ahead>`", false,
                "waits until that date (1–2 s), then retries"),
            new SoakFaultSpec(SoakFault.RateLimitedRetryAfterMs, $"429 with `retry-after-ms: {RetryAfterMs}`", false,
                $"waits {RetryAfterMs} ms (logged as `in {RetryAfterMs / 1000.0:0.###} s`), then retries"),
            new SoakFaultSpec(SoakFault.ServerError500, "500 `server_error`, no retry header", false, "backs off 0.375–0.5 s (SDK formula), then retries"),
            new SoakFaultSpec(SoakFault.BadGateway502, "502 `server_error`, no retry header", false, "backs off, then retries"),
            new SoakFaultSpec(SoakFault.Unavailable503, "503 `server_error`, no retry header", false, "backs off, then retries"),
            new SoakFaultSpec(SoakFault.SlowResponse, $"the answer is held back {SlowMs} ms, then served normally", false, "waits (the request timeout is far away); no retry"),
            new SoakFaultSpec(SoakFault.DroppedBeforeResponse, "the connection is aborted before any response (the server did nothing)", false,
                "retries; a create is re-sent with the same `Idempotency-Key`"),
            new SoakFaultSpec(SoakFault.DroppedMidBody, $"headers and the first {RetrieveBytesBeforeDrop} (retrieve) or {ContentBytesBeforeDrop} (content) body bytes, then the connection is aborted", true,
                "retrieve: retries; content: resumes with a `Range` request from the byte it has (206)"),
        };

        /// <summary>
        /// Faults allowed on a create. A mid-body drop on a create means the video was made and its answer lost: the client
        /// rightly refuses to re-send (ResponseLost), so that path is tested once on its own, not in the soak.
        /// </summary>
        public static readonly SoakFault[] CreateFaults = Catalogue.Where(spec => !spec.GetOnly).Select(spec => spec.Fault).ToArray();

        public static readonly SoakFault[] GetFaults = Catalogue.Select(spec => spec.Fault).ToArray();

        /// <summary>What the soak asserts, in the words the doc uses.</summary>
        public static readonly IReadOnlyList<string> Assertions = new[]
        {
            $"Every one of the {Jobs} jobs ends `completed` (no wait times out, no outcome carries an error).",
            $"The download folder holds exactly the {Jobs * 3} expected files (video, thumbnail, spritesheet per job) and nothing else: no `.partial` or other temporary file.",
            "Every file's SHA-256 equals that of the bytes the emulator serves for that video and variant, fetched again with faults cleared.",
            $"No create was paid twice: the emulator's `VideosCreated` is exactly {Jobs}, the {Jobs} ids are distinct, and `IdempotentReplays` is 0 (no create fault in the soak lets the server act, so a replay would mean the client re-sent a create that had succeeded).",
            "Every create retry was the same request: the request log shows one `Idempotency-Key` per job, seen exactly 1 + (faults planned for that create) times.",
            "Every planned fault was injected (the emulator's per-kind counters add up to the plan, no rule is left pending), and at least one of each kind occurred.",
            "The retry headers were honoured: a 429 with `Retry-After: 1` was retried after exactly 1 s, one with `retry-after-ms` after exactly that, and one with an HTTP date after more than 1 s.",
            "The key never appears in the client's log.",
        };

        /// <summary>The design section of docs/reliability.md.</summary>
        public static string Markdown()
        {
            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"{Jobs} jobs, created in batches of {BatchSize}; each batch is waited on with `WaitAllAsync` ")
                .Append(CultureInfo.InvariantCulture, $"(poll every {PollInterval.TotalMilliseconds:0} ms, at most {MaxConcurrentPolls} polls in flight) while the next batch is created, ")
                .Append(CultureInfo.InvariantCulture, $"and each completed job's three variants are downloaded to files (at most {MaxConcurrentDownloads} jobs downloading at once). ")
                .Append(CultureInfo.InvariantCulture, $"The emulator finishes a job {JobDuration.TotalMilliseconds:0} ms after its create. The client runs with its defaults but for ")
                .Append(CultureInfo.InvariantCulture, $"a 20 s request timeout: {MaxRetries} retries per request, 2 resumes per download.\n\n")
                .Append(CultureInfo.InvariantCulture, $"About {FaultRate:P0} of requests are faulted, from a seeded random plan (default seed {DefaultSeed}; set `OPENAIVIDEOS_SOAK_SEED` to vary it). ")
                .Append("Each fault is a one-shot emulator rule aimed at one request: creates are sent one at a time with their faults queued just before; ")
                .Append("a poll's fault is queued for that video's next poll (path prefix `/v1/videos/{id}`); a download's for that video's next content request. ")
                .Append("So no request meets more faults in a row than the client's retry budget, which makes the outcome deterministic for a seed while the timing is not.\n\n")
                .Append("| Fault | What the emulator does | Operations | What the client does |\n|---|---|---|---|\n");
            foreach (var spec in Catalogue)
            {
                text.Append(CultureInfo.InvariantCulture, $"| `{spec.Fault}` | {spec.Injected} | {(spec.GetOnly ? "retrieve, content (GET only)" : "create, retrieve, content")} | {spec.ClientResponse} |\n");
            }

            text.Append("\nMid-body drops are restricted to GETs: on a create the server has made the video and only the answer is lost, ")
                .Append("so the client must not re-send; it reports `ResponseLost` instead (tested on its own: one create, one video, no second request).\n\n")
                .Append("The soak asserts:\n\n");
            foreach (var assertion in Assertions)
            {
                text.Append("- ").Append(assertion).Append('\n');
            }

            return text.ToString();
        }

        /// <summary>The emulator rule for one planned fault.</summary>
        public static FaultRule Rule(SoakFault fault, string operation, string? pathPrefix, DateTimeOffset now) => fault switch
        {
            SoakFault.RateLimitedRetryAfterSeconds => Status(429, operation, pathPrefix) with { RetryAfter = "1" },
            SoakFault.RateLimitedRetryAfterDate => Status(429, operation, pathPrefix) with { RetryAfter = now.AddSeconds(2).ToString("r", CultureInfo.InvariantCulture) },
            SoakFault.RateLimitedRetryAfterMs => Status(429, operation, pathPrefix) with { RetryAfterMs = RetryAfterMs },
            SoakFault.ServerError500 => Status(500, operation, pathPrefix),
            SoakFault.BadGateway502 => Status(502, operation, pathPrefix),
            SoakFault.Unavailable503 => Status(503, operation, pathPrefix),
            SoakFault.SlowResponse => new FaultRule { Kind = FaultKind.Delay, Operation = operation, PathPrefix = pathPrefix, DelayMs = SlowMs },
            SoakFault.DroppedBeforeResponse => new FaultRule { Kind = FaultKind.DropConnection, Operation = operation, PathPrefix = pathPrefix },
            SoakFault.DroppedMidBody => new FaultRule
            {
                Kind = FaultKind.TruncateBody,
                Operation = operation,
                PathPrefix = pathPrefix,
                BodyBytes = operation == "content" ? ContentBytesBeforeDrop : RetrieveBytesBeforeDrop,
            },
            _ => throw new ArgumentOutOfRangeException(nameof(fault)),
        };

        public static FaultKind EmulatorKind(SoakFault fault) => fault switch
        {
            SoakFault.SlowResponse => FaultKind.Delay,
            SoakFault.DroppedBeforeResponse => FaultKind.DropConnection,
            SoakFault.DroppedMidBody => FaultKind.TruncateBody,
            _ => FaultKind.ErrorStatus,
        };

        private static FaultRule Status(int status, string operation, string? pathPrefix) =>
            new FaultRule { Kind = FaultKind.ErrorStatus, Status = status, Operation = operation, PathPrefix = pathPrefix };
    }
}
