using System.IO;
using System.Linq;
using System.Reflection;

namespace OpenAIVideos.PowerShell.Tests
{
    /// <summary>Where the repository's manifest and the laid-out module are, as the build told this assembly.</summary>
    internal static class ModuleLayout
    {
        public static string RepositoryRoot => Metadata("RepositoryRoot");

        public static string ModuleVersion => Metadata("ModuleVersion");

        public static string SourceManifest => Path.Combine(RepositoryRoot, "OpenAIVideos.psd1");

        /// <summary>out/OpenAIVideos/&lt;version&gt;, built by the layout project this test project references.</summary>
        public static string ModuleRoot
        {
            get
            {
                var root = Path.Combine(RepositoryRoot, "out", "OpenAIVideos", ModuleVersion);
                Assert.True(Directory.Exists(root), $"The module layout {root} does not exist; build build/OpenAIVideos.Layout.csproj.");
                return root;
            }
        }

        public static string LaidOutManifest => Path.Combine(ModuleRoot, "OpenAIVideos.psd1");

        private static string Metadata(string key) =>
            typeof(ModuleLayout).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(attribute => attribute.Key == key).Value!;
    }
}
