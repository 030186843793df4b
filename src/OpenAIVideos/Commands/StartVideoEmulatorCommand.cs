using System;
using System.IO;
using System.Management.Automation;
using OpenAIVideos.Client;
using OpenAIVideos.Client.Emulation;
using OpenAIVideos.Commands.Completion;
using OpenAIVideos.Commands.Connection;
using OpenAIVideos.Commands.Errors;
using OpenAIVideos.Commands.Module;

namespace OpenAIVideos.Commands
{
    /// <summary>
    /// <para type="synopsis">Starts an emulator of the Videos API inside this PowerShell session.</para>
    /// <para type="description">The same emulator the module's tests run: every flavor's routes, jobs, content and faults, on a loopback port, with no server, account or .NET SDK. Connect-OpenAIVideo -Emulator then connects to the newest one. It stops with Stop-VideoEmulator or when the module is removed. Needs PowerShell 7.4 or later.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Start, "VideoEmulator", DefaultParameterSetName = DefaultSet)]
    [OutputType(typeof(LocalVideoEmulator))]
    public sealed class StartVideoEmulatorCommand : PSCmdlet
    {
        private const string DefaultSet = "Default";

        /// <summary>The loopback port; 0 (the default) takes a free one.</summary>
        [Parameter(Position = 0)]
        [ValidateRange(0, 65535)]
        public int Port { get; set; }

        /// <summary>The server to imitate: openai (default), gateway, vllm-omni, sglang, litellm, azure, ...</summary>
        [Parameter]
        [ArgumentCompleter(typeof(EmulatorFlavorCompleter))]
        [ValidateNotNullOrEmpty]
        public string Flavor { get; set; } = "openai";

        /// <summary>Seconds from create to completed (default 10).</summary>
        [Parameter]
        [ValidateRange(0.0, 86400.0)]
        public double JobSeconds { get; set; }

        /// <summary>The only key accepted: a SecureString or plain text. By default any non-empty key is accepted.</summary>
        [Parameter]
        public object? ApiKey { get; set; }

        /// <summary>Accepts requests without a key.</summary>
        [Parameter]
        public SwitchParameter NoAuth { get; set; }

        /// <summary>Unfinished videos one key may have before a create answers 429 (Azure's default is 2).</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int MaxRunningJobs { get; set; }

        /// <summary>The model the vllm-omni flavor runs.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ServedModel { get; set; }

        /// <summary>Writes the emulator.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Starts it.</summary>
        protected override void EndProcessing()
        {
            var bound = MyInvocation.BoundParameters;
            LocalVideoEmulator emulator;
            try
            {
                emulator = LocalEmulators.Start(new LocalEmulatorSettings
                {
                    Port = Port,
                    Flavor = Flavor,
                    JobSeconds = bound.ContainsKey(nameof(JobSeconds)) ? JobSeconds : (double?)null,
                    ApiKey = ConnectionResolver.ToApiKey(ApiKey, value => value is PSObject wrapped ? wrapped.BaseObject : value),
                    NoAuthentication = NoAuth,
                    MaxRunningJobs = bound.ContainsKey(nameof(MaxRunningJobs)) ? MaxRunningJobs : (int?)null,
                    ServedModel = ServedModel,
                });
            }
            catch (ArgumentException exception)
            {
                ThrowTerminatingError(ErrorRecordFactory.Create(exception,
                    VideoErrorReport.Of("InvalidEmulatorParameter", VideoErrorCategory.InvalidArgument, exception.Message, Flavor)));
                return;
            }
            catch (IOException exception)
            {
                ThrowTerminatingError(ErrorRecordFactory.Create(exception,
                    VideoErrorReport.Of("EmulatorPortInUse", VideoErrorCategory.ResourceUnavailable, exception.Message, Port,
                        "Leave -Port out to take a free port, or stop what listens there (Get-VideoEmulator lists this session's emulators).")));
                return;
            }
            catch (PlatformNotSupportedException exception)
            {
                ThrowTerminatingError(ErrorRecordFactory.Create(exception,
                    VideoErrorReport.Of("EmulatorNotSupported", VideoErrorCategory.NotImplemented, exception.Message, null)));
                return;
            }

            InModuleEmulators.Started();
            WriteVerbose($"Emulator ({emulator.Flavor}) listening at {emulator.BaseUri}; Connect-OpenAIVideo -Emulator connects to it.");
            if (PassThru)
            {
                WriteObject(emulator);
            }
        }
    }
}
