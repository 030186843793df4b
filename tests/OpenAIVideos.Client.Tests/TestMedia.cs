using System;
using System.Buffers.Binary;
using System.IO;
using System.IO.Compression;
using System.Text;

namespace OpenAIVideos.Client.Tests
{
    /// <summary>Small, valid media files made on the fly for uploads.</summary>
    internal static class TestMedia
    {
        /// <summary>A valid, all-black RGB PNG of the given size.</summary>
        public static byte[] Png(int width, int height)
        {
            using var png = new MemoryStream();
            png.Write(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
            var header = new byte[13];
            BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(0), width);
            BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
            header[8] = 8; // bit depth
            header[9] = 2; // truecolour
            WriteChunk(png, "IHDR", header);
            using (var pixels = new MemoryStream())
            {
                using (var zlib = new ZLibStream(pixels, CompressionLevel.Fastest, leaveOpen: true))
                {
                    var row = new byte[1 + (width * 3)]; // filter byte 0, then black pixels
                    for (var y = 0; y < height; y++)
                    {
                        zlib.Write(row);
                    }
                }

                WriteChunk(png, "IDAT", pixels.ToArray());
            }

            WriteChunk(png, "IEND", Array.Empty<byte>());
            return png.ToArray();
        }

        /// <summary>The start of an MP4 (an ftyp box and an empty mdat): enough to be recognised as one.</summary>
        public static byte[] Mp4Stub()
        {
            using var mp4 = new MemoryStream();
            mp4.Write(new byte[] { 0, 0, 0, 0x18 });
            mp4.Write(Encoding.ASCII.GetBytes("ftypisom"));
            mp4.Write(new byte[] { 0, 0, 2, 0 });
            mp4.Write(Encoding.ASCII.GetBytes("isomiso2"));
            mp4.Write(new byte[] { 0, 0, 0, 8 });
            mp4.Write(Encoding.ASCII.GetBytes("mdat"));
            return mp4.ToArray();
        }

        /// <summary>Writes bytes to a new temporary file with the given extension and returns its path.</summary>
        public static string TempFile(byte[] content, string extension)
        {
            var path = Path.Combine(Path.GetTempPath(), "oav-" + Guid.NewGuid().ToString("N") + extension);
            File.WriteAllBytes(path, content);
            return path;
        }

        private static void WriteChunk(Stream png, string type, byte[] data)
        {
            var length = new byte[4];
            BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
            png.Write(length);
            var typeBytes = Encoding.ASCII.GetBytes(type);
            png.Write(typeBytes);
            png.Write(data);
            var crc = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typeBytes, data));
            png.Write(crc);
        }

        private static uint Crc32(byte[] type, byte[] data)
        {
            var crc = 0xFFFFFFFFu;
            foreach (var b in type)
            {
                crc = Step(crc, b);
            }

            foreach (var b in data)
            {
                crc = Step(crc, b);
            }

            return crc ^ 0xFFFFFFFFu;

            static uint Step(uint crc, byte b)
            {
                crc ^= b;
                for (var k = 0; k < 8; k++)
                {
                    crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
                }

                return crc;
            }
        }
    }
}
