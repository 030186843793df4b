using System;
using System.IO;

namespace OpenAIVideos.Docs.Tests
{
    /// <summary>Where the documents under test live: found by walking up from the test output to Module.sln.</summary>
    internal static class RepositoryPaths
    {
        private static readonly Lazy<string> RootPath = new Lazy<string>(() =>
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Module.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException($"No Module.sln above {AppContext.BaseDirectory}.");
        });

        public static string Root => RootPath.Value;

        public static string HelpFolder => Path.Combine(Root, "docs", "en-US");

        public static string AboutTopic => Path.Combine(HelpFolder, "about_OpenAIVideos.md");

        public static string Readme => Path.Combine(Root, "README.md");

        /// <summary>A path relative to the repository root, for failure messages.</summary>
        public static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');
    }
}
