using System;
using System.Collections.Generic;

namespace OpenAIVideos.Client
{
    /// <summary>
    /// OpenAI's own API at api.openai.com (retired 2026-09-24; kept for recorded behaviour): the spec as written
    /// (<c>../shared/api/videos-api.md</c>, OpenAI's openapi.yaml).
    /// </summary>
    internal sealed class OpenAIDialect : ServerProfile
    {
        public OpenAIDialect()
            : base(ServerKind.OpenAI, "OpenAI", 4, true, RequestEncoding.JsonUnlessFile, AuthenticationStyle.Bearer, AllOperations, null)
        {
        }

        public override bool IsInferable => true;

        private protected override bool Recognises(Uri baseUri, AuthenticationStyle authentication) =>
            authentication != AuthenticationStyle.ApiKeyHeader
            && string.Equals(baseUri.Host, VideoClientOptions.OpenAIBaseUri.Host, StringComparison.OrdinalIgnoreCase);

        public override IReadOnlyList<VideoModel> DocumentedModels => SoraModels;

        public override bool UsesSoraPrices => true;
    }
}
