using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using OpenAIVideos.Client;
using OpenAIVideos.Commands.Completion;
using OpenAIVideos.Commands.Content;
using OpenAIVideos.Commands.Pipeline;

namespace OpenAIVideos.Commands
{
    /// <summary>
    /// <para type="synopsis">Downloads a completed video's content: the MP4, its thumbnail or its spritesheet.</para>
    /// <para type="description">Saves each variant of each video given or piped. When -Path is a folder (the default is
    /// the current location) files are named after the video: video_123.mp4, video_123.thumbnail.webp,
    /// video_123.spritesheet.jpg. Otherwise -Path is the file name (one variant only). Files are written atomically:
    /// a failed download leaves nothing behind. Existing files are kept unless -Force.</para>
    /// </summary>
    [Cmdlet(VerbsData.Save, "VideoContent", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = DefaultSet)]
    [OutputType(typeof(FileInfo))]
    public sealed class SaveVideoContentCommand : VideoApiCmdlet
    {
        private const string DefaultSet = "Default";
        private const int ProgressActivityId = 1;
        private const string FileSystemProviderPrefix = @"Microsoft.PowerShell.Core\FileSystem::";
        private readonly List<VideoContentVariant> _variants = new List<VideoContentVariant>();
        private string _path = string.Empty;

        /// <summary>The completed video; video objects bind by their Id.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "video_id")]
        [PipelineText(nameof(VideoId), "Id", "video_id")]
        [ArgumentCompleter(typeof(VideoIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string VideoId { get; set; } = string.Empty;

        /// <summary>Which assets: video (MP4, the default), thumbnail (WebP), spritesheet (JPEG), or a server's own.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(VariantCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] Variant { get; set; } = { "video" };

        /// <summary>A folder (files named after the video) or, for one variant, a file. Default: the current location.</summary>
        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }

        /// <summary>Overwrites existing files.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Writes a FileInfo for each file saved.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Resolves the path and variants once.</summary>
        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            _path = Path is null ? SessionState.Path.CurrentFileSystemLocation.ProviderPath : ResolvePath(Path);
            foreach (var name in Variant)
            {
                _variants.Add(VideoContentVariant.Parse(name));
            }
        }

        /// <summary>Downloads one video's variants.</summary>
        protected override void ProcessRecord()
        {
            IReadOnlyList<ContentTarget> targets;
            try
            {
                targets = ContentPathPlanner.Plan(VideoId, _variants, _path, Directory.Exists);
            }
            catch (ArgumentException exception)
            {
                ThrowArgumentError(exception, Errors.VideoErrorReport.PathNotFolderId, _path);
                return;
            }

            foreach (var target in targets)
            {
                if (!ShouldProcess(target.Path, $"Save the {target.Variant.Name} of video {VideoId}"))
                {
                    continue;
                }

                Save(VideoId, target);
            }
        }

        private void Save(string videoId, ContentTarget target)
        {
            var activity = $"Saving the {target.Variant.Name} of {VideoFormatter.IdCell(videoId)}";
            var progress = new DispatchingProgress<ContentDownloadProgress>(Dispatcher, report =>
                WriteProgress(new ProgressRecord(ProgressActivityId, activity, VideoFormatter.DownloadStatus(report.BytesReceived, report.TotalBytes))
                {
                    PercentComplete = report.Percent ?? -1,
                    CurrentOperation = target.Path,
                }));
            var overwrite = Force.IsPresent;
            try
            {
                // To the end even on Ctrl+C: when the prompt comes back the file is whole and named, or absent.
                ContentDownloadResult? result = null;
                try
                {
                    result = RunToEnd((client, token) => client.DownloadContentToFileAsync(videoId, target.Variant, target.Path, overwrite, progress, token));
                }
                catch (VideoApiException exception)
                {
                    WriteApiError(exception, videoId);
                }

                if (result is not null)
                {
                    WriteVerbose($"Saved {VideoFormatter.BytesText(result.Bytes)} to {result.Path}.");
                    if (PassThru)
                    {
                        // Through the provider, as Get-Item: PSPath, PSParentPath and the rest are what the FileSystem
                        // views need for Mode, Length and the "Directory:" header.
                        var saved = FileSystemProviderPrefix + (result.Path ?? target.Path);
                        WriteObject(SessionState.InvokeProvider.Item.Get(new[] { saved }, true, true), true);
                    }
                }
            }
            finally
            {
                Dispatcher.Drain();
                WriteProgress(new ProgressRecord(ProgressActivityId, activity, "Done") { RecordType = ProgressRecordType.Completed });
            }
        }
    }
}
