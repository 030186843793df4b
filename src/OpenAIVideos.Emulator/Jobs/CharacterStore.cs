using System;
using System.Collections.Concurrent;

namespace OpenAIVideos.Emulator.Jobs
{
    /// <summary>Characters created from uploaded videos; they never expire.</summary>
    internal sealed class CharacterStore
    {
        private readonly ConcurrentDictionary<string, VideoCharacter> _characters =
            new ConcurrentDictionary<string, VideoCharacter>(StringComparer.Ordinal);

        public VideoCharacter Add(string name, DateTimeOffset createdAt)
        {
            var character = new VideoCharacter(ResourceIds.NewCharacterId(), name, createdAt);
            _characters[character.Id] = character;
            return character;
        }

        public VideoCharacter? Find(string id) => _characters.TryGetValue(id, out VideoCharacter? character) ? character : null;
    }

    /// <summary>A stored character.</summary>
    internal sealed record VideoCharacter(string Id, string Name, DateTimeOffset CreatedAt);
}
