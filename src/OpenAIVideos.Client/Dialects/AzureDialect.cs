using System;
using System.Collections.Generic;

namespace OpenAIVideos.Client
{
    /// <summary>
    /// Azure OpenAI v1 (sora-2 retires 2026-10-15 per Microsoft Learn's model retirement schedule). Source: Microsoft
    /// Learn "video generation" (the <c>/openai/v1</c> root, <c>api-key</c> header; create, list, retrieve, delete,
    /// content and remix). Two running jobs per key, no idempotency.
    /// </summary>
    internal sealed class AzureDialect : ServerProfile
    {
        public AzureDialect()
            : base(ServerKind.Azure, "Azure OpenAI", 2, false, RequestEncoding.JsonUnlessFile, AuthenticationStyle.ApiKeyHeader, CoreAndRemix, null, apiVersion: "preview")
        {
        }

        public override bool IsInferable => true;

        private protected override bool Recognises(Uri baseUri, AuthenticationStyle authentication) =>
            authentication == AuthenticationStyle.ApiKeyHeader
            || baseUri.Host.EndsWith(".openai.azure.com", StringComparison.OrdinalIgnoreCase)
            || baseUri.AbsolutePath.TrimEnd('/').EndsWith("/openai/v1", StringComparison.OrdinalIgnoreCase);

        // A bare resource endpoint (https://NAME.openai.azure.com) gets its /openai/v1 root; a full root is kept.
        private protected override Uri RootFor(Uri given) =>
            given.AbsolutePath.Trim('/').Length == 0 ? VideoClientOptions.AzureBaseUri(given.AbsoluteUri) : given;

        public override IReadOnlyList<VideoModel> DocumentedModels => SoraModels;

        public override bool UsesSoraPrices => true;
    }
}
