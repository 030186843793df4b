using System;
using System.Linq;
using System.Management.Automation;
using OpenAIVideos.Client;
using OpenAIVideos.Client.Emulation;
using OpenAIVideos.Commands.Completion;
using OpenAIVideos.Commands.Errors;

namespace OpenAIVideos.Commands
{
    /// <summary>
    /// <para type="synopsis">Makes an emulator of this session fail the next matching requests on purpose.</para>
    /// <para type="description">The equivalent of POST /_emulator/faults: an error status with retry headers, a delay, a dropped connection, a body cut short, a proxy's HTML or text page, or JSON cut in the middle, for the next -Count requests that match -Operation, -Method and -PathPrefix. A script's own tests can then check how it copes. Targets the newest emulator unless -Port is given.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "VideoEmulatorFault", DefaultParameterSetName = DefaultSet)]
    [OutputType(typeof(void))]
    public sealed class AddVideoEmulatorFaultCommand : PSCmdlet
    {
        private const string DefaultSet = "Default";

        /// <summary>What happens: ErrorStatus, Delay, DropConnection, TruncateBody, HtmlPage, PlainText or TruncatedJson.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ArgumentCompleter(typeof(EmulatorFaultKindCompleter))]
        [ValidateNotNullOrEmpty]
        public string Kind { get; set; } = string.Empty;

        /// <summary>The emulator's port; binds from Get-VideoEmulator's output. Default: the newest emulator.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, 65535)]
        public int Port { get; set; }

        /// <summary>Only requests of this operation: create, list, retrieve, delete, content, remix, extend, edit, ...</summary>
        [Parameter]
        public string? Operation { get; set; }

        /// <summary>Only requests of this HTTP method.</summary>
        [Parameter]
        public string? Method { get; set; }

        /// <summary>Only requests whose path starts with this, e.g. /v1/videos/video_abc.</summary>
        [Parameter]
        public string? PathPrefix { get; set; }

        /// <summary>How many matching requests fail (default 1).</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int Count { get; set; } = 1;

        /// <summary>The status of ErrorStatus (default 500), HtmlPage and PlainText (default 502).</summary>
        [Parameter]
        [ValidateRange(100, 599)]
        public int Status { get; set; }

        /// <summary>The error message, instead of the server's usual wording.</summary>
        [Parameter]
        public string? ErrorMessage { get; set; }

        /// <summary>The error code, instead of the server's usual one.</summary>
        [Parameter]
        public string? ErrorCode { get; set; }

        /// <summary>The Retry-After header of an ErrorStatus: seconds or an HTTP date.</summary>
        [Parameter]
        public string? RetryAfter { get; set; }

        /// <summary>How long a Delay waits, in milliseconds.</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int DelayMs { get; set; }

        /// <summary>How many body bytes a TruncateBody sends before cutting the connection.</summary>
        [Parameter]
        [ValidateRange(0, long.MaxValue)]
        public long BodyBytes { get; set; }

        /// <summary>Queues the fault.</summary>
        protected override void ProcessRecord()
        {
            bool portGiven = MyInvocation.BoundParameters.ContainsKey(nameof(Port));
            LocalVideoEmulator? emulator = portGiven
                ? LocalEmulators.OnPorts(new[] { Port }).Found.FirstOrDefault()
                : LocalEmulators.Newest;
            if (emulator is null)
            {
                ThrowTerminatingError(portGiven
                    ? EmulatorLookup.NotFound(Port)
                    : ErrorRecordFactory.Create(new InvalidOperationException("No emulator is running in this session."),
                        VideoErrorReport.Of("EmulatorNotFound", VideoErrorCategory.ObjectNotFound, "No emulator is running in this session.", null, "Start one with Start-VideoEmulator.")));
                return;
            }

            try
            {
                emulator.AddFault(new LocalEmulatorFault
                {
                    Kind = Kind,
                    Operation = Operation,
                    Method = Method,
                    PathPrefix = PathPrefix,
                    Count = Count,
                    Status = MyInvocation.BoundParameters.ContainsKey(nameof(Status)) ? Status : (int?)null,
                    ErrorMessage = ErrorMessage,
                    ErrorCode = ErrorCode,
                    RetryAfter = RetryAfter,
                    DelayMs = DelayMs,
                    BodyBytes = BodyBytes,
                });
            }
            catch (ArgumentException exception)
            {
                ThrowTerminatingError(ErrorRecordFactory.Create(exception,
                    VideoErrorReport.Of("InvalidEmulatorFault", VideoErrorCategory.InvalidArgument, exception.Message, Kind)));
                return;
            }

            WriteVerbose($"The next {Count} matching request(s) to {emulator.BaseUri} get a {Kind} fault.");
        }
    }
}
