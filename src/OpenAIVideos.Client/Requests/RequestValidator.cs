using System;

namespace OpenAIVideos.Client
{
    /// <summary>
    /// Refuses, before anything is sent or paid for, what no server of the API accepts: empty or oversize prompts,
    /// blank ids, a source given twice. Open values (model, size, seconds) are left to the server, which knows its own.
    /// </summary>
    internal static class RequestValidator
    {
        public const int MaxPromptLength = 32000;
        public const int MaxCharacterNameLength = 80;
        public const int MaxCharacters = 2;
        public const int MaxReferenceImages = 3;

        public static void Validate(VideoCreateRequest request)
        {
            if (request is null)
            {
                throw new ArgumentNullException(nameof(request));
            }

            ValidatePrompt(request.Prompt);
            if (request.CharacterIds.Count > MaxCharacters)
            {
                throw Invalid($"A video can feature at most {MaxCharacters} characters; {request.CharacterIds.Count} were given.");
            }

            if (request.ReferenceImages.Count > MaxReferenceImages)
            {
                throw Invalid($"A video takes at most {MaxReferenceImages} reference images; {request.ReferenceImages.Count} were given.");
            }

            if (request.InputReference?.File is { IsImage: false } file)
            {
                throw Invalid($"The input reference '{file.FileName}' is {file.ContentType}, not an image.");
            }
        }

        public static void Validate(VideoExtendRequest request)
        {
            ValidateSource(request?.VideoId, request?.VideoFile, "extend");
            ValidatePrompt(request!.Prompt);
            if (string.IsNullOrWhiteSpace(request.Seconds))
            {
                throw Invalid("An extension needs the length of its new segment in seconds (e.g. \"8\").");
            }
        }

        public static void Validate(VideoEditRequest request)
        {
            ValidateSource(request?.VideoId, request?.VideoFile, "edit");
            ValidatePrompt(request!.Prompt);
        }

        public static void Validate(VideoCharacterCreateRequest request)
        {
            if (request is null)
            {
                throw new ArgumentNullException(nameof(request));
            }

            if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > MaxCharacterNameLength)
            {
                throw Invalid($"A character's name must be 1 to {MaxCharacterNameLength} characters; it was {request.Name?.Length ?? 0}.");
            }

            if (request.Video is null)
            {
                throw Invalid("A character is made from a video: give the path of an MP4 showing it.");
            }

            if (!request.Video.ContentType.StartsWith("video/", StringComparison.OrdinalIgnoreCase))
            {
                throw Invalid($"A character is made from a video, but '{request.Video.FileName}' is {request.Video.ContentType}.");
            }
        }

        public static void Validate(VideoListQuery query)
        {
            if (query.PageSize is < 1 or > 100)
            {
                throw Invalid($"The page size must be 1 to 100; it was {query.PageSize}.");
            }

            if (query.Order is not null && query.Order != "asc" && query.Order != "desc")
            {
                throw Invalid($"The order must be 'asc' or 'desc'; it was '{query.Order}'.");
            }
        }

        public static void ValidatePrompt(string? prompt)
        {
            if (string.IsNullOrWhiteSpace(prompt))
            {
                throw new VideoApiException(VideoErrorIds.InvalidArgument, VideoErrorCategory.InvalidArgument, "The prompt is empty: describe the video to generate.");
            }

            if (prompt!.Length > MaxPromptLength)
            {
                throw Invalid($"The prompt is {prompt.Length:N0} characters; the API takes at most {MaxPromptLength:N0}.");
            }
        }

        public static void ValidateId(string? id, string kind)
        {
            if (string.IsNullOrWhiteSpace(id))
            {
                throw Invalid($"A {kind} id is required.");
            }
        }

        private static void ValidateSource(string? videoId, UploadFile? file, string verb)
        {
            if (string.IsNullOrWhiteSpace(videoId) == (file is null))
            {
                throw Invalid($"To {verb} a video give either its id or an MP4 file, not both and not neither.");
            }
        }

        private static VideoApiException Invalid(string message) =>
            new VideoApiException(VideoErrorIds.InvalidArgument, VideoErrorCategory.InvalidArgument, message);
    }
}
