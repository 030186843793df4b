using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace OpenAIVideos.Tests.Shared
{
    /// <summary>Where things are, as the build told this assembly (see the csproj's AssemblyMetadata).</summary>
    internal static class TestEnvironment
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

        public static string CoreFolder => Path.Combine(ModuleRoot, "Dependencies", "Core");

        public static string DesktopFolder => Path.Combine(ModuleRoot, "Dependencies", "Desktop");

        /// <summary>The .NET 8 shared framework's list (data/FrameworkList.xml of Microsoft.NETCore.App.Ref 8.0.x).</summary>
        public static string Net8FrameworkList
        {
            get
            {
                var candidates = new[] { Metadata("NuGetPackageRoot"), Metadata("NetCoreTargetingPackRoot") }
                    .Where(root => root.Length > 0)
                    .SelectMany(root => new[] { Path.Combine(root, "microsoft.netcore.app.ref"), Path.Combine(root, "Microsoft.NETCore.App.Ref") })
                    .Where(Directory.Exists)
                    .SelectMany(Directory.GetDirectories)
                    .Where(dir => Path.GetFileName(dir).StartsWith("8.0.", StringComparison.Ordinal))
                    .Select(dir => Path.Combine(dir, "data", "FrameworkList.xml"))
                    .Where(File.Exists)
                    .OrderByDescending(path => Version.Parse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(path)))!))
                    .ToList();
                Assert.True(candidates.Count > 0, "The .NET 8 targeting pack (Microsoft.NETCore.App.Ref 8.0.x) was not found; the layout's net8.0 build restores it.");
                return candidates[0];
            }
        }

        /// <summary>The .NET Framework 4.7.2 reference assemblies (with Facades/), restored by the layout's net472 build.</summary>
        public static string NetFramework472Folder
        {
            get
            {
                var packages = Path.Combine(Metadata("NuGetPackageRoot"), "microsoft.netframework.referenceassemblies.net472");
                var folder = Directory.Exists(packages)
                    ? Directory.GetDirectories(packages)
                        .OrderByDescending(dir => Version.Parse(Path.GetFileName(dir).Split('-')[0]))
                        .Select(dir => Path.Combine(dir, "build", ".NETFramework", "v4.7.2"))
                        .FirstOrDefault(Directory.Exists)
                    : null;
                Assert.True(folder is not null, $"The .NET Framework 4.7.2 reference assemblies were not found under {packages}; the layout's net472 build restores them.");
                return folder!;
            }
        }

        private static string Metadata(string key) =>
            typeof(TestEnvironment).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .FirstOrDefault(attribute => attribute.Key == key)?.Value
            ?? throw new InvalidOperationException($"AssemblyMetadata '{key}' is missing from the test assembly.");
    }
}
