using System;
using System.Buffers.Binary;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAIVideos.Emulator.Content
{
    /// <summary>
    /// Benchmark content of any length, generated on the fly: an MP4 <c>ftyp</c> box, then one <c>mdat</c> box (64-bit
    /// size) filled with zeros to exactly the requested length. Any byte range is cheap to produce, so several GiB
    /// stream without being held in memory.
    /// </summary>
    internal static class SyntheticVideoContent
    {
        private const int ChunkSize = 64 * 1024;

        public static async Task<long> WriteAsync(Stream destination, long totalLength, long offset, long count, Action<long> beforeWrite, CancellationToken ct)
        {
            byte[] header = Header(totalLength);
            byte[] chunk = new byte[(int)Math.Min(ChunkSize, Math.Max(count, 1))];
            long written = 0;
            while (written < count)
            {
                ct.ThrowIfCancellationRequested();
                int length = (int)Math.Min(chunk.Length, count - written);
                Array.Clear(chunk, 0, length);
                long position = offset + written;
                if (position < header.Length)
                {
                    int headerBytes = (int)Math.Min(header.Length - position, length);
                    Array.Copy(header, position, chunk, 0, headerBytes);
                }

                beforeWrite(length);
                await destination.WriteAsync(chunk.AsMemory(0, length), ct);
                written += length;
            }

            return written;
        }

        private static byte[] Header(long totalLength)
        {
            byte[] header = new byte[48];
            // ftyp: size 32, major brand isom, minor version 0x200, compatible brands isom iso2 avc1 mp41.
            BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(0), 32);
            "ftypisom"u8.CopyTo(header.AsSpan(4));
            BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(12), 0x200);
            "isomiso2avc1mp41"u8.CopyTo(header.AsSpan(16));
            // mdat with size 1 means "64-bit size follows"; it covers everything after ftyp.
            BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(32), 1);
            "mdat"u8.CopyTo(header.AsSpan(36));
            BinaryPrimitives.WriteUInt64BigEndian(header.AsSpan(40), (ulong)Math.Max(0, totalLength - 32));
            return header;
        }
    }
}
