using System.IO;
#if NET8_0_OR_GREATER
using System;
using System.Runtime.InteropServices;
#endif

namespace OpenAIVideos.Client
{
    /// <summary>Puts a finished temporary file in place in one step, so readers see the old file or the new, never half.</summary>
    internal static class AtomicFile
    {
        /// <summary>
        /// Renames <paramref name="temporary"/> (already flushed to disk) to <paramref name="target"/>, then flushes the
        /// folder, so the new name survives a power cut as well (on Unix a rename is durable only once its folder is);
        /// returns false when the folder could not be flushed (the file is in place all the same).
        /// </summary>
        public static bool Commit(string temporary, string target, bool overwrite)
        {
#if NET8_0_OR_GREATER
            // rename(2) on Unix and MoveFileEx with replace on Windows: atomic within one volume.
            File.Move(temporary, target, overwrite);
            return FlushFolder(Path.GetDirectoryName(target)!);
#else
            if (overwrite && File.Exists(target))
            {
                File.Replace(temporary, target, destinationBackupFileName: null); // ReplaceFile: atomic on NTFS
            }
            else
            {
                File.Move(temporary, target); // fails if the target appeared meanwhile: never clobbers without -Force
            }

            return true; // Windows PowerShell: only the file is flushed; folders are flushed on Unix only
#endif
        }

/// <summary>Flushes a folder's entries (a new or renamed file's name) to disk; true on Windows and .NET Framework, where only files are flushed.</summary>
        internal static bool FlushFolderOf(string path)
        {
#if NET8_0_OR_GREATER
            return FlushFolder(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) ?? ".");
#else
            return true;
#endif
        }

#if NET8_0_OR_GREATER
        private static bool FlushFolder(string folder)
        {
            if (OperatingSystem.IsWindows())
            {
                return true; // only the file is flushed on Windows; folders are flushed on Unix only
            }

            try
            {
                var descriptor = open(folder, 0 /* O_RDONLY */);
                if (descriptor < 0)
                {
                    return false;
                }

                try
                {
                    return fsync(descriptor) == 0;
                }
                finally
                {
                    close(descriptor);
                }
            }
            catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
            {
                return false;
            }
        }

        [DllImport("libc", SetLastError = true)]
        private static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

        [DllImport("libc", SetLastError = true)]
        private static extern int fsync(int descriptor);

        [DllImport("libc")]
        private static extern int close(int descriptor);
#endif
    }
}
