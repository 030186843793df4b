using System.Threading.Tasks;
using OpenAIVideos.Emulator.Http;

namespace OpenAIVideos.Emulator.Hosting
{
    /// <summary>What <see cref="SocketHost"/> serves: the API (<see cref="EmulatorApplication"/>) or the storage origin.</summary>
    internal interface IHttpApplication
    {
        /// <summary>The emulator the requests belong to (its options cap request bodies).</summary>
        EmulatorState State { get; }

        /// <summary>Answers one request.</summary>
        Task HandleAsync(ApiContext context);
    }
}
