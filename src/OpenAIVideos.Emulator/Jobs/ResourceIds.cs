using System;
using System.Security.Cryptography;

namespace OpenAIVideos.Emulator.Jobs
{
    /// <summary>Makes ids in OpenAI's shapes: a prefix and random lowercase hex.</summary>
    internal static class ResourceIds
    {
        public static string NewVideoId() => "video_" + RandomHex(16);

        /// <summary>32 random lowercase hex digits, like Python's <c>uuid.uuid4().hex</c>.</summary>
        public static string Uuid4Hex() => RandomHex(16);

        public static string NewCharacterId() => "char_" + RandomHex(16);

        public static string NewRequestId() => "req_" + RandomHex(16);

        public static string RandomHex(int bytes) => Convert.ToHexString(RandomNumberGenerator.GetBytes(bytes)).ToLowerInvariant();
    }
}
