using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using OpenAIVideos.Tests.Shared;

namespace OpenAIVideos.Module.Tests
{
    /// <summary>
    /// The module's interface as PowerShell itself sees it: every cmdlet registered in a hosted PowerShell 7.6 session
    /// (Microsoft.PowerShell.SDK) the way Import-Module registers a binary module's cmdlets, then read back through
    /// Get-Command and PowerShell's own parameter metadata. The tables below ARE the documented interface; a change to
    /// a cmdlet that does not change them fails here.
    /// </summary>
    public sealed class CmdletMetadataTests : IDisposable
    {
        private const string All = "__AllParameterSets";

        // Cmdlet | class | ShouldProcess | ConfirmImpact | Paging | DefaultParameterSet | OutputType (comma-separated when several)
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
            new("Get-VideoModel",            "GetVideoModelCommand",            false, "Medium", false, "Default",  "OpenAIVideos.VideoModel"),
            new("Invoke-VideoBatch",         "InvokeVideoBatchCommand",         true,  "Medium", false, "Default",  "OpenAIVideos.VideoBatchResult,OpenAIVideos.VideoBatchSummary"),
            new("Connect-OpenAIVideo",       "ConnectOpenAIVideoCommand",       false, "Medium", false, "Default",  "OpenAIVideos.Commands.OpenAIVideoConnection"),
            new("Disconnect-OpenAIVideo",    "DisconnectOpenAIVideoCommand",    false, "Medium", false, "Default",  "System.Void"),
            new("Get-OpenAIVideoConnection", "GetOpenAIVideoConnectionCommand", false, "Medium", false, "Default",  "OpenAIVideos.Commands.OpenAIVideoConnection"),
            new("Start-VideoEmulator",       "StartVideoEmulatorCommand",       false, "Medium", false, "Default",  "OpenAIVideos.Client.Emulation.LocalVideoEmulator"),
            new("Get-VideoEmulator",         "GetVideoEmulatorCommand",         false, "Medium", false, "Default",  "OpenAIVideos.Client.Emulation.LocalVideoEmulator"),
            new("Stop-VideoEmulator",        "StopVideoEmulatorCommand",        true,  "Low",    false, "Default",  "System.Void"),
            new("Add-VideoEmulatorFault",    "AddVideoEmulatorFaultCommand",    false, "Medium", false, "Default",  "System.Void"),
        };

        // The connection parameters every API cmdlet inherits from VideoApiCmdlet.
        private static readonly string[] ApiCmdlets =
        {
            "New-Video", "Get-Video", "Remove-Video", "Invoke-VideoRemix", "Invoke-VideoExtension", "Invoke-VideoEdit",
            "Save-VideoContent", "Wait-Video", "New-VideoCharacter", "Get-VideoCharacter", "Get-VideoModel", "Invoke-VideoBatch",
        };

        // Cmdlet | parameter | set | Mandatory | Position (-1 none) | ByValue | ByPropertyName | aliases
        private static readonly ParameterFact[] OwnParameters =
        {
            new("New-Video", "Prompt",               All, true,  0,  true,  true,  ""),
            new("New-Video", "Model",                All, false, -1, false, true,  ""),
            new("New-Video", "Seconds",              All, false, -1, false, true,  "Duration"),
            new("New-Video", "Size",                 All, false, -1, false, true,  ""),
            new("New-Video", "AspectRatio",          All, false, -1, false, true,  ""),
            new("New-Video", "Resolution",           All, false, -1, false, true,  ""),
            new("New-Video", "NegativePrompt",       All, false, -1, false, true,  ""),
            new("New-Video", "Seed",                 All, false, -1, false, true,  ""),
            new("New-Video", "Audio",                All, false, -1, false, true,  ""),
            new("New-Video", "InputReference",       All, false, -1, false, true,  ""),
            new("New-Video", "LastFrame",            All, false, -1, false, true,  ""),
            new("New-Video", "ReferenceImage",       All, false, -1, false, true,  ""),
            new("New-Video", "Character",            All, false, -1, false, true,  "CharacterId"),
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

            new("Invoke-VideoRemix", "VideoId",    All, true,  -1, true,  true,  "Id,video_id"),
            new("Invoke-VideoRemix", "Prompt",     All, true,  0,  false, false, ""),
            new("Invoke-VideoRemix", "Wait",       All, false, -1, false, false, ""),
            new("Invoke-VideoRemix", "TimeoutSec", All, false, -1, false, false, ""),

            new("Invoke-VideoExtension", "VideoId",              "ById",   true,  -1, true,  true,  "Id,video_id"),
            new("Invoke-VideoExtension", "Path",                 "ByFile", true,  -1, false, false, ""),
            new("Invoke-VideoExtension", "Prompt",               All,      true,  0,  false, false, ""),
            new("Invoke-VideoExtension", "Seconds",              All,      true,  -1, false, false, ""),
            new("Invoke-VideoExtension", "AdditionalProperties", All,      false, -1, false, false, ""),
            new("Invoke-VideoExtension", "Wait",                 All,      false, -1, false, false, ""),
            new("Invoke-VideoExtension", "TimeoutSec",           All,      false, -1, false, false, ""),

            new("Invoke-VideoEdit", "VideoId",              "ById",   true,  -1, true,  true,  "Id,video_id"),
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

            new("New-VideoCharacter", "Name", All, true, -1, false, true, ""),
            new("New-VideoCharacter", "Path", All, true, -1, false, true, ""),

            new("Get-VideoCharacter", "CharacterId", All, true, 0, true, true, "Id"),

            new("Get-VideoModel", "Name",    All, false, 0,  false, true,  "Id,Model"),
            new("Get-VideoModel", "Refresh", All, false, -1, false, false, ""),

            new("Invoke-VideoBatch", "InputObject",     All, true,  0,  true,  false, ""),
            new("Invoke-VideoBatch", "Journal",         All, true,  -1, false, false, ""),
            new("Invoke-VideoBatch", "Path",            All, false, 1,  false, false, ""),
            new("Invoke-VideoBatch", "Variant",         All, false, -1, false, false, ""),
            new("Invoke-VideoBatch", "ThrottleLimit",   All, false, -1, false, false, ""),
            new("Invoke-VideoBatch", "RetryFailed",     All, false, -1, false, false, ""),
            new("Invoke-VideoBatch", "PollIntervalSec", All, false, -1, false, false, ""),
            new("Invoke-VideoBatch", "TimeoutSec",      All, false, -1, false, false, ""),

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
            new("Connect-OpenAIVideo", "InputObject",         "RunningEmulator", true, -1, true, false, ""),

            new("Start-VideoEmulator", "Port",           All, false, 0,  false, false, ""),
            new("Start-VideoEmulator", "Flavor",         All, false, -1, false, false, ""),
            new("Start-VideoEmulator", "JobSeconds",     All, false, -1, false, false, ""),
            new("Start-VideoEmulator", "ApiKey",         All, false, -1, false, false, ""),
            new("Start-VideoEmulator", "NoAuth",         All, false, -1, false, false, ""),
            new("Start-VideoEmulator", "MaxRunningJobs", All, false, -1, false, false, ""),
            new("Start-VideoEmulator", "ServedModel",    All, false, -1, false, false, ""),
            new("Start-VideoEmulator", "PassThru",       All, false, -1, false, false, ""),

            new("Get-VideoEmulator", "Port", All, false, 0, false, true, ""),
            new("Stop-VideoEmulator", "Port", All, false, 0, false, true, ""),

            new("Add-VideoEmulatorFault", "Kind",         All, true,  0,  false, false, ""),
            new("Add-VideoEmulatorFault", "Port",         All, false, -1, false, true,  ""),
            new("Add-VideoEmulatorFault", "Operation",    All, false, -1, false, false, ""),
            new("Add-VideoEmulatorFault", "Method",       All, false, -1, false, false, ""),
            new("Add-VideoEmulatorFault", "PathPrefix",   All, false, -1, false, false, ""),
            new("Add-VideoEmulatorFault", "Count",        All, false, -1, false, false, ""),
            new("Add-VideoEmulatorFault", "Status",       All, false, -1, false, false, ""),
            new("Add-VideoEmulatorFault", "ErrorMessage", All, false, -1, false, false, ""),
            new("Add-VideoEmulatorFault", "ErrorCode",    All, false, -1, false, false, ""),
            new("Add-VideoEmulatorFault", "RetryAfter",   All, false, -1, false, false, ""),
            new("Add-VideoEmulatorFault", "DelayMs",      All, false, -1, false, false, ""),
            new("Add-VideoEmulatorFault", "BodyBytes",    All, false, -1, false, false, ""),
        };

        private static readonly string[] ConnectionParameters = { "ApiKey", "BaseUri", "Organization", "Project", "MaxRetries", "Server" };

        private static readonly Assembly ModuleAssembly = typeof(OpenAIVideos.Commands.NewVideoCommand).Assembly;

        private readonly HostedPowerShell _shell = new HostedPowerShell(ModuleAssembly);

        public void Dispose() => _shell.Dispose();

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
            var actual = _shell.Run("Get-Command -CommandType Cmdlet | Where-Object { $_.ImplementingType.Assembly.FullName -like 'OpenAIVideos,*' }")
                .Select(command => ((CmdletInfo)command.BaseObject).Name).OrderBy(n => n, StringComparer.Ordinal).ToArray();
            var expected = Cmdlets.Select(c => c.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray();
            Assert.Equal(expected, actual);
        }

        [Theory]
        [MemberData(nameof(CmdletNames))]
        public void CmdletAttributesMatchTheTable(string name)
        {
            var fact = Cmdlets.Single(c => c.Name == name);
            var command = Command(name);
            var type = command.ImplementingType;
            Assert.Equal(fact.ClassName, type.Name);
            Assert.Equal("OpenAIVideos.Commands", type.Namespace);
            Assert.True(type.IsSealed, $"{type.Name} should be sealed.");
            Assert.True(type.IsPublic);
            Assert.True(typeof(PSCmdlet).IsAssignableFrom(type));
            Assert.EndsWith("Command", type.Name);

            var attribute = type.GetCustomAttribute<CmdletAttribute>()!;
            Assert.Equal(fact.ShouldProcess, attribute.SupportsShouldProcess);
            Assert.Equal(fact.ShouldProcess, command.Parameters.ContainsKey("WhatIf") && command.Parameters.ContainsKey("Confirm"));
            if (fact.ShouldProcess)
            {
                // ConfirmImpact means something only where the cmdlet asks ShouldProcess.
                Assert.Equal(fact.ConfirmImpact, attribute.ConfirmImpact.ToString());
            }
            Assert.Equal(fact.Paging, attribute.SupportsPaging);
            Assert.Equal(fact.Paging, command.Parameters.ContainsKey("First"));
            Assert.Equal(fact.DefaultSet, attribute.DefaultParameterSetName);
            Assert.Equal(fact.OutputType.Split(','), command.OutputType.Select(output => output.Name).ToArray());
        }

        [Theory]
        [MemberData(nameof(CmdletNames))]
        public void VerbsAreApproved(string name)
        {
            var approved = _shell.Run("(Get-Verb).Verb").Select(verb => (string)verb.BaseObject);
            Assert.Contains(Command(name).Verb, approved);
        }

        [Theory]
        [MemberData(nameof(CmdletNames))]
        public void ParametersMatchTheTable(string name)
        {
            var expected = OwnParameters.Where(p => p.Cmdlet == name).ToList();
            if (ApiCmdlets.Contains(name))
            {
                expected.AddRange(ConnectionParameters.Select(p => new ParameterFact(name, p, All, false, -1, false, false, "")));
            }

            var actual = new List<ParameterFact>();
            foreach (var parameter in Command(name).Parameters.Values.Where(p => !HostedPowerShell.AddedByPowerShell.Contains(p.Name)))
            {
                var aliasText = string.Join(",", parameter.Aliases);
                foreach (var set in parameter.ParameterSets)
                {
                    actual.Add(new ParameterFact(name, parameter.Name, set.Key, set.Value.IsMandatory,
                        set.Value.Position == int.MinValue ? -1 : set.Value.Position,
                        set.Value.ValueFromPipeline, set.Value.ValueFromPipelineByPropertyName, aliasText));
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
                var defaultSet = type.GetCustomAttribute<CmdletAttribute>()!.DefaultParameterSetName;
                Assert.Contains(defaultSet, constants);
            }
        }

        [Fact]
        public void EveryVideoErrorCategoryNameIsAPowerShellErrorCategory()
        {
            foreach (var name in Enum.GetNames(typeof(OpenAIVideos.Client.VideoErrorCategory)))
            {
                Assert.True(Enum.TryParse<ErrorCategory>(name, ignoreCase: false, out _), $"VideoErrorCategory.{name} has no ErrorCategory of that name.");
            }
        }

        [Fact]
        public void CompletersImplementIArgumentCompleterAndHaveAPublicConstructor()
        {
            var completers = ModuleAssembly.GetTypes().Where(t => typeof(IArgumentCompleter).IsAssignableFrom(t) && !t.IsAbstract).ToList();
            Assert.Equal(10, completers.Count);
            foreach (var completer in completers)
            {
                Assert.True(completer.IsPublic && completer.IsSealed);
                Assert.NotNull(completer.GetConstructor(Type.EmptyTypes));
            }
        }

        private static List<string> Sorted(IEnumerable<ParameterFact> facts) => facts.Select(f => f.ToString()).OrderBy(s => s, StringComparer.Ordinal).ToList();

        private static IEnumerable<Type> CmdletTypes() => HostedPowerShell.CmdletTypes(ModuleAssembly);

        private CmdletInfo Command(string name) => _shell.Command(name);

        private sealed record CmdletFact(string Name, string ClassName, bool ShouldProcess, string ConfirmImpact, bool Paging, string DefaultSet, string OutputType);

        private sealed record ParameterFact(string Cmdlet, string Name, string Set, bool Mandatory, int Position, bool ByValue, bool ByPropertyName, string Aliases)
        {
            public override string ToString() =>
                $"{Cmdlet} -{Name} [{Set}] mandatory={Mandatory} position={Position} byValue={ByValue} byName={ByPropertyName} aliases={Aliases}";
        }
    }
}
