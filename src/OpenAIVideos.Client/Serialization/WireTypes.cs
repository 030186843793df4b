using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenAIVideos.Client.Serialization
{
    // The JSON as servers send it. Fields gateways are known to bend (numbers as strings, floats for integers,
    // nulls) are read as JsonElement and interpreted leniently by WireMapper; unknown fields are kept.

    internal sealed class VideoWire
    {
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("object")] public string? Object { get; set; }
        [JsonPropertyName("model")] public string? Model { get; set; }
        [JsonPropertyName("status")] public string? Status { get; set; }
        [JsonPropertyName("progress"), JsonConverter(typeof(WireNumberConverter))] public WireScalar Progress { get; set; }
        [JsonPropertyName("created_at"), JsonConverter(typeof(WireNumberConverter))] public WireScalar CreatedAt { get; set; }
        [JsonPropertyName("completed_at"), JsonConverter(typeof(WireNumberConverter))] public WireScalar CompletedAt { get; set; }
        [JsonPropertyName("expires_at"), JsonConverter(typeof(WireNumberConverter))] public WireScalar ExpiresAt { get; set; }
        [JsonPropertyName("prompt")] public string? Prompt { get; set; }
        [JsonPropertyName("size"), JsonConverter(typeof(WireTextConverter))] public WireScalar Size { get; set; }
        [JsonPropertyName("seconds"), JsonConverter(typeof(WireTextConverter))] public WireScalar Seconds { get; set; }
        [JsonPropertyName("remixed_from_video_id")] public string? RemixedFromVideoId { get; set; }
        [JsonPropertyName("error"), JsonConverter(typeof(VideoErrorWireConverter))] public VideoErrorWire? Error { get; set; }
        [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
    }

    internal sealed class VideoErrorWire
    {
        // A string per the spec; vLLM-Omni sends its integer HTTP-style code (kept as its digits).
        [JsonPropertyName("code")] public string? Code { get; set; }
        [JsonPropertyName("message")] public string? Message { get; set; }
    }

    internal sealed class VideoListWire
    {
        [JsonPropertyName("data")] public List<VideoWire>? Data { get; set; }
        [JsonPropertyName("first_id")] public string? FirstId { get; set; }
        [JsonPropertyName("last_id")] public string? LastId { get; set; }
        // SGLang's list has none of the three (video_api.py list_videos): null says "the server did not say".
        [JsonPropertyName("has_more")] public bool? HasMore { get; set; }
    }

    internal sealed class DeletedVideoWire
    {
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("object")] public string? Object { get; set; }
        [JsonPropertyName("deleted")] public bool? Deleted { get; set; }

        // SGLang answers a delete with the video object, "status": "deleted" (video_api.py delete_video).
        [JsonPropertyName("status")] public string? Status { get; set; }
    }

    internal sealed class CharacterWire
    {
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("created_at"), JsonConverter(typeof(WireNumberConverter))] public WireScalar CreatedAt { get; set; }
    }

    // OpenRouter's GET /videos/models (its SDKs' VideoModelsListResponse / VideoModel; openrouter.ai/docs).
    internal sealed class VideoModelListWire
    {
        [JsonPropertyName("data")] public List<VideoModelWire>? Data { get; set; }
    }

    internal sealed class VideoModelWire
    {
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("supported_durations")] public List<JsonElement>? Durations { get; set; }
        [JsonPropertyName("supported_resolutions")] public List<string>? Resolutions { get; set; }
        [JsonPropertyName("supported_aspect_ratios")] public List<string>? AspectRatios { get; set; }
        [JsonPropertyName("supported_sizes")] public List<string>? Sizes { get; set; }
        [JsonPropertyName("supported_frame_images")] public List<string>? FrameImages { get; set; }
        [JsonPropertyName("generate_audio")] public bool? GenerateAudio { get; set; }
        [JsonPropertyName("seed")] public bool? Seed { get; set; }
        [JsonPropertyName("pricing_skus")] public Dictionary<string, JsonElement>? PricingSkus { get; set; }
    }

    [JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
    [JsonSerializable(typeof(VideoWire))]
    [JsonSerializable(typeof(VideoListWire))]
    [JsonSerializable(typeof(DeletedVideoWire))]
    [JsonSerializable(typeof(CharacterWire))]
    [JsonSerializable(typeof(VideoModelListWire))]
    internal sealed partial class WireJsonContext : JsonSerializerContext
    {
    }
}
