namespace OpenAIVideos.Client
{
    /// <summary>
    /// The PowerShell <c>ErrorCategory</c> an error belongs to, named member for member like that enum so the cmdlet
    /// layer converts by name (a metadata test checks every name exists there). The engine stays free of PowerShell.
    /// </summary>
    public enum VideoErrorCategory
    {
        /// <summary>Anything else.</summary>
        NotSpecified,

        /// <summary>The caller's input is wrong.</summary>
        InvalidArgument,

        /// <summary>The object is in the wrong state for the operation.</summary>
        InvalidOperation,

        /// <summary>The server's answer could not be understood.</summary>
        InvalidResult,

        /// <summary>The thing asked for does not exist.</summary>
        ObjectNotFound,

        /// <summary>The key was refused.</summary>
        AuthenticationError,

        /// <summary>The key lacks rights.</summary>
        PermissionDenied,

        /// <summary>Rate limited.</summary>
        LimitsExceeded,

        /// <summary>Out of credit.</summary>
        QuotaExceeded,

        /// <summary>The server could not do it now.</summary>
        ResourceUnavailable,

        /// <summary>The server is busy with a conflicting change.</summary>
        ResourceBusy,

        /// <summary>The server could not be reached.</summary>
        ConnectionError,

        /// <summary>Took too long.</summary>
        OperationTimeout,

        /// <summary>Cancelled.</summary>
        OperationStopped,

        /// <summary>Writing a file failed, or the file already exists.</summary>
        WriteError,

        /// <summary>A file exists and may not be overwritten.</summary>
        ResourceExists,

        /// <summary>The server does not implement the operation (a dialect without remix, thumbnails, ...).</summary>
        NotImplemented,

        /// <summary>The server spoke something other than the API (a proxy's HTML page, truncated JSON).</summary>
        ProtocolError,
    }
}
