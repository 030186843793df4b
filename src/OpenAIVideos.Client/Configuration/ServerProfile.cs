using System;
using System.Collections.Generic;
using OpenAIVideos.Client.Serialization;

namespace OpenAIVideos.Client
{
    /// <summary>
    /// A server's dialect: what one kind of server does differently from OpenAI's spec. Each kind is one class in one
    /// file under <c>Dialects/</c> (as the emulator's <c>Dialects/</c> and LiteLLM's
    /// <c>litellm/llms/&lt;provider&gt;/videos/transformation.py</c>): its paths, encoding, field names and types,
    /// statuses, where results live, what it lacks and its polling advice. The transport, the client and the cmdlets
    /// ask the dialect instead of testing the server kind themselves. Each file cites the public source it follows;
    /// only what a source shows missing is refused up front.
    /// </summary>
    public abstract class ServerProfile
    {
        private protected static readonly VideoOperation[] AllOperations = (VideoOperation[])Enum.GetValues(typeof(VideoOperation));

        private protected static readonly VideoOperation[] CoreOperations =
        {
            VideoOperation.Create, VideoOperation.List, VideoOperation.Retrieve, VideoOperation.Delete, VideoOperation.Content,
        };

        private protected static readonly VideoOperation[] CoreAndRemix =
        {
            VideoOperation.Create, VideoOperation.List, VideoOperation.Retrieve, VideoOperation.Delete, VideoOperation.Content, VideoOperation.Remix,
        };

        private protected static readonly VideoContentVariant[] Mp4Only = { VideoContentVariant.Video };

        private readonly HashSet<VideoOperation> _operations;
        private readonly VideoContentVariant[]? _variants;

        private protected ServerProfile(ServerKind kind, string displayName, int maxConcurrentJobs, bool honoursIdempotencyKey,
            RequestEncoding encoding, AuthenticationStyle authentication, VideoOperation[] operations, VideoContentVariant[]? variants,
            string? apiVersion = null)
        {
            Kind = kind;
            DisplayName = displayName;
            MaxConcurrentJobs = maxConcurrentJobs;
            HonoursIdempotencyKey = honoursIdempotencyKey;
            Encoding = encoding;
            DefaultAuthentication = authentication;
            _operations = new HashSet<VideoOperation>(operations);
            _variants = variants;
            ApiVersion = apiVersion;
        }

        /// <summary>The server kind this profile describes.</summary>
        public ServerKind Kind { get; }

        /// <summary>The server's own name, for messages: "vLLM-Omni".</summary>
        public string DisplayName { get; }

        /// <summary>How many generation jobs the server runs at once before it queues or rejects more: a batch's default throttle.</summary>
        public int MaxConcurrentJobs { get; }

        /// <summary>Whether a repeated create with the same <c>Idempotency-Key</c> answers the first job instead of making another.</summary>
        public bool HonoursIdempotencyKey { get; }

        /// <summary>How request bodies are encoded.</summary>
        public RequestEncoding Encoding { get; }

        /// <summary>How the key is presented unless the connection says otherwise.</summary>
        public AuthenticationStyle DefaultAuthentication { get; }

        /// <summary>
        /// The <c>api-version</c> query sent with every request, or null for none. Azure: <c>preview</c>, which users
        /// report its video routes need (not confirmed by Microsoft's reference; harmless where it is not needed).
        /// </summary>
        public string? ApiVersion { get; }

        /// <summary>
        /// The create parameters this server takes, each with the field and type it is sent in (for messages and the
        /// parameter table of docs/compatibility.md); a parameter not listed is refused before anything is sent.
        /// </summary>
        public IReadOnlyDictionary<CreateParameter, string> CreateFields => Fields;

        /// <summary>
        /// How long to wait between polls of a job when neither the caller nor the server (<c>openai-poll-after-ms</c>,
        /// <c>Retry-After</c>) says: the server's own advice where it gives one.
        /// </summary>
        public virtual TimeSpan DefaultPollInterval => VideoWaitOptions.DefaultPollInterval;

        /// <summary>
        /// True when a finished video is fetched from the result locations the server reports (<see cref="Video.ContentUrls"/>)
        /// rather than from <c>GET /videos/{id}/content</c>.
        /// </summary>
        public virtual bool ContentAtResultUrls => false;

        /// <summary>True when the server publishes its video models and what each takes and costs (<c>GET /videos/models</c>).</summary>
        public virtual bool PublishesModels => false;

        /// <summary>
        /// The model sent when none is given, for servers that require one; null where the server has its own default
        /// (the spec's sora-2, a self-hosted server's one model).
        /// </summary>
        public virtual string? DefaultModel => null;

        /// <summary>
        /// The models the documentation lists for this server, for completion and <c>Get-VideoModel</c> where the server
        /// publishes none (empty when nothing is known: a self-hosted server serves whatever it was started with).
        /// </summary>
        public virtual IReadOnlyList<VideoModel> DocumentedModels => Array.Empty<VideoModel>();

        /// <summary>
        /// True when -Model, -Seconds, -Resolution, -AspectRatio and -Size are checked against the model's published or
        /// documented values before a create is sent. False where the server is the better judge (it names its own
        /// values in its 400s) or its models are not known.
        /// </summary>
        public virtual bool ChecksModelValues => PublishesModels;

        /// <summary>The lengths an extension's new segment may have, as typed for -Seconds (the guide's for Sora: 4 to 20).</summary>
        public virtual IReadOnlyList<string> ExtensionDurations => Supports(VideoOperation.Extend) ? VideoSeconds.KnownForExtension : Array.Empty<string>();

        /// <summary>True when OpenAI's published sora-2 prices apply to this server's sora models (-WhatIf estimates).</summary>
        public virtual bool UsesSoraPrices => false;

        /// <summary>
        /// OpenAI's documented models (openapi.yaml's VideoModel enum and the video generation guide: 4, 8 or 12 seconds;
        /// sora-2 at 720x1280 or 1280x720, sora-2-pro also at 1024x1792, 1792x1024 and the guide's 1080p pair), for the
        /// servers that speak Sora.
        /// </summary>
        private protected IReadOnlyList<VideoModel> SoraModels
        {
            get
            {
                string[] standard = { "720x1280", "1280x720" };
                string[] pro = { "720x1280", "1280x720", "1024x1792", "1792x1024", "1080x1920", "1920x1080" };
                var models = new List<VideoModel>();
                foreach (var id in new[] { "sora-2", "sora-2-pro", "sora-2-2025-10-06", "sora-2-pro-2025-10-06", "sora-2-2025-12-08" })
                {
                    var isPro = id.StartsWith("sora-2-pro", StringComparison.Ordinal);
                    models.Add(new VideoModel { Id = id, Server = Kind, Source = "documentation", Seconds = VideoSeconds.Known, Sizes = isPro ? pro : standard });
                }

                return models;
            }
        }

        /// <summary>The spec's create fields: the ones OpenAI's openapi.yaml and guide document.</summary>
        private protected static readonly IReadOnlyDictionary<CreateParameter, string> SpecFields = new Dictionary<CreateParameter, string>
        {
            [CreateParameter.Seconds] = "`seconds` (string)",
            [CreateParameter.Size] = "`size`",
            [CreateParameter.InputReference] = "`input_reference` (file part, or `{image_url}` / `{file_id}`)",
            [CreateParameter.Character] = "`characters` (`[{id}]`)",
        };

        /// <summary>
        /// The create parameters this dialect sends, and how: the spec's unless it says otherwise (without characters
        /// where the server makes none).
        /// </summary>
        private protected virtual IReadOnlyDictionary<CreateParameter, string> Fields =>
            Supports(VideoOperation.CreateCharacter) ? SpecFields : Without(SpecFields, CreateParameter.Character);

        private static IReadOnlyDictionary<CreateParameter, string> Without(IReadOnlyDictionary<CreateParameter, string> fields, CreateParameter left)
        {
            var copy = new Dictionary<CreateParameter, string>();
            foreach (var pair in fields)
            {
                if (pair.Key != left)
                {
                    copy[pair.Key] = pair.Value;
                }
            }

            return copy;
        }

        /// <summary>
        /// The body of a create, in this server's fields and types. Refuses, before anything is sent, a parameter the
        /// server does not take (<see cref="VideoErrorIds.ParameterNotSupported"/>, naming server and parameter).
        /// </summary>
        internal RequestBody CreateBody(VideoCreateRequest request)
        {
            foreach (var parameter in CreateParameters.SetIn(request))
            {
                if (!Fields.ContainsKey(parameter))
                {
                    throw new VideoApiException(VideoErrorIds.ParameterNotSupported, VideoErrorCategory.InvalidArgument,
                        $"{DisplayName} (-Server {Kind}) does not take -{parameter}, so nothing was sent. "
                        + $"It takes: {string.Join(", ", CreateParameters.Names(Fields.Keys))}. Fields it documents elsewhere can go in -AdditionalProperties.");
                }
            }

            var body = new RequestBody().Field("prompt", request.Prompt).Field("model", request.Model ?? DefaultModel);
            WriteCreateFields(request, body);
            return body.ExtraFields(request.AdditionalProperties);
        }

        /// <summary>Writes the parameters <see cref="Fields"/> lists (the others were refused already).</summary>
        private protected virtual void WriteCreateFields(VideoCreateRequest request, RequestBody body) => WriteSpecFields(request, body);

        /// <summary>The spec's fields: <c>seconds</c> as a string, <c>size</c>, <c>input_reference</c>, <c>characters</c>.</summary>
        private protected static void WriteSpecFields(VideoCreateRequest request, RequestBody body)
        {
            body.Field("seconds", request.Seconds).Field("size", request.Size);
            var reference = request.InputReference;
            if (reference?.File is not null)
            {
                body.File("input_reference", reference.File);
            }
            else if (reference is not null)
            {
                body.Field("input_reference", reference.ImageUrl is not null
                    ? new Dictionary<string, object?> { ["image_url"] = reference.ImageUrl }
                    : new Dictionary<string, object?> { ["file_id"] = reference.FileId });
            }

            if (request.CharacterIds.Count > 0)
            {
                var characters = new List<object?>();
                foreach (var id in request.CharacterIds)
                {
                    characters.Add(new Dictionary<string, object?> { ["id"] = id });
                }

                body.Field("characters", characters);
            }
        }

        /// <summary>
        /// The path and body of an extension: the spec's <c>POST /videos/extensions</c> with <c>{video:{id}}</c> or an
        /// uploaded MP4, <c>prompt</c> and <c>seconds</c>.
        /// </summary>
        internal virtual (string Path, RequestBody Body) ExtendRequest(VideoExtendRequest request)
        {
            var body = (request.VideoFile is not null
                    ? new RequestBody().File("video", request.VideoFile)
                    : new RequestBody().Field("video", new Dictionary<string, object?> { ["id"] = request.VideoId }))
                .Field("prompt", request.Prompt)
                .Field("seconds", request.Seconds);
            return ("videos/extensions", body.ExtraFields(request.AdditionalProperties));
        }

        /// <summary>A whole number of seconds for servers that take an integer, or a refusal naming server and parameter.</summary>
        private protected long WholeSeconds(string seconds)
        {
            if (VideoSeconds.TryParse(seconds, out var value) && value == Math.Floor(value) && value <= int.MaxValue)
            {
                return (long)value;
            }

            throw InvalidValue(CreateParameter.Seconds, seconds, "a whole number of seconds");
        }

        /// <summary>A number of seconds for servers that take a number.</summary>
        private protected double NumberOfSeconds(string seconds) =>
            VideoSeconds.TryParse(seconds, out var value) ? value : throw InvalidValue(CreateParameter.Seconds, seconds, "a number of seconds");

        /// <summary>A value the server cannot take in the form given, refused before anything is sent.</summary>
        private protected VideoApiException InvalidValue(CreateParameter parameter, string? value, string wanted) =>
            new VideoApiException(VideoErrorIds.InvalidArgument, VideoErrorCategory.InvalidArgument,
                $"{DisplayName} (-Server {Kind}) takes -{parameter} as {wanted}; '{value}' is not, so nothing was sent.");

        /// <summary>
        /// Query parameters every list request carries. LiteLLM: <c>custom_llm_provider=openai</c>, without which the
        /// proxy cannot route a list (docs/my-website/docs/videos.md); videos of other providers are reached by id.
        /// </summary>
        public IReadOnlyList<KeyValuePair<string, string>> ListQuery { get; private protected set; } = Array.Empty<KeyValuePair<string, string>>();

        /// <summary>The operations this server serves, in <see cref="VideoOperation"/> order.</summary>
        public IReadOnlyList<VideoOperation> Operations
        {
            get
            {
                var list = new List<VideoOperation>();
                foreach (var operation in AllOperations)
                {
                    if (_operations.Contains(operation))
                    {
                        list.Add(operation);
                    }
                }

                return list;
            }
        }

        /// <summary>The content variants the server can serve, or null when it serves any it is asked for.</summary>
        public IReadOnlyList<VideoContentVariant>? ContentVariants => _variants;

        /// <summary>The dialect of <paramref name="kind"/>.</summary>
        public static ServerProfile For(ServerKind kind) => kind switch
        {
            ServerKind.Generic => new GenericDialect(),
            ServerKind.OpenAI => new OpenAIDialect(),
            ServerKind.Azure => new AzureDialect(),
            ServerKind.LiteLLM => new LiteLLMDialect(),
            ServerKind.VllmOmni => new VllmOmniDialect(),
            ServerKind.SGLang => new SGLangDialect(),
            ServerKind.Gemini => new GeminiDialect(),
            ServerKind.OpenRouter => new OpenRouterDialect(),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown server kind."),
        };

        /// <summary>
        /// The kind a base URI and key style suggest when none is named: the first dialect that recognises the address
        /// (Azure's <c>api-key</c> style or <c>*.openai.azure.com</c>, api.openai.com, …), otherwise Generic. Servers that
        /// cannot be told apart by their address (self-hosted, gateways) are named with <c>-Server</c>.
        /// </summary>
        public static ServerKind Infer(Uri baseUri, AuthenticationStyle authentication)
        {
            if (baseUri is null)
            {
                throw new ArgumentNullException(nameof(baseUri));
            }

            foreach (ServerKind kind in Enum.GetValues(typeof(ServerKind)))
            {
                if (For(kind).Recognises(baseUri, authentication))
                {
                    return kind;
                }
            }

            return ServerKind.Generic;
        }

        /// <summary>True when an address (and key style) can only be this server's; false for servers only ever named.</summary>
        private protected virtual bool Recognises(Uri baseUri, AuthenticationStyle authentication) => false;

        /// <summary>
        /// The API root for an address the user gave: for Azure a bare resource endpoint (<c>https://NAME.openai.azure.com</c>)
        /// gets its <c>/openai/v1</c> root; every other address is the root as given.
        /// </summary>
        public Uri ApiRootFor(Uri given)
        {
            if (given is null)
            {
                throw new ArgumentNullException(nameof(given));
            }

            return RootFor(given);
        }

        /// <summary>The API root for an address the user gave; the address as given unless the dialect knows better.</summary>
        private protected virtual Uri RootFor(Uri given) => given;

        /// <summary>True for the kinds <see cref="Infer"/> can tell from an address (and Generic, the fallback); the others are only ever named.</summary>
        public virtual bool IsInferable => false;

        /// <summary>True when the server serves <paramref name="operation"/>.</summary>
        public bool Supports(VideoOperation operation) => _operations.Contains(operation);

        /// <summary>True when the server can serve <paramref name="variant"/> as what it is.</summary>
        public bool Supports(VideoContentVariant variant)
        {
            if (_variants is null)
            {
                return true;
            }

            foreach (var known in _variants)
            {
                if (known.Equals(variant))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Throws <see cref="VideoErrorIds.OperationNotSupported"/> before anything is sent when the server lacks <paramref name="operation"/>.</summary>
        /// <param name="operation">The operation about to be sent.</param>
        /// <param name="videoId">The video it concerns, for the error's target.</param>
        public void EnsureSupports(VideoOperation operation, string? videoId = null)
        {
            if (!Supports(operation))
            {
                throw NotSupported($"{Describe(operation)}", videoId);
            }
        }

        /// <summary>Throws <see cref="VideoErrorIds.OperationNotSupported"/> when the server cannot serve <paramref name="variant"/>.</summary>
        public void EnsureSupports(VideoContentVariant variant, string? videoId = null)
        {
            if (variant is null)
            {
                throw new ArgumentNullException(nameof(variant));
            }

            EnsureSupports(VideoOperation.Content, videoId);
            if (!Supports(variant))
            {
                throw NotSupported($"the {variant.Name} content variant (it answers the {string.Join(", ", Array.ConvertAll(_variants!, v => v.Name))} for any variant)", videoId);
            }
        }

        /// <summary>The profile's name.</summary>
        public override string ToString() => Kind.ToString();

        // NotImplemented, not InvalidOperation: nothing about the video's state or the call is wrong, and retrying later
        // will not help; this server does not implement the operation at all.
        private VideoApiException NotSupported(string what, string? videoId) =>
            new VideoApiException(VideoErrorIds.OperationNotSupported, VideoErrorCategory.NotImplemented,
                $"{DisplayName} (-Server {Kind}) does not serve {what}, so nothing was sent. "
                + "If this server does serve it, connect with -Server Generic.")
            {
                VideoId = videoId,
            };

        private static string Describe(VideoOperation operation) => operation switch
        {
            VideoOperation.Create => "creating videos (POST /videos)",
            VideoOperation.List => "listing videos (GET /videos)",
            VideoOperation.Retrieve => "retrieving videos (GET /videos/{id})",
            VideoOperation.Delete => "deleting videos (DELETE /videos/{id})",
            VideoOperation.Content => "video content (GET /videos/{id}/content)",
            VideoOperation.Remix => "remix (POST /videos/{id}/remix)",
            VideoOperation.Extend => "extensions (POST /videos/extensions)",
            VideoOperation.Edit => "edits (POST /videos/edits)",
            VideoOperation.CreateCharacter => "creating characters (POST /videos/characters)",
            _ => "retrieving characters (GET /videos/characters/{id})",
        };
    }
}
