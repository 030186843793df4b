using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;

namespace OpenAIVideos.Packaging.Tests
{
    /// <summary>What an assembly file says about itself, read as metadata (never loaded).</summary>
    internal sealed class AssemblyFacts
    {
        private AssemblyFacts(string path, AssemblyName identity, IReadOnlyList<AssemblyName> references, string? targetFramework)
        {
            Path = path;
            Identity = identity;
            References = references;
            TargetFramework = targetFramework;
        }

        public string Path { get; }

        public AssemblyName Identity { get; }

        public string Name => Identity.Name!;

        public IReadOnlyList<AssemblyName> References { get; }

        /// <summary>The TargetFrameworkAttribute value, e.g. ".NETCoreApp,Version=v8.0".</summary>
        public string? TargetFramework { get; }

        public string? FileVersion => FileVersionInfo.GetVersionInfo(Path).FileVersion;

        public static AssemblyFacts Read(string path)
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            var reader = pe.GetMetadataReader();
            var references = reader.AssemblyReferences
                .Select(handle => reader.GetAssemblyReference(handle).GetAssemblyName())
                .ToList();
            return new AssemblyFacts(path, reader.GetAssemblyDefinition().GetAssemblyName(), references, ReadTargetFramework(reader));
        }

        /// <summary>The .dll files of a folder, by simple name.</summary>
        public static Dictionary<string, AssemblyFacts> ReadFolder(string folder) =>
            Directory.GetFiles(folder, "*.dll").Select(Read).ToDictionary(facts => facts.Name, StringComparer.OrdinalIgnoreCase);

        /// <summary>Name → assembly version of the .NET 8 shared framework (Microsoft.NETCore.App), from its FrameworkList.xml.</summary>
        public static Dictionary<string, Version> ReadFrameworkList(string frameworkListXml) =>
            XDocument.Load(frameworkListXml).Root!.Elements("File")
                .Where(file => (string?)file.Attribute("Type") != "Analyzer")
                .ToDictionary(
                    file => (string)file.Attribute("AssemblyName")!,
                    file => Version.Parse((string)file.Attribute("AssemblyVersion")!),
                    StringComparer.OrdinalIgnoreCase);

        /// <summary>Name → version of a reference-assembly folder and its Facades (the .NET Framework 4.7.2 surface).</summary>
        public static Dictionary<string, Version> ReadReferenceAssemblies(string folder)
        {
            var map = new Dictionary<string, Version>(StringComparer.OrdinalIgnoreCase);
            foreach (var path in Directory.GetFiles(folder, "*.dll").Concat(Directory.GetFiles(System.IO.Path.Combine(folder, "Facades"), "*.dll")))
            {
                if (!IsAssembly(path))
                {
                    continue; // a native or module-only image
                }

                var identity = Read(path).Identity;
                map[identity.Name!] = identity.Version!;
            }

            return map;
        }

        private static bool IsAssembly(string path)
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            return pe.HasMetadata && pe.GetMetadataReader().IsAssembly;
        }

        private static string? ReadTargetFramework(MetadataReader reader)
        {
            foreach (var handle in reader.GetAssemblyDefinition().GetCustomAttributes())
            {
                var attribute = reader.GetCustomAttribute(handle);
                if (attribute.Constructor.Kind != HandleKind.MemberReference)
                {
                    continue;
                }

                var constructor = reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
                if (constructor.Parent.Kind != HandleKind.TypeReference)
                {
                    continue;
                }

                var type = reader.GetTypeReference((TypeReferenceHandle)constructor.Parent);
                if (reader.GetString(type.Name) != "TargetFrameworkAttribute")
                {
                    continue;
                }

                // Blob: prolog (2 bytes), then the first constructor argument as a serialized string.
                var blob = reader.GetBlobReader(attribute.Value);
                blob.ReadUInt16();
                return blob.ReadSerializedString();
            }

            return null;
        }
    }
}
