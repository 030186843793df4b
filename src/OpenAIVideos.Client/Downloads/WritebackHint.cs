using System.IO;
#if NET8_0_OR_GREATER
using System;
using System.Runtime.InteropServices;
#endif

namespace OpenAIVideos.Client
{
    /// <summary>
    /// Asks Linux to start writing a downloaded file's pages to disk while the download goes on
    /// (<c>sync_file_range(SYNC_FILE_RANGE_WRITE)</c>, which does not wait), so the fsync that makes the finished file
    /// durable has little left to do instead of the whole body. Only a hint: the bytes, the final fsync and the rename
    /// are unchanged, and any failure just turns the hint off. Elsewhere it does nothing.
    /// </summary>
    internal sealed class WritebackHint
    {
#if NET8_0_OR_GREATER
        private const long Window = 8L * 1024 * 1024;
        private const uint SyncFileRangeWrite = 2;
        private readonly FileStream _file;
        private readonly int _descriptor;
        private long _started;
        private bool _off;

        private WritebackHint(FileStream file)
        {
            _file = file;
            _descriptor = (int)file.SafeFileHandle.DangerousGetHandle(); // read once: the getter seeks the OS offset
        }

        public static WritebackHint? For(FileStream file) => OperatingSystem.IsLinux() ? new WritebackHint(file) : null;

        /// <summary>Called after each write; starts writeback of every whole window below the file's position.</summary>
        public void Written()
        {
            var position = _file.Position;
            if (position < _started)
            {
                _started = 0; // the download restarted from the beginning
            }

            while (!_off && position - _started >= Window)
            {
                try
                {
                    _off = sync_file_range(_descriptor, _started, Window, SyncFileRangeWrite) != 0;
                }
                catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
                {
                    _off = true;
                }

                _started += Window;
            }
        }

        [DllImport("libc", SetLastError = true)]
        private static extern int sync_file_range(int fd, long offset, long nbytes, uint flags);
#else
        private WritebackHint()
        {
        }

        public static WritebackHint? For(FileStream file) => null;

        public void Written()
        {
        }
#endif
    }
}
