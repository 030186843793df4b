namespace OpenAIVideos.Emulator.Faults
{
    /// <summary>What an injected fault does to a request.</summary>
    public enum FaultKind
    {
        /// <summary>Answer with a status (429, 500, 503, …) and the API's error envelope, plus optional retry headers.</summary>
        ErrorStatus,

        /// <summary>Wait, then handle the request normally (a slow server).</summary>
        Delay,

        /// <summary>Abort the connection before any response.</summary>
        DropConnection,

        /// <summary>
        /// Handle the request normally but abort the connection after the headers and a given number of body bytes.
        /// The handler runs, so a create does create its video: this models a response lost on the way back.
        /// </summary>
        TruncateBody,

        /// <summary>Answer with a proxy's HTML error page (status 502 unless set).</summary>
        HtmlPage,

        /// <summary>Answer with a plain-text error (status 502 unless set).</summary>
        PlainText,

        /// <summary>Answer 200 with a JSON body cut in the middle.</summary>
        TruncatedJson,
    }
}
