using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using OpenAIVideos.Client;

namespace OpenAIVideos.Commands.Content
{
    /// <summary>
    /// The create vocabulary as a user gives it (New-Video's parameters, Invoke-VideoBatch's columns, by the same names),
    /// turned into a request: image paths resolved against PowerShell's location, text read as numbers and switches.
    /// One place, so a parameter and its column can never mean different things.
    /// </summary>
    public sealed class VideoRequestValues
    {
        /// <summary>The most reference images a video takes.</summary>
        public const int MaxReferenceImages = 3;

        /// <summary>-Prompt.</summary>
        public string Prompt { get; set; } = string.Empty;

        /// <summary>-Model.</summary>
        public string? Model { get; set; }

        /// <summary>-Seconds (alias -Duration).</summary>
        public string? Seconds { get; set; }

        /// <summary>-Size.</summary>
        public string? Size { get; set; }

        /// <summary>-AspectRatio.</summary>
        public string? AspectRatio { get; set; }

        /// <summary>-Resolution.</summary>
        public string? Resolution { get; set; }

        /// <summary>-NegativePrompt.</summary>
        public string? NegativePrompt { get; set; }

        /// <summary>-Seed, as typed (a number, or text holding one).</summary>
        public string? Seed { get; set; }

        /// <summary>-Audio: true, false, or null when not given.</summary>
        public bool? Audio { get; set; }

        /// <summary>-InputReference: a path, URL or file id.</summary>
        public string? InputReference { get; set; }

        /// <summary>-LastFrame: a path, URL or file id.</summary>
        public string? LastFrame { get; set; }

        /// <summary>-ReferenceImage: up to three paths or URLs.</summary>
        public IReadOnlyList<string> ReferenceImages { get; set; } = Array.Empty<string>();

        /// <summary>-Character.</summary>
        public IReadOnlyList<string> Characters { get; set; } = Array.Empty<string>();

        /// <summary>-AdditionalProperties, as plain values.</summary>
        public IDictionary<string, object?> AdditionalProperties { get; set; } = new Dictionary<string, object?>(StringComparer.Ordinal);

        /// <summary>Reads a switch as a CSV cell holds it: true/false, yes/no, 1/0 (blank is null).</summary>
        public static bool? ParseSwitch(string? text)
        {
            switch (text?.Trim().ToLowerInvariant())
            {
                case null or "":
                    return null;
                case "true" or "yes" or "1" or "$true":
                    return true;
                case "false" or "no" or "0" or "$false":
                    return false;
                default:
                    throw new ArgumentException($"Audio must be true or false; it was '{text}'.");
            }
        }

        /// <summary>The request, with references resolved.</summary>
        /// <param name="resolvePath">PowerShell's <c>GetUnresolvedProviderPathFromPSPath</c>.</param>
        /// <param name="fileExists">Whether a file exists.</param>
        /// <exception cref="VideoApiException">A reference cannot be read, a seed is not a whole number, more than three reference images.</exception>
        public VideoCreateRequest ToRequest(Func<string, string> resolvePath, Func<string, bool> fileExists)
        {
            if (ReferenceImages.Count > MaxReferenceImages)
            {
                throw new VideoApiException(VideoErrorIds.InvalidArgument, VideoErrorCategory.InvalidArgument,
                    $"A video takes at most {MaxReferenceImages} reference images; {ReferenceImages.Count} were given.");
            }

            long? seed = null;
            if (!string.IsNullOrWhiteSpace(Seed))
            {
                seed = long.TryParse(Seed!.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)
                    ? parsed
                    : throw new VideoApiException(VideoErrorIds.InvalidArgument, VideoErrorCategory.InvalidArgument, $"-Seed must be a whole number; it was '{Seed}'.");
            }

            var references = new List<VideoInputReference>();
            // Rows may leave cells empty: an empty image or character id is none, as an absent column is.
            foreach (var image in ReferenceImages)
            {
                if (Blank(image) is { } path)
                {
                    references.Add(InputReferenceResolver.Resolve(path, resolvePath, fileExists));
                }
            }

            return new VideoCreateRequest
            {
                Prompt = Prompt,
                Model = Blank(Model),
                Seconds = Blank(Seconds),
                Size = Blank(Size),
                AspectRatio = Blank(AspectRatio),
                Resolution = Blank(Resolution),
                NegativePrompt = Blank(NegativePrompt),
                Seed = seed,
                Audio = Audio,
                InputReference = Blank(InputReference) is { } first ? InputReferenceResolver.Resolve(first, resolvePath, fileExists) : null,
                LastFrame = Blank(LastFrame) is { } last ? InputReferenceResolver.Resolve(last, resolvePath, fileExists) : null,
                ReferenceImages = references,
                CharacterIds = Characters.Select(Blank).Where(id => id is not null).Select(id => id!).ToList(),
                AdditionalProperties = AdditionalProperties,
            };
        }

        private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text!.Trim();
    }
}
