using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace OpenAIVideos.PowerShell.Tests
{
    /// <summary>
    /// A PowerShell session hosted in this process (Microsoft.PowerShell.SDK): runs script text with named arguments and
    /// returns its output, failing the test with PowerShell's own messages when the script writes an error.
    /// </summary>
    internal sealed class HostedPowerShell : IDisposable
    {
        private readonly Runspace runspace;

        public HostedPowerShell()
        {
            var state = InitialSessionState.CreateDefault2();
            if (OperatingSystem.IsWindows())
            {
                state.ExecutionPolicy = Microsoft.PowerShell.ExecutionPolicy.Bypass;
            }

            runspace = RunspaceFactory.CreateRunspace(state);
            runspace.Open();
        }

        /// <summary>Runs <paramref name="script"/> with <paramref name="arguments"/> bound to its param() block.</summary>
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
            Assert.True(errors.Count == 0, "PowerShell wrote errors:\n" + string.Join("\n", errors.Select(error => error.ToString() + " (" + error.FullyQualifiedErrorId + ")")));
            return output;
        }

        /// <summary>Runs <paramref name="script"/> and expects exactly one object of type <typeparamref name="T"/>.</summary>
        public T RunSingle<T>(string script, IDictionary? arguments = null)
        {
            var output = Run(script, arguments);
            Assert.True(output.Count == 1, $"Expected one object, got {output.Count}.");
            return Assert.IsAssignableFrom<T>(output[0].BaseObject);
        }

        public void Dispose() => runspace.Dispose();
    }
}
