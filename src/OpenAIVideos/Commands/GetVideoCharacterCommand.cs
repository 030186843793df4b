using System.Management.Automation;
using OpenAIVideos.Commands.Pipeline;

namespace OpenAIVideos.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets characters by id.</para>
    /// <para type="description">Fetches each character given or piped (<c>GET /videos/characters/{id}</c>).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "VideoCharacter", DefaultParameterSetName = DefaultSet)]
    [OutputType(typeof(VideoCharacter))]
    public sealed class GetVideoCharacterCommand : VideoApiCmdlet
    {
        private const string DefaultSet = "Default";

        /// <summary>The character's id; character objects bind by their Id.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [PipelineText(nameof(CharacterId), "Id")]
        [ValidateNotNullOrEmpty]
        public string CharacterId { get; set; } = string.Empty;

        /// <summary>Gets one character.</summary>
        protected override void ProcessRecord()
        {
            var id = CharacterId;
            if (TryRun((client, token) => client.RetrieveCharacterAsync(id, token), id, out var character))
            {
                WriteObject(character);
            }
        }
    }
}
