using System.Collections.Generic;

namespace OpenAIVideos.Client.Tests.Compatibility
{
    /// <summary>One row of the matrix: an operation (or a variant of one) a script may ask of a server.</summary>
    public sealed record MatrixOperation(string Name, string Cmdlet)
    {
        public static readonly MatrixOperation CreateTextOnly = new("Create, text only", "New-Video");
        public static readonly MatrixOperation CreateWithImage = new("Create with an image file", "New-Video -InputReference");
        public static readonly MatrixOperation CreateWithExtraFields = new("Create with extra fields", "New-Video -AdditionalProperties");
        public static readonly MatrixOperation Retrieve = new("Retrieve", "Get-Video -VideoId");
        public static readonly MatrixOperation RetrieveUnknown = new("Retrieve an unknown id", "Get-Video -VideoId");
        public static readonly MatrixOperation List = new("List, paged", "Get-Video");
        public static readonly MatrixOperation WaitFailed = new("Wait for a job that fails", "Wait-Video");
        public static readonly MatrixOperation Delete = new("Delete", "Remove-Video");
        public static readonly MatrixOperation DownloadVideo = new("Download the video", "Save-VideoContent");
        public static readonly MatrixOperation DownloadThumbnail = new("Download the thumbnail", "Save-VideoContent -Variant thumbnail");
        public static readonly MatrixOperation DownloadSpritesheet = new("Download the spritesheet", "Save-VideoContent -Variant spritesheet");
        public static readonly MatrixOperation Remix = new("Remix", "Invoke-VideoRemix");
        public static readonly MatrixOperation Extend = new("Extend", "Invoke-VideoExtension");
        public static readonly MatrixOperation Edit = new("Edit", "Invoke-VideoEdit");
        public static readonly MatrixOperation CreateCharacter = new("Create a character", "New-VideoCharacter");
        public static readonly MatrixOperation RetrieveCharacter = new("Retrieve a character", "Get-VideoCharacter");

        /// <summary>Every row, in the table's order.</summary>
        public static readonly IReadOnlyList<MatrixOperation> All = new[]
        {
            CreateTextOnly, CreateWithImage, CreateWithExtraFields, Retrieve, RetrieveUnknown, List, WaitFailed, Delete,
            DownloadVideo, DownloadThumbnail, DownloadSpritesheet, Remix, Extend, Edit, CreateCharacter, RetrieveCharacter,
        };
    }
}
