using System;
using System.Collections.Generic;
using OpenAIVideos.Client.Serialization;

namespace OpenAIVideos.Client
{
    /// <summary>
    /// OpenRouter's video generation API, <c>https://openrouter.ai/api/v1/videos</c>. Sources: openrouter.ai/docs/api/api-reference/videos
    /// (read 2026-12-06: submit, poll "every 10–30 seconds" until <c>completed</c>, <c>failed</c>, <c>cancelled</c> or
    /// <c>expired</c>, download from <c>unsigned_urls[0]</c> or <c>urls[0]</c>), its SDKs' VideoGenerationRequest and
    /// VideoGenerationResponse (<c>id</c>, <c>polling_url</c>, <c>status</c>, <c>unsigned_urls</c>,
    /// <c>usage.cost</c>), and ../shared/api/videos-api.md: Bearer key, JSON create with <c>duration</c> (a number),
    /// <c>resolution</c>, <c>aspect_ratio</c>, <c>size</c>, <c>seed</c>, <c>generate_audio</c>, <c>frame_images</c>
    /// (first and last frame by URL), <c>input_references</c>; 202 answers <c>pending</c>; <c>GET /videos/models</c>
    /// publishes each model's values and prices. No list, delete, remix, edits, extensions or characters; no negative
    /// prompt. Not pinned down: whether it honours <c>Idempotency-Key</c> (assumed not).
    /// </summary>
    internal sealed class OpenRouterDialect : ServerProfile
    {
        private static readonly VideoOperation[] Served = { VideoOperation.Create, VideoOperation.Retrieve, VideoOperation.Content };

        private static readonly IReadOnlyDictionary<CreateParameter, string> OpenRouterFields = new Dictionary<CreateParameter, string>
        {
            [CreateParameter.Seconds] = "`duration` (number)",
            [CreateParameter.Size] = "`size`",
            [CreateParameter.AspectRatio] = "`aspect_ratio`",
            [CreateParameter.Resolution] = "`resolution`",
            [CreateParameter.Seed] = "`seed` (integer)",
            [CreateParameter.Audio] = "`generate_audio` (boolean)",
            [CreateParameter.InputReference] = "`frame_images[]` (`first_frame`, URL or data URL)",
            [CreateParameter.LastFrame] = "`frame_images[]` (`last_frame`, URL or data URL)",
            [CreateParameter.ReferenceImage] = "`input_references[]` (URL or data URL)",
        };

        public OpenRouterDialect()
            : base(ServerKind.OpenRouter, "OpenRouter", 4, false, RequestEncoding.JsonUnlessFile, AuthenticationStyle.Bearer, Served, Mp4Only)
        {
        }

        public override bool IsInferable => true;

        /// <summary>The video guide's example model: a submit requires one.</summary>
        public override string? DefaultModel => "google/veo-3.1";

        public override TimeSpan DefaultPollInterval => TimeSpan.FromSeconds(10);

        public override bool ContentAtResultUrls => true;

        /// <summary>True: <c>GET /videos/models</c> publishes each model's values and prices.</summary>
        public override bool PublishesModels => true;

        private protected override IReadOnlyDictionary<CreateParameter, string> Fields => OpenRouterFields;

        private protected override bool Recognises(Uri baseUri, AuthenticationStyle authentication) =>
            string.Equals(baseUri.Host, "openrouter.ai", StringComparison.OrdinalIgnoreCase);

        private protected override Uri RootFor(Uri given) =>
            given.AbsolutePath.Trim('/').Length == 0 ? new Uri(given, "/api/v1") : given;

        private protected override void WriteCreateFields(VideoCreateRequest request, RequestBody body)
        {
            body.Field("duration", request.Seconds is null ? null : NumberOfSeconds(request.Seconds))
                .Field("size", request.Size)
                .Field("aspect_ratio", request.AspectRatio)
                .Field("resolution", request.Resolution)
                .Field("seed", request.Seed)
                .Field("generate_audio", request.Audio);
            var frames = new List<object?>();
            AddFrame(frames, CreateParameter.InputReference, request.InputReference, "first_frame");
            AddFrame(frames, CreateParameter.LastFrame, request.LastFrame, "last_frame");
            if (frames.Count > 0)
            {
                body.Field("frame_images", frames);
            }

            if (request.ReferenceImages.Count > 0)
            {
                var references = new List<object?>();
                foreach (var image in request.ReferenceImages)
                {
                    references.Add(ImageUrlPart(CreateParameter.ReferenceImage, image));
                }

                body.Field("input_references", references);
            }
        }

        private void AddFrame(List<object?> frames, CreateParameter parameter, VideoInputReference? reference, string frameType)
        {
            if (reference is not null)
            {
                var part = ImageUrlPart(parameter, reference);
                part["frame_type"] = frameType;
                frames.Add(part);
            }
        }

        private Dictionary<string, object?> ImageUrlPart(CreateParameter parameter, VideoInputReference reference) => new Dictionary<string, object?>
        {
            ["type"] = "image_url",
            ["image_url"] = new Dictionary<string, object?>
            {
                ["url"] = reference.AsUrl() ?? throw InvalidValue(parameter, reference.ToString(), "an image URL or a local image file (it cannot read Files API ids)"),
            },
        };
    }
}
