namespace OpenAIVideos.Client.Emulation
{
    /// <summary>
    /// A fault for the next matching requests of a local emulator, as <c>POST /_emulator/faults</c> takes it (see the
    /// emulator's FaultRule): <see cref="Kind"/> is a fault kind's name (<c>ErrorStatus</c> or <c>error_status</c>, …).
    /// </summary>
    public sealed class LocalEmulatorFault
    {
        public string Kind { get; set; } = "ErrorStatus";
        public string? Operation { get; set; }
        public string? Method { get; set; }
        public string? PathPrefix { get; set; }
        public int Count { get; set; } = 1;
        public int? Status { get; set; }
        public string? ErrorMessage { get; set; }
        public string? ErrorCode { get; set; }
        public string? RetryAfter { get; set; }
        public int DelayMs { get; set; }
        public long BodyBytes { get; set; }
    }
}
