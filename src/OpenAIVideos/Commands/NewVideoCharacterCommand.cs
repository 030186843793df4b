using System.Management.Automation;
using OpenAIVideos.Client;

namespace OpenAIVideos.Commands
{
    /// <summary>
    /// <para type="synopsis">Creates a reusable character from a short MP4.</para>
    /// <para type="description">Uploads the clip (<c>POST /videos/characters</c>) and writes the character; pass its id
    /// to New-Video -Character. Piped objects bind by property name (Name, Path), so rows of a CSV each make one.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "VideoCharacter", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = DefaultSet)]
    [OutputType(typeof(VideoCharacter))]
    public sealed class NewVideoCharacterCommand : VideoApiCmdlet
    {
        private const string DefaultSet = "Default";

        /// <summary>The character's display name (1 to 80 characters).</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = string.Empty;

        /// <summary>The MP4 showing the character.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        /// <summary>Creates the character.</summary>
        protected override void ProcessRecord()
        {
            var path = ResolvePath(Path);
            if (!ShouldProcess(Name, $"Create character from '{path}'"))
            {
                return;
            }

            VideoCharacterCreateRequest request;
            try
            {
                request = new VideoCharacterCreateRequest { Name = Name, Video = UploadFile.FromPath(path) };
            }
            catch (VideoApiException exception)
            {
                // One bad row of a piped list fails that row; the pipeline goes on.
                WriteApiError(exception, path);
                return;
            }

            if (TryRun((client, token) => client.CreateCharacterAsync(request, token), Name, out var character))
            {
                WriteObject(character);
            }
        }
    }
}
