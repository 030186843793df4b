namespace OpenAIVideos.Client
{
    /// <summary>Bytes received so far of one download.</summary>
    public readonly struct ContentDownloadProgress
    {
        /// <summary>Creates a progress report.</summary>
        public ContentDownloadProgress(long bytesReceived, long? totalBytes)
        {
            BytesReceived = bytesReceived;
            TotalBytes = totalBytes;
        }

        /// <summary>Bytes written so far.</summary>
        public long BytesReceived { get; }

        /// <summary>The full size, when the server said.</summary>
        public long? TotalBytes { get; }

        /// <summary>0 to 100, or null when the size is unknown.</summary>
        public int? Percent => TotalBytes is > 0 ? (int)(BytesReceived * 100 / TotalBytes.Value) : (int?)null;
    }
}
