using System.Management.Automation;
using OpenAIVideos.Client;

namespace OpenAIVideos.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets the connected server's video models and what each accepts.</para>
    /// <para type="description">Lists the video models of the connected server with the durations, resolutions, aspect
    /// ratios and sizes each takes, whether it generates audio or honours a seed, and its published prices: OpenRouter's
    /// <c>GET /videos/models</c>, elsewhere what the server's documentation lists. The list is cached per connection and
    /// drives tab completion of -Model, -Seconds, -Resolution, -AspectRatio and -Size and the check New-Video makes
    /// before anything is billed.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "VideoModel", DefaultParameterSetName = DefaultSet)]
    [OutputType(typeof(VideoModel))]
    public sealed class GetVideoModelCommand : VideoApiCmdlet
    {
        private const string DefaultSet = "Default";

        /// <summary>Only models whose id matches this (wildcards allowed), e.g. 'google/*'.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "Model")]
        [SupportsWildcards]
        public string? Name { get; set; }

        /// <summary>Asks the server again instead of using the cached list.</summary>
        [Parameter]
        public SwitchParameter Refresh { get; set; }

        /// <summary>Writes the matching models.</summary>
        protected override void ProcessRecord()
        {
            var refresh = Refresh.IsPresent;
            if (!TryRun((client, token) => VideoModelCatalogue.GetAsync(client, refresh, token), Name, out var models))
            {
                return;
            }

            var pattern = new WildcardPattern(string.IsNullOrEmpty(Name) ? "*" : Name, WildcardOptions.IgnoreCase);
            foreach (var model in models)
            {
                if (pattern.IsMatch(model.Id))
                {
                    WriteObject(model);
                }
            }
        }
    }
}
