using System;
using System.IO;
using System.Threading.Tasks;

namespace OpenAIVideos.Benchmarks.Harness
{
    /// <summary>The folder a download scenario writes into (<c>--dir</c>, else a new one under the temp path), emptied and removed afterwards.</summary>
    internal static class DownloadFolder
    {
        public static async Task UseAsync(BenchSettings settings, string name, Func<string, Task> run)
        {
            string folder = settings.DownloadFolder ?? Path.Combine(Path.GetTempPath(), $"{name}-{Environment.ProcessId}");
            Directory.CreateDirectory(folder);
            try
            {
                await run(folder);
            }
            finally
            {
                foreach (string file in Directory.GetFiles(folder, "*", SearchOption.TopDirectoryOnly))
                {
                    File.Delete(file);
                }

                Directory.Delete(folder);
            }
        }
    }
}
