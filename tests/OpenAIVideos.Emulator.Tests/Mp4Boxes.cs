using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Text;

namespace OpenAIVideos.Emulator.Tests
{
    /// <summary>
    /// A test-side MP4 box walker, written apart from the emulator's own so the two cannot share a bug: lists the
    /// top-level boxes and reads the first video track header's width and height.
    /// </summary>
    internal static class Mp4Boxes
    {
        public static List<string> TopLevel(byte[] data)
        {
            var types = new List<string>();
            int offset = 0;
            while (offset + 8 <= data.Length)
            {
                uint size = BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(offset));
                types.Add(Encoding.ASCII.GetString(data, offset + 4, 4));
                if (size < 8)
                {
                    break;
                }

                offset += (int)size;
            }

            return types;
        }

        public static (int Width, int Height)? TrackSize(byte[] data) => Find(data, 0, data.Length);

        private static (int, int)? Find(byte[] data, int start, int end)
        {
            int offset = start;
            while (offset + 8 <= end)
            {
                int size = (int)BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(offset));
                string type = Encoding.ASCII.GetString(data, offset + 4, 4);
                if (size < 8 || offset + size > end)
                {
                    return null;
                }

                if (type is "moov" or "trak")
                {
                    var inner = Find(data, offset + 8, offset + size);
                    if (inner != null)
                    {
                        return inner;
                    }
                }
                else if (type == "tkhd")
                {
                    int width = (int)(BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(offset + size - 8)) >> 16);
                    int height = (int)(BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(offset + size - 4)) >> 16);
                    if (width > 0)
                    {
                        return (width, height);
                    }
                }

                offset += size;
            }

            return null;
        }
    }
}
