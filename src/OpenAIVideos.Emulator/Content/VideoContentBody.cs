using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using OpenAIVideos.Emulator.Jobs;

namespace OpenAIVideos.Emulator.Content
{
    /// <summary>
    /// The bytes of one variant of a video, independent of the HTTP host: the embedded asset, or the synthetic MP4 of
    /// <c>[emulator:content-bytes=N]</c>. The API's content route and the storage origin both serve it, so they agree byte
    /// for byte and in how ranges are cut.
    /// </summary>
    internal sealed class VideoContentBody
    {
        private readonly byte[]? _asset;

        private VideoContentBody(byte[]? asset, long length, string contentType)
        {
            _asset = asset;
            Length = length;
            ContentType = contentType;
        }

        public long Length { get; }

        public string ContentType { get; }

        public static VideoContentBody For(VideoJob job, string variant)
        {
            if (variant == "video" && job.Markers.ContentBytes is long bytes)
            {
                return new VideoContentBody(null, bytes, "video/mp4");
            }

            (byte[] asset, string contentType) = ContentAssets.Get(variant, job.Size);
            return new VideoContentBody(asset, asset.Length, contentType);
        }

        /// <summary>Writes <paramref name="count"/> bytes from <paramref name="start"/>; <paramref name="beforeWrite"/> counts them first.</summary>
        public async Task WriteAsync(Stream destination, long start, long count, Action<long> beforeWrite, CancellationToken ct)
        {
            if (_asset != null)
            {
                // Counted before writing: once a client holds the bytes, the statistics already include them.
                beforeWrite(count);
                await destination.WriteAsync(_asset.AsMemory((int)start, (int)count), ct);
                return;
            }

            await SyntheticVideoContent.WriteAsync(destination, Length, start, count, beforeWrite, ct);
        }
    }
}
