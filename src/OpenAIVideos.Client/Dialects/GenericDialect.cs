using System.Collections.Generic;
namespace OpenAIVideos.Client
{
    /// <summary>
    /// Any server that follows OpenAI's spec as written (the built-in emulator's default flavor): every operation, any
    /// content variant, JSON unless a file is uploaded, Bearer key. The fallback when an address names no known server.
    /// </summary>
    internal sealed class GenericDialect : ServerProfile
    {
        public GenericDialect()
            : base(ServerKind.Generic, "a generic server", 4, true, RequestEncoding.JsonUnlessFile, AuthenticationStyle.Bearer, AllOperations, null)
        {
        }

        public override bool IsInferable => true;

        public override IReadOnlyList<VideoModel> DocumentedModels => SoraModels;

        public override bool UsesSoraPrices => true;
    }
}
