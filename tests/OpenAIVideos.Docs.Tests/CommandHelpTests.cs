using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace OpenAIVideos.Docs.Tests
{
    /// <summary>
    /// docs/en-US/&lt;Cmdlet&gt;.md against the built OpenAIVideos.dll: the cmdlets, their parameter sets, every
    /// parameter's binding facts and the descriptions the code's XML docs give. Common parameters are ignored; the
    /// ShouldProcess (-WhatIf, -Confirm) and paging (-First, -Skip, -IncludeTotalCount) parameters PowerShell adds
    /// are expected exactly where the cmdlet asks for them.
    /// </summary>
    public sealed class CommandHelpTests
    {
        private static readonly string[] RequiredSections =
        {
            "SYNOPSIS", "SYNTAX", "ALIASES", "DESCRIPTION", "EXAMPLES", "PARAMETERS", "INPUTS", "OUTPUTS", "NOTES", "RELATED LINKS",
        };

        private static readonly string[] YamlKeys =
        {
            "Type", "DefaultValue", "SupportsWildcards", "Aliases", "ParameterSets", "DontShow", "AcceptedValues", "HelpMessage",
        };

        public static TheoryData<string> CmdletNames()
        {
            var data = new TheoryData<string>();
            foreach (var cmdlet in ModuleMetadata.Cmdlets)
            {
                data.Add(cmdlet.Name);
            }

            return data;
        }

        [Fact]
        public void TheModuleExportsCmdlets()
        {
            // Guards the theories below against an empty (mis-built) assembly.
            Assert.True(ModuleMetadata.Cmdlets.Count >= 13, $"Only {ModuleMetadata.Cmdlets.Count} cmdlets found in {ModuleMetadata.OutputFolder}OpenAIVideos.dll.");
        }

        [Fact]
        public void EveryCmdletHasAHelpFileAndEveryHelpFileACmdlet()
        {
            var documented = Directory.GetFiles(RepositoryPaths.HelpFolder, "*.md")
                .Select(Path.GetFileNameWithoutExtension)
                .Where(n => !n!.StartsWith("about_", StringComparison.OrdinalIgnoreCase))
                .ToHashSet(StringComparer.Ordinal);
            var cmdlets = ModuleMetadata.Cmdlets.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
            var problems = cmdlets.Except(documented).Select(n => $"{n}: no help file docs/en-US/{n}.md for this cmdlet")
                .Concat(documented.Except(cmdlets).Select(n => $"docs/en-US/{n}.md: no cmdlet {n} in OpenAIVideos.dll"))
                .ToList();
            Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        }

        [Theory]
        [MemberData(nameof(CmdletNames))]
        public void FrontMatterAndSectionsFollowThePlatyPSSchema(string name)
        {
            var (cmdlet, document, problems) = Open(name);
            Expect(problems, document, "document type", "cmdlet");
            Expect(problems, document, "external help file", "OpenAIVideos.dll-Help.xml");
            Expect(problems, document, "Module Name", "OpenAIVideos");
            Expect(problems, document, "Locale", "en-US");
            Expect(problems, document, "PlatyPS schema version", "2024-05-01");
            Expect(problems, document, "title", cmdlet.Name);
            foreach (var key in new[] { "HelpUri", "ms.date" })
            {
                if (!document.FrontMatter.ContainsKey(key))
                {
                    problems.Add($"front matter has no '{key}' key");
                }
            }

            if (document.Title != cmdlet.Name)
            {
                problems.Add($"the title is '# {document.Title}', expected '# {cmdlet.Name}'");
            }

            var headings = document.Sections.Select(s => s.Key).ToList();
            if (!headings.SequenceEqual(RequiredSections))
            {
                problems.Add($"the ## sections are [{string.Join(", ", headings)}], expected [{string.Join(", ", RequiredSections)}]");
            }

            Report(document, problems);
        }

        [Theory]
        [MemberData(nameof(CmdletNames))]
        public void SynopsisAndDescriptionComeFromTheCode(string name)
        {
            var (cmdlet, document, problems) = Open(name);
            var synopsis = Text.Normalize(document.Section("SYNOPSIS"));
            if (cmdlet.Synopsis is null)
            {
                problems.Add($"class {cmdlet.ClassName} has no <para type=\"synopsis\"> in its XML docs");
            }
            else if (synopsis != cmdlet.Synopsis)
            {
                problems.Add($"SYNOPSIS is '{synopsis}' but the code's synopsis is '{cmdlet.Synopsis}'");
            }

            if (Text.Normalize(document.Section("DESCRIPTION")).Length < 20)
            {
                problems.Add("DESCRIPTION is empty or too short");
            }

            foreach (var heading in new[] { "INPUTS", "OUTPUTS", "NOTES", "RELATED LINKS" })
            {
                if (document.Section(heading).Length == 0 || document.Section(heading).Contains("{{", StringComparison.Ordinal))
                {
                    problems.Add($"{heading} is empty or still a placeholder");
                }
            }

            Report(document, problems);
        }

        [Theory]
        [MemberData(nameof(CmdletNames))]
        public void SyntaxBlocksMatchTheParameterSets(string name)
        {
            var (cmdlet, document, problems) = Open(name);
            var documentedSets = document.Syntax.Select(s => s.SetName).OrderBy(s => s, StringComparer.Ordinal).ToList();
            var codeSets = cmdlet.ParameterSets.OrderBy(s => s, StringComparer.Ordinal).ToList();
            if (!documentedSets.SequenceEqual(codeSets))
            {
                problems.Add($"SYNTAX has sets [{string.Join(", ", documentedSets)}] but the cmdlet declares [{string.Join(", ", codeSets)}]");
            }

            var defaults = document.Syntax.Where(s => s.IsDefault).Select(s => s.SetName).ToList();
            var expectedDefault = cmdlet.ParameterSets.Count == 1 && cmdlet.DefaultParameterSet is null ? null : cmdlet.DefaultParameterSet;
            if (expectedDefault is not null && !defaults.SequenceEqual(new[] { expectedDefault }))
            {
                problems.Add($"SYNTAX marks [{string.Join(", ", defaults)}] as (Default), expected [{expectedDefault}]");
            }

            foreach (var block in document.Syntax.Where(b => cmdlet.ParameterSets.Contains(b.SetName)))
            {
                CheckSyntaxBlock(cmdlet, block, problems);
            }

            Report(document, problems);
        }

        [Theory]
        [MemberData(nameof(CmdletNames))]
        public void ParametersMatchTheCode(string name)
        {
            var (cmdlet, document, problems) = Open(name);
            var documented = document.Parameters.GroupBy(p => p.Name, StringComparer.Ordinal).ToList();
            foreach (var duplicate in documented.Where(g => g.Count() > 1))
            {
                problems.Add($"-{duplicate.Key} is documented {duplicate.Count()} times");
            }

            var byName = documented.ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            foreach (var parameter in cmdlet.Parameters)
            {
                if (!byName.TryGetValue(parameter.Name, out var doc))
                {
                    problems.Add($"-{parameter.Name} is a parameter of the cmdlet but has no '### -{parameter.Name}' section");
                    continue;
                }

                CheckParameter(parameter, doc, problems);
            }

            var added = AddedParameters(cmdlet).ToDictionary(p => p.Name, StringComparer.Ordinal);
            foreach (var (extraName, doc) in byName.Where(p => cmdlet.Parameters.All(c => c.Name != p.Key)))
            {
                if (added.TryGetValue(extraName, out var expected))
                {
                    CheckParameter(expected, doc, problems, checkSummary: false);
                }
                else
                {
                    problems.Add($"'### -{extraName}' documents a parameter the cmdlet does not have");
                }
            }

            foreach (var missing in added.Keys.Where(k => !byName.ContainsKey(k)))
            {
                problems.Add($"-{missing} (added by PowerShell for this cmdlet) has no '### -{missing}' section");
            }

            if (!document.Section("PARAMETERS").Contains("### CommonParameters", StringComparison.Ordinal))
            {
                problems.Add("PARAMETERS has no '### CommonParameters' section");
            }

            Report(document, problems);
        }

        [Theory]
        [MemberData(nameof(CmdletNames))]
        public void InputsOutputsAndExamplesAreGiven(string name)
        {
            var (cmdlet, document, problems) = Open(name);
            var outputs = document.SubHeadings("OUTPUTS");
            foreach (var type in cmdlet.OutputTypes.Where(t => t != "System.Void"))
            {
                if (!outputs.Contains(type))
                {
                    problems.Add($"OUTPUTS has no '### {type}' although the cmdlet's [OutputType] declares it");
                }
            }

            var inputs = document.SubHeadings("INPUTS");
            foreach (var type in cmdlet.Parameters.Where(p => p.Sets.Any(s => s.ByValue)).Select(p => p.TypeFullName).Distinct())
            {
                if (!inputs.Contains(type))
                {
                    problems.Add($"INPUTS has no '### {type}' although a parameter of that type takes pipeline input by value");
                }
            }

            if (document.Examples.Count < 2)
            {
                problems.Add($"EXAMPLES has {document.Examples.Count} example(s); at least two are expected");
            }

            foreach (var example in document.Examples)
            {
                if (example.Code is null || example.Code.Trim().Length == 0)
                {
                    problems.Add($"example '{example.Title}' has no ```powershell code");
                }
                else if (!example.Code.Contains(cmdlet.Name, StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add($"example '{example.Title}' does not use {cmdlet.Name}");
                }

                if (!System.Text.RegularExpressions.Regex.IsMatch(example.Title, @"^Example \d+: \S"))
                {
                    problems.Add($"example heading '### {example.Title}' is not '### Example N: title'");
                }
            }

            Report(document, problems);
        }

        private static void CheckSyntaxBlock(CmdletMetadata cmdlet, SyntaxBlock block, List<string> problems)
        {
            var where = $"SYNTAX set '{block.SetName}'";
            var (command, shown, common, unreadable) = SyntaxLine.Parse(block.Text);
            if (unreadable is not null)
            {
                problems.Add($"{where}: cannot read the syntax from '{unreadable}'");
            }

            if (command != cmdlet.Name)
            {
                problems.Add($"{where}: the line starts with '{command}', expected '{cmdlet.Name}'");
            }

            if (!common)
            {
                problems.Add($"{where}: the line does not end with [<CommonParameters>]");
            }

            var expected = new List<SyntaxParameter>();
            foreach (var parameter in cmdlet.Parameters)
            {
                var binding = parameter.Sets.FirstOrDefault(s => s.SetName == block.SetName) ?? parameter.Sets.FirstOrDefault(s => s.SetName == ModuleMetadata.AllSets);
                if (binding is not null)
                {
                    expected.Add(new SyntaxParameter(parameter.Name, SyntaxTypeOf(parameter.TypeFullName), binding.Mandatory, binding.Position is not null));
                }
            }

            expected.AddRange(AddedParameters(cmdlet).Select(p => new SyntaxParameter(p.Name, SyntaxTypeOf(p.TypeFullName), false, false)));
            var shownByName = shown.GroupBy(p => p.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            foreach (var parameter in expected)
            {
                if (!shownByName.TryGetValue(parameter.Name, out var actual))
                {
                    problems.Add($"{where}: -{parameter.Name} is in this set but missing from the syntax (expected {parameter})");
                }
                else if (actual != parameter)
                {
                    problems.Add($"{where}: shows {actual}, the code says {parameter}");
                }
            }

            foreach (var extra in shown.Where(s => expected.All(e => e.Name != s.Name)))
            {
                problems.Add($"{where}: shows {extra}, which is not a parameter of this set");
            }

            // PowerShell's order: positional parameters by position, then mandatory named ones, then the rest.
            var positions = cmdlet.Parameters
                .Select(p => (p.Name, Binding: p.Sets.FirstOrDefault(s => s.SetName == block.SetName) ?? p.Sets.FirstOrDefault(s => s.SetName == ModuleMetadata.AllSets)))
                .Where(p => p.Binding?.Position is not null)
                .OrderBy(p => p.Binding!.Position)
                .Select(p => p.Name)
                .ToList();
            var leading = shown.Take(positions.Count).Select(p => p.Name).ToList();
            if (!leading.SequenceEqual(positions))
            {
                problems.Add($"{where}: positional parameters should come first in position order [{string.Join(", ", positions)}], the syntax starts [{string.Join(", ", leading)}]");
            }

            var rest = shown.Skip(positions.Count).ToList();
            var firstOptional = rest.FindIndex(p => !p.Mandatory);
            if (firstOptional >= 0 && rest.Skip(firstOptional).Any(p => p.Mandatory))
            {
                problems.Add($"{where}: mandatory named parameters should come before the optional ones");
            }
        }

        private static string? SyntaxTypeOf(string typeFullName) =>
            typeFullName == "System.Management.Automation.SwitchParameter" ? null : SyntaxLine.DisplayName(typeFullName);

        private static void CheckParameter(ParameterMetadata parameter, DocumentedParameter doc, List<string> problems, bool checkSummary = true)
        {
            var where = $"-{parameter.Name}";
            if (Text.Normalize(doc.Description).Length == 0 || doc.Description.Contains("{{", StringComparison.Ordinal))
            {
                problems.Add($"{where} has no description");
            }
            else if (checkSummary)
            {
                if (parameter.Summary is null)
                {
                    problems.Add($"{where} has no <summary> in the code's XML docs");
                }
                else if (!Text.Normalize(doc.Description).StartsWith(parameter.Summary, StringComparison.Ordinal))
                {
                    problems.Add($"{where}: the description should start with the code's summary '{parameter.Summary}' but is '{Text.Normalize(doc.Description)}'");
                }
            }

            foreach (var key in YamlKeys.Where(k => !doc.YamlKeys.Contains(k)))
            {
                problems.Add($"{where}: the yaml block has no '{key}' key");
            }

            if (doc.Type != parameter.TypeFullName)
            {
                problems.Add($"{where}: Type is '{doc.Type}', the code's is '{parameter.TypeFullName}'");
            }

            if (!doc.Aliases.OrderBy(a => a, StringComparer.Ordinal).SequenceEqual(parameter.Aliases.OrderBy(a => a, StringComparer.Ordinal)))
            {
                problems.Add($"{where}: Aliases are [{string.Join(", ", doc.Aliases)}], the code's are [{string.Join(", ", parameter.Aliases)}]");
            }

            if (!doc.AcceptedValues.OrderBy(a => a, StringComparer.Ordinal).SequenceEqual(parameter.AcceptedValues.OrderBy(a => a, StringComparer.Ordinal)))
            {
                problems.Add($"{where}: AcceptedValues are [{string.Join(", ", doc.AcceptedValues)}], the code accepts [{string.Join(", ", parameter.AcceptedValues)}]");
            }

            var expectedSets = parameter.Sets.Select(s => new DocumentedSet(
                    s.SetName == ModuleMetadata.AllSets ? "(All)" : s.SetName,
                    s.Position is { } position ? position.ToString(System.Globalization.CultureInfo.InvariantCulture) : "Named",
                    s.Mandatory, s.ByValue, s.ByPropertyName))
                .OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
            var documentedSets = doc.Sets.OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
            foreach (var set in expectedSets)
            {
                var match = documentedSets.FirstOrDefault(d => d.Name == set.Name);
                if (match is null)
                {
                    problems.Add($"{where}: ParameterSets has no entry '- Name: {set.Name}'");
                }
                else if (match != set)
                {
                    problems.Add($"{where}: in set {set.Name} the help says {Describe(match)}, the code says {Describe(set)}");
                }
            }

            foreach (var extra in documentedSets.Where(d => expectedSets.All(e => e.Name != d.Name)))
            {
                problems.Add($"{where}: ParameterSets lists '{extra.Name}', which the parameter is not in");
            }
        }

        private static string Describe(DocumentedSet set) =>
            $"Position {set.Position}, IsRequired {set.IsRequired}, ValueFromPipeline {set.ValueFromPipeline}, ValueFromPipelineByPropertyName {set.ValueFromPipelineByPropertyName}";

        /// <summary>The parameters PowerShell adds to this cmdlet (not declared in its class), as PlatyPS documents them.</summary>
        private static IEnumerable<ParameterMetadata> AddedParameters(CmdletMetadata cmdlet)
        {
            var all = new[] { new SetBinding(ModuleMetadata.AllSets, false, null, false, false) };
            const string Switch = "System.Management.Automation.SwitchParameter";
            if (cmdlet.SupportsPaging)
            {
                yield return new ParameterMetadata("IncludeTotalCount", Switch, Array.Empty<string>(), all, Array.Empty<string>(), null);
                yield return new ParameterMetadata("Skip", "System.UInt64", Array.Empty<string>(), all, Array.Empty<string>(), null);
                yield return new ParameterMetadata("First", "System.UInt64", Array.Empty<string>(), all, Array.Empty<string>(), null);
            }

            if (cmdlet.SupportsShouldProcess)
            {
                yield return new ParameterMetadata("WhatIf", Switch, new[] { "wi" }, all, Array.Empty<string>(), null);
                yield return new ParameterMetadata("Confirm", Switch, new[] { "cf" }, all, Array.Empty<string>(), null);
            }
        }

        private static (CmdletMetadata Cmdlet, CommandHelpDocument Document, List<string> Problems) Open(string name)
        {
            var cmdlet = ModuleMetadata.Cmdlets.Single(c => c.Name == name);
            var path = Path.Combine(RepositoryPaths.HelpFolder, name + ".md");
            Assert.True(File.Exists(path), $"{RepositoryPaths.Relative(path)}: missing; every cmdlet needs a help file.");
            var document = CommandHelpDocument.Load(path);
            return (cmdlet, document, new List<string>(document.Problems));
        }

        private static void Expect(List<string> problems, CommandHelpDocument document, string key, string expected)
        {
            if (!document.FrontMatter.TryGetValue(key, out var actual))
            {
                problems.Add($"front matter has no '{key}: {expected}'");
            }
            else if (actual != expected)
            {
                problems.Add($"front matter '{key}' is '{actual}', expected '{expected}'");
            }
        }

        private static void Report(CommandHelpDocument document, List<string> problems)
        {
            var file = RepositoryPaths.Relative(document.Path);
            Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems.Select(p => $"{file}: {p}")));
        }
    }
}
