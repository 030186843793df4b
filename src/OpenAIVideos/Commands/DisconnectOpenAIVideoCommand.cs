using System.Management.Automation;
using OpenAIVideos.Commands.Completion;
using OpenAIVideos.Commands.Connection;

namespace OpenAIVideos.Commands
{
    /// <summary>
    /// <para type="synopsis">Forgets the session default set by Connect-OpenAIVideo.</para>
    /// <para type="description">Cmdlets then use their own parameters and the environment (OPENAI_API_KEY, ...).</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Disconnect, "OpenAIVideo", DefaultParameterSetName = DefaultSet)]
    [OutputType(typeof(void))]
    public sealed class DisconnectOpenAIVideoCommand : PSCmdlet
    {
        private const string DefaultSet = "Default";

        /// <summary>Clears the session default.</summary>
        protected override void EndProcessing()
        {
            VideoSession.Clear();
            VideoIdCache.ClearAll();
            OpenAIVideos.Client.VideoModelCatalogue.ClearAll();
            WriteVerbose("The session default is cleared; cmdlets use the environment.");
        }
    }
}
