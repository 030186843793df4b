using System.IO;

namespace OpenAIVideos.Client
{
    /// <summary>Puts a finished temporary file in place in one step, so readers see the old file or the new, never half.</summary>
    internal static class AtomicFile
    {
        public static void Commit(string temporary, string target, bool overwrite)
        {
#if NET8_0_OR_GREATER
            // rename(2) on Unix and MoveFileEx with replace on Windows: atomic within one volume.
            File.Move(temporary, target, overwrite);
#else
            if (overwrite && File.Exists(target))
            {
                File.Replace(temporary, target, destinationBackupFileName: null); // ReplaceFile: atomic on NTFS
            }
            else
            {
                File.Move(temporary, target); // fails if the target appeared meanwhile: never clobbers without -Force
            }
#endif
        }
    }
}
