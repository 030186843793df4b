using System;
using System.IO;

namespace OpenAIVideos.Client.Tests
{
    /// <summary>Finds the repository root from the test's output folder (the folder holding Module.sln).</summary>
    internal static class RepositoryPaths
    {
        public static readonly string Root = Find();

        private static string Find()
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Module.sln")))
            {
                folder = folder.Parent;
            }

            return folder?.FullName ?? throw new InvalidOperationException("Module.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
