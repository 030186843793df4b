using System;
using System.IO;
using System.IO.Compression;
using System.Text;

namespace OpenAIVideos.Resilience.Tests.Infrastructure
{
    /// <summary>Real, decodable PNGs of any size, made in memory (one grey scanline repeated).</summary>
    public static class Images
    {
        public static byte[] Png(int width, int height)
        {
            using var output = new MemoryStream();
            output.Write(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
            var header = new byte[13];
            WriteBigEndian(header, 0, width);
            WriteBigEndian(header, 4, height);
            header[8] = 8; // bit depth
            header[9] = 0; // greyscale
            Chunk(output, "IHDR", header);
            using (var pixels = new MemoryStream())
            {
                using (var zlib = new ZLibStream(pixels, CompressionLevel.Fastest, leaveOpen: true))
                {
                    var row = new byte[width + 1]; // filter byte 0, then grey pixels
                    Array.Fill(row, (byte)0x80, 1, width);
                    for (var y = 0; y < height; y++)
                    {
                        zlib.Write(row);
                    }
                }

                Chunk(output, "IDAT", pixels.ToArray());
            }

            Chunk(output, "IEND", Array.Empty<byte>());
            return output.ToArray();
        }

        private static void Chunk(Stream output, string type, byte[] data)
        {
            var length = new byte[4];
            WriteBigEndian(length, 0, data.Length);
            output.Write(length);
            var typeAndData = new byte[4 + data.Length];
            Encoding.ASCII.GetBytes(type).CopyTo(typeAndData, 0);
            data.CopyTo(typeAndData, 4);
            output.Write(typeAndData);
            var crc = new byte[4];
            WriteBigEndian(crc, 0, (int)Crc32(typeAndData));
            output.Write(crc);
        }

        private static void WriteBigEndian(byte[] buffer, int offset, int value)
        {
            buffer[offset] = (byte)(value >> 24);
            buffer[offset + 1] = (byte)(value >> 16);
            buffer[offset + 2] = (byte)(value >> 8);
            buffer[offset + 3] = (byte)value;
        }

        private static uint Crc32(byte[] data)
        {
            var crc = 0xFFFFFFFFu;
            foreach (var b in data)
            {
                crc ^= b;
                for (var bit = 0; bit < 8; bit++)
                {
                    crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
                }
            }

            return ~crc;
        }
    }
}
