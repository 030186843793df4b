using System;

namespace OpenAIVideos
{
    /// <summary>A reusable character (cameo) created from an uploaded video; referenced by id when creating videos.</summary>
    public sealed class VideoCharacter
    {
        /// <summary>Identifier of the character.</summary>
        public string? Id { get; set; }

        /// <summary>Display name of the character.</summary>
        public string? Name { get; set; }

        /// <summary>When the character was created.</summary>
        public DateTimeOffset CreatedAt { get; set; }

        /// <summary>The id.</summary>
        public override string ToString() => Id ?? string.Empty;
    }
}
