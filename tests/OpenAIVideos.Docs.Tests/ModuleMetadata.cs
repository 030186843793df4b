using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using static OpenAIVideos.Tests.Shared.CustomAttributes;

namespace OpenAIVideos.Docs.Tests
{
    /// <summary>One parameter set's binding facts for a parameter.</summary>
    internal sealed record SetBinding(string SetName, bool Mandatory, int? Position, bool ByValue, bool ByPropertyName);

    /// <summary>A cmdlet parameter as the built assembly declares it.</summary>
    internal sealed record ParameterMetadata(
        string Name,
        string TypeFullName,
        IReadOnlyList<string> Aliases,
        IReadOnlyList<SetBinding> Sets,
        IReadOnlyList<string> AcceptedValues,
        string? Summary);

    /// <summary>A cmdlet as the built assembly declares it.</summary>
    internal sealed record CmdletMetadata(
        string Name,
        string ClassName,
        bool SupportsShouldProcess,
        bool SupportsPaging,
        string? DefaultParameterSet,
        IReadOnlyList<string> ParameterSets,
        IReadOnlyList<ParameterMetadata> Parameters,
        IReadOnlyList<string> OutputTypes,
        string? Synopsis);

    /// <summary>
    /// Reads the module's interface from the built OpenAIVideos.dll through a MetadataLoadContext (no PowerShell needed,
    /// as in tests/OpenAIVideos.Module.Tests), and the XML documentation the compiler wrote beside it.
    /// </summary>
    internal static class ModuleMetadata
    {
        public const string AllSets = "__AllParameterSets";

        private static readonly Lazy<IReadOnlyList<CmdletMetadata>> Loaded = new Lazy<IReadOnlyList<CmdletMetadata>>(Load);

        public static IReadOnlyList<CmdletMetadata> Cmdlets => Loaded.Value;

        public static string OutputFolder => AppContext.BaseDirectory;

        /// <summary>The environment variables the engine and cmdlets read: the literal OPENAI_* / AZURE_OPENAI_* strings in their IL.</summary>
        public static IReadOnlyList<string> EnvironmentVariableNames()
        {
            var names = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var file in new[] { "OpenAIVideos.Client.dll", "OpenAIVideos.dll" })
            {
                using var pe = new PEReader(File.OpenRead(Path.Combine(OutputFolder, file)));
                var reader = pe.GetMetadataReader();
                if (reader.GetHeapSize(HeapIndex.UserString) <= 1)
                {
                    continue;
                }

                for (var handle = MetadataTokens.UserStringHandle(1); !handle.IsNil; handle = reader.GetNextHandle(handle))
                {
                    var text = reader.GetUserString(handle);
                    if (Regex.IsMatch(text, "^(OPENAI|AZURE_OPENAI)_[A-Z_]+$"))
                    {
                        names.Add(text);
                    }
                }
            }

            return names.ToList();
        }

        private static IReadOnlyList<CmdletMetadata> Load()
        {
            var automationPath = typeof(ModuleMetadata).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(a => a.Key == "SystemManagementAutomationPath").Value!;
            var paths = Directory.GetFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll").ToList();
            paths.Add(automationPath);
            foreach (var name in new[] { "OpenAIVideos.dll", "OpenAIVideos.Models.dll", "OpenAIVideos.Client.dll" })
            {
                paths.Add(Path.Combine(OutputFolder, name));
            }

            var docs = XmlDocs.Load(Path.Combine(OutputFolder, "OpenAIVideos.xml"));
            using var context = new MetadataLoadContext(new PathAssemblyResolver(paths), "System.Private.CoreLib");
            var module = context.LoadFromAssemblyPath(Path.Combine(OutputFolder, "OpenAIVideos.dll"));
            var result = new List<CmdletMetadata>();
            foreach (var type in module.GetTypes())
            {
                var cmdlet = Attribute(type, "System.Management.Automation.CmdletAttribute");
                if (cmdlet is null)
                {
                    continue;
                }

                var parameters = new List<ParameterMetadata>();
                foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    var bindings = property.GetCustomAttributesData()
                        .Where(a => a.AttributeType.FullName == "System.Management.Automation.ParameterAttribute")
                        .Select(a =>
                        {
                            var position = Named(a, "Position", int.MinValue);
                            return new SetBinding(Named(a, "ParameterSetName", AllSets), Named(a, "Mandatory", false),
                                position == int.MinValue ? null : position, Named(a, "ValueFromPipeline", false),
                                Named(a, "ValueFromPipelineByPropertyName", false));
                        })
                        .ToList();
                    if (bindings.Count == 0)
                    {
                        continue;
                    }

                    var aliases = Attribute(property, "System.Management.Automation.AliasAttribute") is { } alias
                        ? StringArray(alias.ConstructorArguments[0])
                        : Array.Empty<string>();
                    var accepted = Attribute(property, "System.Management.Automation.ValidateSetAttribute") is { } validateSet
                        ? StringArray(validateSet.ConstructorArguments[0])
                        : property.PropertyType.IsEnum
                            ? property.PropertyType.GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => f.Name).ToArray()
                            : Array.Empty<string>();
                    var declaring = property.DeclaringType!;
                    parameters.Add(new ParameterMetadata(property.Name, property.PropertyType.FullName!, aliases, bindings, accepted,
                        docs.Summary($"P:{declaring.FullName}.{property.Name}")));
                }

                var defaultSet = Named<string?>(cmdlet, "DefaultParameterSetName", null);
                var sets = parameters.SelectMany(p => p.Sets).Select(s => s.SetName).Where(s => s != AllSets).ToList();
                if (defaultSet is not null)
                {
                    sets.Add(defaultSet); // PowerShell lists the default set even when no parameter names it.
                }

                var setNames = sets.Distinct(StringComparer.Ordinal).ToList();
                if (setNames.Count == 0)
                {
                    setNames.Add(AllSets);
                }

                var outputs = Attribute(type, "System.Management.Automation.OutputTypeAttribute") is { } output
                    ? ((ReadOnlyCollection<CustomAttributeTypedArgument>)output.ConstructorArguments[0].Value!).Select(a => ((Type)a.Value!).FullName!).ToArray()
                    : Array.Empty<string>();
                result.Add(new CmdletMetadata(
                    $"{cmdlet.ConstructorArguments[0].Value}-{cmdlet.ConstructorArguments[1].Value}",
                    type.Name,
                    Named(cmdlet, "SupportsShouldProcess", false),
                    Named(cmdlet, "SupportsPaging", false),
                    defaultSet,
                    setNames,
                    parameters,
                    outputs,
                    docs.Para($"T:{type.FullName}", "synopsis")));
            }

            return result.OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        }

        private static string[] StringArray(CustomAttributeTypedArgument argument) =>
            ((ReadOnlyCollection<CustomAttributeTypedArgument>)argument.Value!).Select(a => (string)a.Value!).ToArray();

        /// <summary>The compiler's XML documentation, reduced to plain text.</summary>
        private sealed class XmlDocs
        {
            private readonly Dictionary<string, XElement> _members;

            private XmlDocs(Dictionary<string, XElement> members) => _members = members;

            public static XmlDocs Load(string path)
            {
                if (!File.Exists(path))
                {
                    throw new FileNotFoundException($"The module's XML documentation is missing at {path}; GenerateDocumentationFile should write it.", path);
                }

                var members = XDocument.Load(path).Descendants("member")
                    .Where(m => m.Attribute("name") is not null)
                    .GroupBy(m => m.Attribute("name")!.Value)
                    .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
                return new XmlDocs(members);
            }

            public string? Summary(string member) =>
                _members.TryGetValue(member, out var element) && element.Element("summary") is { } summary ? Text.Plain(summary) : null;

            public string? Para(string member, string type) =>
                _members.TryGetValue(member, out var element)
                    ? element.Descendants("para").Where(p => (string?)p.Attribute("type") == type).Select(Text.Plain).FirstOrDefault()
                    : null;
        }
    }
}
