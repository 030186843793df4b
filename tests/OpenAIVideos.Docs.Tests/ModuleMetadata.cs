using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Management.Automation;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using OpenAIVideos.Tests.Shared;

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
    /// Reads the module's interface as PowerShell 7.6 (hosted, as in tests/OpenAIVideos.Module.Tests) sees it, and the XML
    /// documentation the compiler wrote beside the assembly.
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
            // PowerShell's own view of the cmdlets (Get-Command and its parameter metadata), in a hosted session.
            var assembly = typeof(OpenAIVideos.Commands.NewVideoCommand).Assembly;
            var docs = XmlDocs.Load(Path.Combine(OutputFolder, "OpenAIVideos.xml"));
            using var shell = new HostedPowerShell(assembly);
            var result = new List<CmdletMetadata>();
            foreach (var type in HostedPowerShell.CmdletTypes(assembly))
            {
                var command = shell.Command(HostedPowerShell.CmdletName(type));
                var parameters = new List<ParameterMetadata>();
                foreach (var parameter in command.Parameters.Values.Where(p => !HostedPowerShell.AddedByPowerShell.Contains(p.Name)))
                {
                    var bindings = parameter.ParameterSets
                        .Select(set => new SetBinding(set.Key, set.Value.IsMandatory, set.Value.Position == int.MinValue ? null : set.Value.Position,
                            set.Value.ValueFromPipeline, set.Value.ValueFromPipelineByPropertyName))
                        .ToList();
                    var accepted = parameter.Attributes.OfType<ValidateSetAttribute>().FirstOrDefault() is { } validateSet
                        ? validateSet.ValidValues.ToArray()
                        : parameter.ParameterType.IsEnum ? Enum.GetNames(parameter.ParameterType) : Array.Empty<string>();
                    var declaring = type.GetProperty(parameter.Name)!.DeclaringType!;
                    parameters.Add(new ParameterMetadata(parameter.Name, parameter.ParameterType.FullName!, parameter.Aliases.ToArray(), bindings, accepted,
                        docs.Summary($"P:{declaring.FullName}.{parameter.Name}")));
                }

                var attribute = type.GetCustomAttribute<CmdletAttribute>()!;
                result.Add(new CmdletMetadata(
                    command.Name,
                    type.Name,
                    attribute.SupportsShouldProcess,
                    attribute.SupportsPaging,
                    attribute.DefaultParameterSetName,
                    command.ParameterSets.Select(set => set.Name).ToList(),
                    parameters,
                    command.OutputType.Select(output => output.Name).ToArray(),
                    docs.Para($"T:{type.FullName}", "synopsis")));
            }

            return result.OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        }

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
