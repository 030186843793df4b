using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Reflection;
using Xunit;

namespace OpenAIVideos.Tests.Shared
{
    /// <summary>
    /// A PowerShell 7.6 session hosted in this process (Microsoft.PowerShell.SDK), so that PowerShell itself judges what
    /// a test asks. Optionally with the cmdlets of an assembly registered the way Import-Module registers a binary
    /// module's (by type, without running the module initializer, which expects the laid-out Dependencies folder).
    /// Shared, as a linked file, by the test projects that let PowerShell read the module.
    /// </summary>
    internal sealed class HostedPowerShell : IDisposable
    {
        private readonly Runspace runspace;

        public HostedPowerShell(Assembly? cmdletAssembly = null)
        {
            var state = InitialSessionState.CreateDefault2();
            if (OperatingSystem.IsWindows())
            {
                state.ExecutionPolicy = Microsoft.PowerShell.ExecutionPolicy.Bypass;
            }

            foreach (var type in cmdletAssembly is null ? Enumerable.Empty<Type>() : CmdletTypes(cmdletAssembly))
            {
                state.Commands.Add(new SessionStateCmdletEntry(CmdletName(type), type, helpFileName: null));
            }

            runspace = RunspaceFactory.CreateRunspace(state);
            runspace.Open();
        }

        /// <summary>The parameters PowerShell adds to a cmdlet itself: common, ShouldProcess and paging parameters.</summary>
        public static IReadOnlyCollection<string> AddedByPowerShell { get; } =
            new HashSet<string>(Cmdlet.CommonParameters.Concat(Cmdlet.OptionalCommonParameters), StringComparer.OrdinalIgnoreCase)
            {
                nameof(PagingParameters.First), nameof(PagingParameters.Skip), nameof(PagingParameters.IncludeTotalCount),
            };

        /// <summary>The concrete [Cmdlet] classes of <paramref name="assembly"/>.</summary>
        public static IEnumerable<Type> CmdletTypes(Assembly assembly) =>
            assembly.GetExportedTypes().Where(t => !t.IsAbstract && t.GetCustomAttribute<CmdletAttribute>() is not null);

        /// <summary>"Verb-Noun" of a cmdlet class.</summary>
        public static string CmdletName(Type type)
        {
            var attribute = type.GetCustomAttribute<CmdletAttribute>()!;
            return $"{attribute.VerbName}-{attribute.NounName}";
        }

        /// <summary>Runs <paramref name="script"/> with <paramref name="arguments"/> bound to its param() block; fails on any error.</summary>
        public IReadOnlyList<PSObject> Run(string script, IDictionary? arguments = null)
        {
            using var shell = System.Management.Automation.PowerShell.Create();
            shell.Runspace = runspace;
            shell.AddScript(script);
            if (arguments is not null)
            {
                shell.AddParameters(arguments);
            }

            var output = shell.Invoke();
            var errors = shell.Streams.Error.ReadAll();
            Assert.True(errors.Count == 0, "PowerShell wrote errors:\n" + string.Join("\n", errors.Select(error => error + " (" + error.FullyQualifiedErrorId + ")")));
            return output;
        }

        /// <summary>Runs <paramref name="script"/> and expects exactly one object of type <typeparamref name="T"/>.</summary>
        public T RunSingle<T>(string script, IDictionary? arguments = null)
        {
            var output = Run(script, arguments);
            Assert.True(output.Count == 1, $"Expected one object, got {output.Count}.");
            return Assert.IsAssignableFrom<T>(output[0].BaseObject);
        }

        /// <summary>The cmdlet of that name, as Get-Command gives it.</summary>
        public CmdletInfo Command(string name) =>
            RunSingle<CmdletInfo>("param($Name) Get-Command -Name $Name -CommandType Cmdlet", new Hashtable { ["Name"] = name });

        public void Dispose() => runspace.Dispose();
    }
}
