using System;
using System.Buffers.Binary;

namespace OpenAIVideos.Emulator.Content
{
    /// <summary>
    /// Reads width and height from the header of a PNG (IHDR), JPEG (SOF0/SOF1/SOF2) or WebP (VP8, VP8L, VP8X) image,
    /// enough to check that a reference image matches the requested size without an imaging library.
    /// </summary>
    internal static class ImageDimensions
    {
        public static bool TryRead(ReadOnlySpan<byte> data, out int width, out int height)
        {
            width = height = 0;
            if (data.Length >= 24 && data.StartsWith(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A })
                && data.Slice(12, 4).SequenceEqual("IHDR"u8))
            {
                width = (int)BinaryPrimitives.ReadUInt32BigEndian(data.Slice(16));
                height = (int)BinaryPrimitives.ReadUInt32BigEndian(data.Slice(20));
                return true;
            }

            if (data.Length >= 4 && data[0] == 0xFF && data[1] == 0xD8)
            {
                return TryReadJpeg(data, out width, out height);
            }

            if (data.Length >= 30 && data.Slice(0, 4).SequenceEqual("RIFF"u8) && data.Slice(8, 4).SequenceEqual("WEBP"u8))
            {
                return TryReadWebP(data, out width, out height);
            }

            return false;
        }

        private static bool TryReadJpeg(ReadOnlySpan<byte> data, out int width, out int height)
        {
            width = height = 0;
            int offset = 2;
            while (offset + 4 <= data.Length)
            {
                if (data[offset] != 0xFF)
                {
                    return false;
                }

                byte marker = data[offset + 1];
                if (marker == 0xFF)
                {
                    offset++; // fill byte
                    continue;
                }

                int length = BinaryPrimitives.ReadUInt16BigEndian(data.Slice(offset + 2));
                bool startOfFrame = marker is 0xC0 or 0xC1 or 0xC2;
                if (startOfFrame && offset + 9 <= data.Length)
                {
                    height = BinaryPrimitives.ReadUInt16BigEndian(data.Slice(offset + 5));
                    width = BinaryPrimitives.ReadUInt16BigEndian(data.Slice(offset + 7));
                    return true;
                }

                offset += 2 + length;
            }

            return false;
        }

        private static bool TryReadWebP(ReadOnlySpan<byte> data, out int width, out int height)
        {
            width = height = 0;
            ReadOnlySpan<byte> chunk = data.Slice(12, 4);
            if (chunk.SequenceEqual("VP8 "u8))
            {
                // Lossy: 3-byte frame tag, start code 9D 01 2A, then 14-bit width and height.
                if (data[23] != 0x9D || data[24] != 0x01 || data[25] != 0x2A)
                {
                    return false;
                }

                width = BinaryPrimitives.ReadUInt16LittleEndian(data.Slice(26)) & 0x3FFF;
                height = BinaryPrimitives.ReadUInt16LittleEndian(data.Slice(28)) & 0x3FFF;
                return true;
            }

            if (chunk.SequenceEqual("VP8L"u8))
            {
                // Lossless: signature 0x2F, then 14-bit width-1 and height-1 packed little-endian.
                if (data[20] != 0x2F)
                {
                    return false;
                }

                uint bits = BinaryPrimitives.ReadUInt32LittleEndian(data.Slice(21));
                width = (int)(bits & 0x3FFF) + 1;
                height = (int)((bits >> 14) & 0x3FFF) + 1;
                return true;
            }

            if (chunk.SequenceEqual("VP8X"u8))
            {
                // Extended: 24-bit canvas width-1 and height-1 after the flags.
                width = ReadUInt24(data.Slice(24)) + 1;
                height = ReadUInt24(data.Slice(27)) + 1;
                return true;
            }

            return false;
        }

        private static int ReadUInt24(ReadOnlySpan<byte> data) => data[0] | (data[1] << 8) | (data[2] << 16);
    }
}
