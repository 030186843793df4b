using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAIVideos.Benchmarks.Harness
{
    /// <summary>
    /// The baseline a PowerShell user could write instead of the module: one HttpClient, the bearer header, and
    /// System.Text.Json (reflection-based, as Invoke-RestMethod users reach for) into plain classes with every field of
    /// the video object, so both sides parse the same bytes.
    /// </summary>
    internal static class RawApi
    {
        public static HttpClient CreateHttp(Uri baseUri)
        {
            var http = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromMinutes(10) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", EmulatorProcess.ApiKey);
            return http;
        }

        public static async Task<RawVideo> RetrieveAsync(HttpClient http, string id, CancellationToken ct = default)
        {
            using var response = await http.GetAsync("videos/" + id, ct);
            response.EnsureSuccessStatusCode();
            await using var body = await response.Content.ReadAsStreamAsync(ct);
            return await JsonSerializer.DeserializeAsync<RawVideo>(body, cancellationToken: ct) ?? throw new InvalidOperationException("null video");
        }

        public static async Task<(RawVideo Video, int? PollAfterMs)> RetrieveWithHintAsync(HttpClient http, string id, CancellationToken ct = default)
        {
            using var response = await http.GetAsync("videos/" + id, ct);
            response.EnsureSuccessStatusCode();
            int? hint = response.Headers.TryGetValues("openai-poll-after-ms", out var values) && int.TryParse(string.Join("", values), out int ms) ? ms : null;
            await using var body = await response.Content.ReadAsStreamAsync(ct);
            var video = await JsonSerializer.DeserializeAsync<RawVideo>(body, cancellationToken: ct) ?? throw new InvalidOperationException("null video");
            return (video, hint);
        }

        public static async Task<RawVideoList> ListPageAsync(HttpClient http, int limit, string? after, CancellationToken ct = default)
        {
            string url = "videos?limit=" + limit + (after is null ? string.Empty : "&after=" + Uri.EscapeDataString(after));
            using var response = await http.GetAsync(url, ct);
            response.EnsureSuccessStatusCode();
            await using var body = await response.Content.ReadAsStreamAsync(ct);
            return await JsonSerializer.DeserializeAsync<RawVideoList>(body, cancellationToken: ct) ?? throw new InvalidOperationException("null list");
        }

        public static async Task<RawVideo> CreateAsync(HttpClient http, string prompt, CancellationToken ct = default)
        {
            string json = JsonSerializer.Serialize(new Dictionary<string, string> { ["prompt"] = prompt, ["seconds"] = "4" });
            using var content = new StringContent(json, Encoding.UTF8, "application/json");
            using var response = await http.PostAsync("videos", content, ct);
            response.EnsureSuccessStatusCode();
            await using var body = await response.Content.ReadAsStreamAsync(ct);
            return await JsonSerializer.DeserializeAsync<RawVideo>(body, cancellationToken: ct) ?? throw new InvalidOperationException("null video");
        }

        /// <summary>Creates <paramref name="count"/> videos with a few concurrent loops; returns (id, local time the answer arrived).</summary>
        public static async Task<List<(string Id, long ReceivedTimestamp)>> CreateManyAsync(HttpClient http, int count, string prompt, int loops = 8)
        {
            var created = new List<(string, long)>(count);
            int next = -1;
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            var workers = new List<Task>();
            for (int w = 0; w < loops; w++)
            {
                workers.Add(Task.Run(async () =>
                {
                    while (Interlocked.Increment(ref next) < count)
                    {
                        var video = await CreateAsync(http, prompt, timeout.Token);
                        long at = System.Diagnostics.Stopwatch.GetTimestamp();
                        lock (created)
                        {
                            created.Add((video.Id!, at));
                        }
                    }
                }));
            }

            await Task.WhenAll(workers);
            return created;
        }

        /// <summary>Every video the server lists, page by page.</summary>
        public static async Task<List<RawVideo>> ListAllAsync(HttpClient http, CancellationToken ct = default)
        {
            var all = new List<RawVideo>();
            string? after = null;
            for (int page = 0; page < 100_000; page++)
            {
                RawVideoList list = await ListPageAsync(http, 100, after, ct);
                all.AddRange(list.Data);
                if (!list.HasMore || list.LastId is null)
                {
                    break;
                }

                after = list.LastId;
            }

            return all;
        }

        public static async Task DeleteAsync(HttpClient http, string id, CancellationToken ct = default)
        {
            using var response = await http.DeleteAsync("videos/" + id, ct);
            response.EnsureSuccessStatusCode();
        }

        /// <summary>Polls until every id is completed (bounded by <paramref name="limit"/>).</summary>
        public static async Task WaitCompletedAsync(HttpClient http, string id, TimeSpan limit)
        {
            using var timeout = new CancellationTokenSource(limit);
            while ((await RetrieveAsync(http, id, timeout.Token)).Status != "completed")
            {
                await Task.Delay(100, timeout.Token);
            }
        }
    }

    internal sealed class RawVideo
    {
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("object")] public string? Object { get; set; }
        [JsonPropertyName("model")] public string? Model { get; set; }
        [JsonPropertyName("status")] public string? Status { get; set; }
        [JsonPropertyName("progress")] public int Progress { get; set; }
        [JsonPropertyName("created_at")] public long CreatedAt { get; set; }
        [JsonPropertyName("completed_at")] public long? CompletedAt { get; set; }
        [JsonPropertyName("expires_at")] public long? ExpiresAt { get; set; }
        [JsonPropertyName("prompt")] public string? Prompt { get; set; }
        [JsonPropertyName("size")] public string? Size { get; set; }
        [JsonPropertyName("seconds")] public string? Seconds { get; set; }
        [JsonPropertyName("remixed_from_video_id")] public string? RemixedFromVideoId { get; set; }
        [JsonPropertyName("error")] public RawVideoError? Error { get; set; }

        public bool IsTerminal => Status is "completed" or "failed";
    }

    internal sealed class RawVideoError
    {
        [JsonPropertyName("code")] public string? Code { get; set; }
        [JsonPropertyName("message")] public string? Message { get; set; }
    }

    internal sealed class RawVideoList
    {
        [JsonPropertyName("data")] public List<RawVideo> Data { get; set; } = new List<RawVideo>();
        [JsonPropertyName("first_id")] public string? FirstId { get; set; }
        [JsonPropertyName("last_id")] public string? LastId { get; set; }
        [JsonPropertyName("has_more")] public bool HasMore { get; set; }
    }
}
