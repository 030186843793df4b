using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using static OpenAIVideos.Tests.Shared.CustomAttributes;

namespace OpenAIVideos.Module.Tests
{
    /// <summary>
    /// The module's interface, read from the built assembly's metadata (no PowerShell needed): every cmdlet's
    /// attributes and every parameter's binding facts. The tables below ARE the documented interface; a change to a
    /// cmdlet that does not change them fails here.
    /// </summary>
    public sealed class CmdletMetadataTests : IDisposable
    {
        private const string All = "__AllParameterSets";

        // Cmdlet | class | ShouldProcess | ConfirmImpact | Paging | DefaultParameterSet | OutputType
        private static readonly CmdletFact[] Cmdlets =
        {
            new("New-Video",                 "NewVideoCommand",                 true,  "Medium", false, "Default",  "OpenAIVideos.Video"),
            new("Get-Video",                 "GetVideoCommand",                 false, "Medium", true,  "List",     "OpenAIVideos.Video"),
            new("Remove-Video",              "RemoveVideoCommand",              true,  "Medium", false, "Default",  "OpenAIVideos.VideoDeletionResult"),
            new("Invoke-VideoRemix",         "InvokeVideoRemixCommand",         true,  "Medium", false, "Default",  "OpenAIVideos.Video"),
            new("Invoke-VideoExtension",     "InvokeVideoExtensionCommand",     true,  "Medium", false, "ById",     "OpenAIVideos.Video"),
            new("Invoke-VideoEdit",          "InvokeVideoEditCommand",          true,  "Medium", false, "ById",     "OpenAIVideos.Video"),
            new("Save-VideoContent",         "SaveVideoContentCommand",         true,  "Low",    false, "Default",  "System.IO.FileInfo"),
            new("Wait-Video",                "WaitVideoCommand",                false, "Medium", false, "Default",  "OpenAIVideos.Video"),
            new("New-VideoCharacter",        "NewVideoCharacterCommand",        true,  "Medium", false, "Default",  "OpenAIVideos.VideoCharacter"),
            new("Get-VideoCharacter",        "GetVideoCharacterCommand",        false, "Medium", false, "Default",  "OpenAIVideos.VideoCharacter"),
            new("Connect-OpenAIVideo",       "ConnectOpenAIVideoCommand",       false, "Medium", false, "Default",  "OpenAIVideos.Commands.OpenAIVideoConnection"),
            new("Disconnect-OpenAIVideo",    "DisconnectOpenAIVideoCommand",    false, "Medium", false, "Default",  "System.Void"),
            new("Get-OpenAIVideoConnection", "GetOpenAIVideoConnectionCommand", false, "Medium", false, "Default",  "OpenAIVideos.Commands.OpenAIVideoConnection"),
        };

        // The connection parameters every API cmdlet inherits from VideoApiCmdlet.
        private static readonly string[] ApiCmdlets =
        {
            "New-Video", "Get-Video", "Remove-Video", "Invoke-VideoRemix", "Invoke-VideoExtension", "Invoke-VideoEdit",
            "Save-VideoContent", "Wait-Video", "New-VideoCharacter", "Get-VideoCharacter",
        };

        // Cmdlet | parameter | set | Mandatory | Position (-1 none) | ByValue | ByPropertyName | aliases
        private static readonly ParameterFact[] OwnParameters =
        {
            new("New-Video", "Prompt",               All, true,  0,  true,  false, ""),
            new("New-Video", "Model",                All, false, -1, false, false, ""),
            new("New-Video", "Seconds",              All, false, -1, false, false, ""),
            new("New-Video", "Size",                 All, false, -1, false, false, ""),
            new("New-Video", "InputReference",       All, false, -1, false, false, ""),
            new("New-Video", "Character",            All, false, -1, false, false, "CharacterId"),
            new("New-Video", "AdditionalProperties", All, false, -1, false, false, ""),
            new("New-Video", "Wait",                 All, false, -1, false, false, ""),
            new("New-Video", "TimeoutSec",           All, false, -1, false, false, ""),

            new("Get-Video", "VideoId",  "ById", true,  0,  true,  true,  "Id,video_id"),
            new("Get-Video", "Status",   "List", false, -1, false, false, ""),
            new("Get-Video", "Order",    "List", false, -1, false, false, ""),
            new("Get-Video", "PageSize", "List", false, -1, false, false, ""),

            new("Remove-Video", "VideoId",  All, true,  0,  true,  true,  "Id,video_id"),
            new("Remove-Video", "Force",    All, false, -1, false, false, ""),
            new("Remove-Video", "PassThru", All, false, -1, false, false, ""),

            new("Invoke-VideoRemix", "VideoId",    All, true,  -1, false, true,  "Id,video_id"),
            new("Invoke-VideoRemix", "Prompt",     All, true,  0,  false, false, ""),
            new("Invoke-VideoRemix", "Wait",       All, false, -1, false, false, ""),
            new("Invoke-VideoRemix", "TimeoutSec", All, false, -1, false, false, ""),

            new("Invoke-VideoExtension", "VideoId",              "ById",   true,  -1, false, true,  "Id,video_id"),
            new("Invoke-VideoExtension", "Path",                 "ByFile", true,  -1, false, false, ""),
            new("Invoke-VideoExtension", "Prompt",               All,      true,  0,  false, false, ""),
            new("Invoke-VideoExtension", "Seconds",              All,      true,  -1, false, false, ""),
            new("Invoke-VideoExtension", "AdditionalProperties", All,      false, -1, false, false, ""),
            new("Invoke-VideoExtension", "Wait",                 All,      false, -1, false, false, ""),
            new("Invoke-VideoExtension", "TimeoutSec",           All,      false, -1, false, false, ""),

            new("Invoke-VideoEdit", "VideoId",              "ById",   true,  -1, false, true,  "Id,video_id"),
            new("Invoke-VideoEdit", "Path",                 "ByFile", true,  -1, false, false, ""),
            new("Invoke-VideoEdit", "Prompt",               All,      true,  0,  false, false, ""),
            new("Invoke-VideoEdit", "AdditionalProperties", All,      false, -1, false, false, ""),
            new("Invoke-VideoEdit", "Wait",                 All,      false, -1, false, false, ""),
            new("Invoke-VideoEdit", "TimeoutSec",           All,      false, -1, false, false, ""),

            new("Save-VideoContent", "VideoId",  All, true,  0,  true,  true,  "Id,video_id"),
            new("Save-VideoContent", "Variant",  All, false, -1, false, false, ""),
            new("Save-VideoContent", "Path",     All, false, 1,  false, false, ""),
            new("Save-VideoContent", "Force",    All, false, -1, false, false, ""),
            new("Save-VideoContent", "PassThru", All, false, -1, false, false, ""),

            new("Wait-Video", "VideoId",         All, true,  0,  true,  true,  "Id,video_id"),
            new("Wait-Video", "TimeoutSec",      All, false, -1, false, false, ""),
            new("Wait-Video", "PollIntervalSec", All, false, -1, false, false, ""),

            new("New-VideoCharacter", "Name", All, true, -1, false, false, ""),
            new("New-VideoCharacter", "Path", All, true, -1, false, false, ""),

            new("Get-VideoCharacter", "CharacterId", All, true, 0, true, true, "Id"),

            new("Connect-OpenAIVideo", "BaseUri",             All,        false, 0,  false, false, ""),
            new("Connect-OpenAIVideo", "ApiKey",              All,        false, -1, false, false, ""),
            new("Connect-OpenAIVideo", "Organization",        "Default",  false, -1, false, false, ""),
            new("Connect-OpenAIVideo", "Organization",        "Azure",    false, -1, false, false, ""),
            new("Connect-OpenAIVideo", "Project",             "Default",  false, -1, false, false, ""),
            new("Connect-OpenAIVideo", "Project",             "Azure",    false, -1, false, false, ""),
            new("Connect-OpenAIVideo", "AuthenticationStyle", "Default",  false, -1, false, false, ""),
            new("Connect-OpenAIVideo", "Azure",               "Azure",    true,  -1, false, false, ""),
            new("Connect-OpenAIVideo", "Server",              All,        false, -1, false, false, ""),
            new("Connect-OpenAIVideo", "Emulator",            "Emulator", true,  -1, false, false, ""),
            new("Connect-OpenAIVideo", "MaxRetries",          All,        false, -1, false, false, ""),
            new("Connect-OpenAIVideo", "TimeoutSec",          All,        false, -1, false, false, ""),
            new("Connect-OpenAIVideo", "PassThru",            All,        false, -1, false, false, ""),
        };

        private static readonly string[] ConnectionParameters = { "ApiKey", "BaseUri", "Organization", "Project", "MaxRetries", "Server" };

        private readonly MetadataLoadContext _context;
        private readonly Assembly _module;
        private readonly Assembly _automation;

        public CmdletMetadataTests()
        {
            var automationPath = typeof(CmdletMetadataTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(a => a.Key == "SystemManagementAutomationPath").Value!;
            var outputDir = AppContext.BaseDirectory;
            var paths = Directory.GetFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll").ToList();
            paths.Add(automationPath);
            paths.Add(Path.Combine(outputDir, "OpenAIVideos.dll"));
            paths.Add(Path.Combine(outputDir, "OpenAIVideos.Models.dll"));
            paths.Add(Path.Combine(outputDir, "OpenAIVideos.Client.dll"));
            _context = new MetadataLoadContext(new PathAssemblyResolver(paths), "System.Private.CoreLib");
            _module = _context.LoadFromAssemblyPath(Path.Combine(outputDir, "OpenAIVideos.dll"));
            _automation = _context.LoadFromAssemblyPath(automationPath);
        }

        public void Dispose() => _context.Dispose();

        public static TheoryData<string> CmdletNames()
        {
            var data = new TheoryData<string>();
            foreach (var cmdlet in Cmdlets)
            {
                data.Add(cmdlet.Name);
            }

            return data;
        }

        [Fact]
        public void TheAssemblyExportsExactlyTheDocumentedCmdlets()
        {
            var actual = CmdletTypes().Select(t => CmdletName(t)).OrderBy(n => n, StringComparer.Ordinal).ToArray();
            var expected = Cmdlets.Select(c => c.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray();
            Assert.Equal(expected, actual);
        }

        [Theory]
        [MemberData(nameof(CmdletNames))]
        public void CmdletAttributesMatchTheTable(string name)
        {
            var fact = Cmdlets.Single(c => c.Name == name);
            var type = CmdletTypes().Single(t => CmdletName(t) == name);
            Assert.Equal(fact.ClassName, type.Name);
            Assert.Equal("OpenAIVideos.Commands", type.Namespace);
            Assert.True(type.IsSealed, $"{type.Name} should be sealed.");
            Assert.True(type.IsPublic);
            Assert.True(DerivesFrom(type, "System.Management.Automation.PSCmdlet"));
            Assert.EndsWith("Command", type.Name);

            var attribute = Attribute(type, "System.Management.Automation.CmdletAttribute")!;
            Assert.Equal(fact.ShouldProcess, Named(attribute, "SupportsShouldProcess", false));
            Assert.Equal(fact.ConfirmImpact, ConfirmImpactName(attribute));
            Assert.Equal(fact.Paging, Named(attribute, "SupportsPaging", false));
            Assert.Equal(fact.DefaultSet, Named<string?>(attribute, "DefaultParameterSetName", null));

            var output = Attribute(type, "System.Management.Automation.OutputTypeAttribute");
            Assert.NotNull(output);
            var types = ((ReadOnlyCollection<CustomAttributeTypedArgument>)output!.ConstructorArguments[0].Value!).Select(a => ((Type)a.Value!).FullName).ToArray();
            Assert.Equal(new[] { fact.OutputType }, types);
        }

        [Theory]
        [MemberData(nameof(CmdletNames))]
        public void VerbsAreApproved(string name)
        {
            var verb = name.Substring(0, name.IndexOf('-'));
            var approved = _automation.GetTypes()
                .Where(t => t.Namespace == "System.Management.Automation" && t.Name.StartsWith("Verbs", StringComparison.Ordinal))
                .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
                .Where(f => f.IsLiteral)
                .Select(f => (string)f.GetRawConstantValue()!);
            Assert.Contains(verb, approved);
        }

        [Theory]
        [MemberData(nameof(CmdletNames))]
        public void ParametersMatchTheTable(string name)
        {
            var type = CmdletTypes().Single(t => CmdletName(t) == name);
            var expected = OwnParameters.Where(p => p.Cmdlet == name).ToList();
            if (ApiCmdlets.Contains(name))
            {
                expected.AddRange(ConnectionParameters.Select(p => new ParameterFact(name, p, All, false, -1, false, false, "")));
            }

            var actual = new List<ParameterFact>();
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var aliases = Attribute(property, "System.Management.Automation.AliasAttribute");
                var aliasText = aliases is null ? "" : string.Join(",",
                    ((ReadOnlyCollection<CustomAttributeTypedArgument>)aliases.ConstructorArguments[0].Value!).Select(a => (string)a.Value!));
                foreach (var parameter in property.GetCustomAttributesData().Where(a => a.AttributeType.FullName == "System.Management.Automation.ParameterAttribute"))
                {
                    var position = Named(parameter, "Position", int.MinValue);
                    actual.Add(new ParameterFact(name, property.Name, Named(parameter, "ParameterSetName", All),
                        Named(parameter, "Mandatory", false), position == int.MinValue ? -1 : position,
                        Named(parameter, "ValueFromPipeline", false), Named(parameter, "ValueFromPipelineByPropertyName", false), aliasText));
                }
            }

            Assert.Equal(Sorted(expected), Sorted(actual));
        }

        [Fact]
        public void ParameterSetNamesAreDeclaredAsConstants()
        {
            foreach (var type in CmdletTypes())
            {
                // The cmdlet's own private constants, or the protected ones of a shared base (SourceVideoCmdlet).
                var constants = type.GetFields(BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.FlattenHierarchy).Where(f => f.IsLiteral).Select(f => f.GetRawConstantValue()).OfType<string>().ToList();
                var defaultSet = Named<string?>(Attribute(type, "System.Management.Automation.CmdletAttribute")!, "DefaultParameterSetName", null);
                Assert.Contains(defaultSet, constants);
            }
        }

        [Fact]
        public void EveryVideoErrorCategoryNameIsAPowerShellErrorCategory()
        {
            var errorCategory = _automation.GetType("System.Management.Automation.ErrorCategory", throwOnError: true)!;
            var powerShellNames = errorCategory.GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var name in Enum.GetNames(typeof(OpenAIVideos.Client.VideoErrorCategory)))
            {
                Assert.True(powerShellNames.Contains(name), $"VideoErrorCategory.{name} has no ErrorCategory of that name.");
            }
        }

        [Fact]
        public void CompletersImplementIArgumentCompleterAndHaveAPublicConstructor()
        {
            var completers = _module.GetTypes().Where(t => t.GetInterfaces().Any(i => i.FullName == "System.Management.Automation.IArgumentCompleter") && !t.IsAbstract).ToList();
            Assert.Equal(6, completers.Count);
            foreach (var completer in completers)
            {
                Assert.True(completer.IsPublic && completer.IsSealed);
                Assert.NotNull(completer.GetConstructor(Type.EmptyTypes));
            }
        }

        private static List<string> Sorted(IEnumerable<ParameterFact> facts) => facts.Select(f => f.ToString()).OrderBy(s => s, StringComparer.Ordinal).ToList();

        private IEnumerable<Type> CmdletTypes() => _module.GetTypes().Where(t => Attribute(t, "System.Management.Automation.CmdletAttribute") is not null);

        private static string CmdletName(Type type)
        {
            var attribute = Attribute(type, "System.Management.Automation.CmdletAttribute")!;
            return $"{attribute.ConstructorArguments[0].Value}-{attribute.ConstructorArguments[1].Value}";
        }

        private static bool DerivesFrom(Type type, string fullName)
        {
            for (var current = type.BaseType; current is not null; current = current.BaseType)
            {
                if (current.FullName == fullName)
                {
                    return true;
                }
            }

            return false;
        }

        // ConfirmImpact is an enum: metadata stores its number; name it through the reference assembly's enum.
        private string ConfirmImpactName(CustomAttributeData attribute)
        {
            var value = Named<object?>(attribute, "ConfirmImpact", null);
            if (value is null)
            {
                return "Medium"; // PowerShell's default
            }

            var confirmImpact = _automation.GetType("System.Management.Automation.ConfirmImpact", throwOnError: true)!;
            return confirmImpact.GetFields(BindingFlags.Public | BindingFlags.Static).Single(f => Convert.ToInt32(f.GetRawConstantValue()) == Convert.ToInt32(value)).Name;
        }

        private sealed record CmdletFact(string Name, string ClassName, bool ShouldProcess, string ConfirmImpact, bool Paging, string DefaultSet, string OutputType);

        private sealed record ParameterFact(string Cmdlet, string Name, string Set, bool Mandatory, int Position, bool ByValue, bool ByPropertyName, string Aliases)
        {
            public override string ToString() =>
                $"{Cmdlet} -{Name} [{Set}] mandatory={Mandatory} position={Position} byValue={ByValue} byName={ByPropertyName} aliases={Aliases}";
        }
    }
}
