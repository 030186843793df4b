using System;
using System.Collections.Generic;
using OpenAIVideos.Client.Serialization;

namespace OpenAIVideos.Client
{
    /// <summary>
    /// The Gemini API's OpenAI compatibility for Veo, <c>https://generativelanguage.googleapis.com/v1beta/openai/videos</c>.
    /// Source: ai.google.dev/gemini-api/docs/openai, section "Generate a video" (read 2026-12-06 as summarised in
    /// ../shared/api/videos-api.md, "Who serves it"): Bearer key; create is multipart with <c>prompt</c> and <c>model</c>
    /// top-level and the rest as extra fields (<c>duration_seconds</c> 4/6/8 as an integer, <c>aspect_ratio</c>,
    /// <c>resolution</c>, <c>negative_prompt</c>, <c>seed</c>, <c>last_frame</c>, <c>reference_images</c> (≤ 3),
    /// <c>input_reference</c>, <c>extend_video_id</c>); <c>GET /videos/{id}</c> polls (status <c>processing</c>; the docs
    /// poll every 10 s); a completed video carries its result at <c>url</c>. Refused because the page shows none of them:
    /// list, delete, remix, edits, characters, a <c>/content</c> route, content variants, and a choice of audio.
    /// Not pinned down: how image fields travel in multipart (sent here as file parts under their field names).
    /// </summary>
    internal sealed class GeminiDialect : ServerProfile
    {
        /// <summary>An extension's segment: the docs require 8 seconds.</summary>
        public const int ExtensionSeconds = 8;

        private static readonly VideoOperation[] Served = { VideoOperation.Create, VideoOperation.Retrieve, VideoOperation.Content, VideoOperation.Extend };

        private static readonly IReadOnlyDictionary<CreateParameter, string> GeminiFields = new Dictionary<CreateParameter, string>
        {
            [CreateParameter.Seconds] = "`duration_seconds` (integer)",
            [CreateParameter.Size] = "`size` (mapped to an aspect ratio by the server)",
            [CreateParameter.AspectRatio] = "`aspect_ratio`",
            [CreateParameter.Resolution] = "`resolution`",
            [CreateParameter.NegativePrompt] = "`negative_prompt`",
            [CreateParameter.Seed] = "`seed` (integer)",
            [CreateParameter.InputReference] = "`input_reference` (file part)",
            [CreateParameter.LastFrame] = "`last_frame` (file part)",
            [CreateParameter.ReferenceImage] = "`reference_images` (file parts)",
        };

        public GeminiDialect()
            : base(ServerKind.Gemini, "Gemini API", 4, false, RequestEncoding.Multipart, AuthenticationStyle.Bearer, Served, Mp4Only)
        {
        }

        public override bool IsInferable => true;

        /// <summary>The page's example model: the route requires one. Not pinned down: which models it serves today.</summary>
        public override string? DefaultModel => "veo-3.1-generate-preview";

        public override TimeSpan DefaultPollInterval => TimeSpan.FromSeconds(10);

        public override bool ContentAtResultUrls => true;

        /// <summary>The model the page's example uses, with the values the page lists; no prices are published.</summary>
        public override IReadOnlyList<VideoModel> DocumentedModels => new[]
        {
            new VideoModel
            {
                Id = "veo-3.1-generate-preview", Name = "Veo 3.1", Server = Kind, Source = "documentation",
                Seconds = new[] { "4", "6", "8" }, Resolutions = new[] { "720p", "1080p", "4k" }, AspectRatios = new[] { "16:9", "9:16" },
                FrameImages = new[] { "first_frame", "last_frame" }, Seed = true,
            },
        };

        public override bool ChecksModelValues => true;

        public override IReadOnlyList<string> ExtensionDurations => new[] { "8" };

        private protected override IReadOnlyDictionary<CreateParameter, string> Fields => GeminiFields;

        private protected override bool Recognises(Uri baseUri, AuthenticationStyle authentication) =>
            string.Equals(baseUri.Host, "generativelanguage.googleapis.com", StringComparison.OrdinalIgnoreCase);

        // The address users copy is the API host or its /v1beta/openai root; the videos live under the latter.
        private protected override Uri RootFor(Uri given) =>
            given.AbsolutePath.Trim('/').Length == 0 ? new Uri(given, "/v1beta/openai") : given;

        private protected override void WriteCreateFields(VideoCreateRequest request, RequestBody body)
        {
            body.Field("duration_seconds", request.Seconds is null ? null : WholeSeconds(request.Seconds))
                .Field("size", request.Size)
                .Field("aspect_ratio", request.AspectRatio)
                .Field("resolution", request.Resolution)
                .Field("negative_prompt", request.NegativePrompt)
                .Field("seed", request.Seed)
                .File("input_reference", ImageFile(CreateParameter.InputReference, request.InputReference))
                .File("last_frame", ImageFile(CreateParameter.LastFrame, request.LastFrame));
            foreach (var image in request.ReferenceImages)
            {
                body.File("reference_images", ImageFile(CreateParameter.ReferenceImage, image));
            }
        }

        /// <summary>
        /// An extension is a create naming the video in <c>extend_video_id</c>, 8 seconds long, with the model (the route
        /// requires one; an extension's own model cannot be named through Invoke-VideoExtension, so it is the default, or
        /// <c>model</c> in -AdditionalProperties).
        /// </summary>
        internal override (string Path, RequestBody Body) ExtendRequest(VideoExtendRequest request)
        {
            if (request.VideoId is null)
            {
                throw new VideoApiException(VideoErrorIds.OperationNotSupported, VideoErrorCategory.NotImplemented,
                    $"{DisplayName} (-Server {Kind}) extends only its own videos, by id (extend_video_id); it takes no uploaded MP4, so nothing was sent.");
            }

            if (WholeSeconds(request.Seconds) != ExtensionSeconds)
            {
                throw InvalidValue(CreateParameter.Seconds, request.Seconds, $"{ExtensionSeconds} for an extension (its docs require it)");
            }

            var body = new RequestBody()
                .Field("prompt", request.Prompt)
                .Field("model", request.AdditionalProperties.ContainsKey("model") ? null : DefaultModel)
                .Field("extend_video_id", request.VideoId)
                .Field("duration_seconds", ExtensionSeconds);
            return ("videos", body.ExtraFields(request.AdditionalProperties));
        }

        // The docs take images as data, not as URLs or Files API ids: a local file is what can be sent.
        private UploadFile? ImageFile(CreateParameter parameter, VideoInputReference? reference) =>
            reference is null ? null
            : reference.File ?? throw InvalidValue(parameter, reference.ToString(), "a local image file (it takes no image URLs or file ids)");
    }
}
