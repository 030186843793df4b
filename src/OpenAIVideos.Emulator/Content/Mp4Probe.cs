using System;
using System.Buffers.Binary;

namespace OpenAIVideos.Emulator.Content
{
    /// <summary>
    /// Just enough MP4 box reading to accept an uploaded video: it must start with <c>ftyp</c>; when a <c>moov</c> is
    /// present its <c>mvhd</c> gives the duration and the first track header with a size gives width and height.
    /// </summary>
    internal static class Mp4Probe
    {
        public static bool LooksLikeMp4(ReadOnlySpan<byte> data) =>
            data.Length >= 8 && data.Slice(4, 4).SequenceEqual("ftyp"u8);

        public static (double? Seconds, int? Width, int? Height) Read(ReadOnlySpan<byte> data)
        {
            double? seconds = null;
            int? width = null, height = null;
            Walk(data, ref seconds, ref width, ref height);
            return (seconds, width, height);
        }

        private static void Walk(ReadOnlySpan<byte> data, ref double? seconds, ref int? width, ref int? height)
        {
            int offset = 0;
            while (offset + 8 <= data.Length)
            {
                long size = BinaryPrimitives.ReadUInt32BigEndian(data.Slice(offset));
                ReadOnlySpan<byte> type = data.Slice(offset + 4, 4);
                int headerLength = 8;
                if (size == 1 && offset + 16 <= data.Length)
                {
                    size = (long)BinaryPrimitives.ReadUInt64BigEndian(data.Slice(offset + 8));
                    headerLength = 16;
                }
                else if (size == 0)
                {
                    size = data.Length - offset;
                }

                if (size < headerLength || offset + size > data.Length)
                {
                    return;
                }

                ReadOnlySpan<byte> body = data.Slice(offset + headerLength, (int)size - headerLength);
                if (type.SequenceEqual("moov"u8) || type.SequenceEqual("trak"u8))
                {
                    Walk(body, ref seconds, ref width, ref height);
                }
                else if (type.SequenceEqual("mvhd"u8) && body.Length >= 20)
                {
                    bool v1 = body[0] == 1;
                    uint timescale = BinaryPrimitives.ReadUInt32BigEndian(body.Slice(v1 ? 20 : 12));
                    ulong duration = v1 ? BinaryPrimitives.ReadUInt64BigEndian(body.Slice(24)) : BinaryPrimitives.ReadUInt32BigEndian(body.Slice(16));
                    seconds = timescale == 0 ? null : (double)duration / timescale;
                }
                else if (type.SequenceEqual("tkhd"u8) && width is null && body.Length >= 84)
                {
                    // Width and height are the last 8 bytes, 16.16 fixed point; audio tracks have zero.
                    int w = (int)(BinaryPrimitives.ReadUInt32BigEndian(body.Slice(body.Length - 8)) >> 16);
                    int h = (int)(BinaryPrimitives.ReadUInt32BigEndian(body.Slice(body.Length - 4)) >> 16);
                    if (w > 0 && h > 0)
                    {
                        width = w;
                        height = h;
                    }
                }

                offset += (int)size;
            }
        }
    }
}
