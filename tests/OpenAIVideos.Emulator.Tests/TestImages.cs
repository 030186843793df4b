using System;
using System.Buffers.Binary;
using System.IO;
using System.IO.Compression;

namespace OpenAIVideos.Emulator.Tests
{
    /// <summary>Builds minimal valid PNGs of any size in memory (one grey scanline pattern, zlib-compressed).</summary>
    internal static class TestImages
    {
        public static byte[] Png(int width, int height)
        {
            using var output = new MemoryStream();
            output.Write(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
            byte[] ihdr = new byte[13];
            BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
            BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
            ihdr[8] = 8; // bit depth
            ihdr[9] = 0; // greyscale
            WriteChunk(output, "IHDR", ihdr);
            using var raw = new MemoryStream();
            using (var zlib = new ZLibStream(raw, CompressionLevel.Fastest, leaveOpen: true))
            {
                byte[] row = new byte[width + 1];
                for (int y = 0; y < height; y++)
                {
                    zlib.Write(row);
                }
            }

            WriteChunk(output, "IDAT", raw.ToArray());
            WriteChunk(output, "IEND", Array.Empty<byte>());
            return output.ToArray();
        }

        private static void WriteChunk(Stream output, string type, byte[] data)
        {
            byte[] header = new byte[8];
            BinaryPrimitives.WriteInt32BigEndian(header, data.Length);
            System.Text.Encoding.ASCII.GetBytes(type, 0, 4, header, 4);
            output.Write(header);
            output.Write(data);
            byte[] crcInput = new byte[4 + data.Length];
            Array.Copy(header, 4, crcInput, 0, 4);
            Array.Copy(data, 0, crcInput, 4, data.Length);
            byte[] crc = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(crcInput));
            output.Write(crc);
        }

        private static uint Crc32(byte[] data)
        {
            uint crc = 0xFFFFFFFF;
            foreach (byte b in data)
            {
                crc ^= b;
                for (int k = 0; k < 8; k++)
                {
                    crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
                }
            }

            return ~crc;
        }
    }
}
