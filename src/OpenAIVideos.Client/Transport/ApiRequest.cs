using System;
using System.Collections.Generic;
using System.Net.Http;
using OpenAIVideos.Client.Serialization;

namespace OpenAIVideos.Client.Transport
{
    /// <summary>What the resource is, so that a 404 can say "video not found" rather than "not found".</summary>
    internal enum ApiResource
    {
        Video,
        Character,
        Collection,
    }

    /// <summary>One API call, described independently of any attempt so that each retry builds a fresh message.</summary>
    internal sealed class ApiRequest
    {
        public ApiRequest(HttpMethod method, string path, string operation)
        {
            Method = method;
            Path = path;
            Operation = operation;
        }

        /// <summary>A request to an absolute address the server reported (a result URL) instead of a path under the base URI.</summary>
        public ApiRequest(HttpMethod method, Uri absoluteUri, string operation)
            : this(method, absoluteUri?.AbsoluteUri ?? throw new ArgumentNullException(nameof(absoluteUri)), operation)
        {
            AbsoluteUri = absoluteUri;
        }

        public HttpMethod Method { get; }

        /// <summary>
        /// Set for a result URL: sent as is, and with the key only when it is on the server's own origin (scheme, host and
        /// port of the base URI); a storage host named in a URL never sees it.
        /// </summary>
        public Uri? AbsoluteUri { get; }

        /// <summary>Relative to the base URI, e.g. <c>videos/video_123/content</c>.</summary>
        public string Path { get; }

        /// <summary>Human words for messages: "retrieve video".</summary>
        public string Operation { get; }

        public List<KeyValuePair<string, string>> Query { get; } = new List<KeyValuePair<string, string>>();

        public RequestBody? Body { get; set; }

        /// <summary>
        /// True for requests that start paid work (create, remix, extend, edit, character). Once the server has accepted
        /// one (a 2xx arrived), it is never sent again, even if its answer is then lost.
        /// </summary>
        public bool StartsPaidWork { get; set; }

        /// <summary>Sent as <c>Idempotency-Key</c> on every attempt of a paid request, so a server that honours it
        /// never creates twice.</summary>
        public string? IdempotencyKey { get; set; }

        public ApiResource Resource { get; set; } = ApiResource.Collection;

        /// <summary>The video or character id in the path, for messages and error targets.</summary>
        public string? ResourceId { get; set; }

        /// <summary>
        /// True for a video retrieve: vLLM-Omni answers a failed job's retrieve with the job's error code as the HTTP
        /// status and the video object as the body (vllm_omni/entrypoints/openai/api_server.py, david6666666/vllm-omni@740bb31 as
        /// the issue read it; the copy the index holds, @003aed9, answers 200 instead, which this also reads correctly),
        /// which is then the answer, not an error.
        /// </summary>
        public bool ErrorMayCarryFailedVideo { get; set; }

        /// <summary>Extra request headers (e.g. Range).</summary>
        public List<KeyValuePair<string, string>> Headers { get; } = new List<KeyValuePair<string, string>>();

        public ApiRequest WithQuery(string name, string? value)
        {
            if (value is not null)
            {
                Query.Add(new KeyValuePair<string, string>(name, value));
            }

            return this;
        }

        public override string ToString() => $"{Method} {Path}";
    }
}
