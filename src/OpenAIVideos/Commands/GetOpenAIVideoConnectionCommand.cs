using System.Management.Automation;
using OpenAIVideos.Commands.Connection;

namespace OpenAIVideos.Commands
{
    /// <summary>
    /// <para type="synopsis">Shows the connection cmdlets use when given no connection parameters.</para>
    /// <para type="description">The session default (Connect-OpenAIVideo) when set, else the environment: base URI,
    /// server kind, authentication style, whether a key is set (never the key), organization, project, retries and
    /// timeout.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "OpenAIVideoConnection", DefaultParameterSetName = DefaultSet)]
    [OutputType(typeof(OpenAIVideoConnection))]
    public sealed class GetOpenAIVideoConnectionCommand : PSCmdlet
    {
        private const string DefaultSet = "Default";

        /// <summary>Writes the effective connection.</summary>
        protected override void EndProcessing()
        {
            var options = ConnectionResolver.Resolve(null, out var source);
            WriteObject(OpenAIVideoConnection.From(options, source));
        }
    }
}
