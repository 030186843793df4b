namespace OpenAIVideos.Emulator.Faults
{
    /// <summary>
    /// One fault to inject into the next <see cref="Count"/> matching requests. A request matches when every filter
    /// that is set matches. Also the JSON body of <c>POST /_emulator/faults</c> (snake_case names, kind as
    /// <c>error_status</c>, <c>delay</c>, <c>drop_connection</c>, <c>truncate_body</c>, <c>html_page</c>,
    /// <c>plain_text</c>, <c>truncated_json</c>).
    /// </summary>
    public sealed record FaultRule
    {
        /// <summary>What to do.</summary>
        public FaultKind Kind { get; init; }

        /// <summary>HTTP method to match (GET, POST, DELETE); null matches any.</summary>
        public string? Method { get; init; }

        /// <summary>
        /// Operation to match: create, list, retrieve, delete, content, remix, extend, edit, character_create,
        /// character_retrieve; null matches any.
        /// </summary>
        public string? Operation { get; init; }

        /// <summary>Request path prefix to match, e.g. <c>/v1/videos/video_abc</c>; null matches any.</summary>
        public string? PathPrefix { get; init; }

        /// <summary>How many matching requests to fault before the rule is used up.</summary>
        public int Count { get; init; } = 1;

        /// <summary>Response status for <see cref="FaultKind.ErrorStatus"/> (default 500), HTML and text (default 502).</summary>
        public int? Status { get; init; }

        /// <summary>Overrides the envelope's message.</summary>
        public string? ErrorMessage { get; init; }

        /// <summary>Overrides the envelope's type.</summary>
        public string? ErrorType { get; init; }

        /// <summary>Overrides the envelope's code.</summary>
        public string? ErrorCode { get; init; }

        /// <summary>Value of the <c>Retry-After</c> header: seconds or an HTTP date.</summary>
        public string? RetryAfter { get; init; }

        /// <summary>Value of the <c>retry-after-ms</c> header.</summary>
        public int? RetryAfterMs { get; init; }

        /// <summary>Value of the <c>x-should-retry</c> header.</summary>
        public bool? ShouldRetry { get; init; }

        /// <summary>Wait for <see cref="FaultKind.Delay"/>, in milliseconds.</summary>
        public int DelayMs { get; init; }

        /// <summary>Body bytes sent before aborting, for <see cref="FaultKind.TruncateBody"/>.</summary>
        public long BodyBytes { get; init; }

        internal bool Matches(string method, string operation, string path) =>
            (Method is null || string.Equals(Method, method, System.StringComparison.OrdinalIgnoreCase))
            && (Operation is null || string.Equals(Operation, operation, System.StringComparison.OrdinalIgnoreCase))
            && (PathPrefix is null || path.StartsWith(PathPrefix, System.StringComparison.Ordinal));
    }
}
