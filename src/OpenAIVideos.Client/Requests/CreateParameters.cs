using System;
using System.Collections.Generic;

namespace OpenAIVideos.Client
{
    /// <summary>Which vocabulary parameters a create request sets, in <see cref="CreateParameter"/> order.</summary>
    public static class CreateParameters
    {
        /// <summary>The parameters <paramref name="request"/> gives a value.</summary>
        public static IReadOnlyList<CreateParameter> SetIn(VideoCreateRequest request)
        {
            if (request is null)
            {
                throw new ArgumentNullException(nameof(request));
            }

            var set = new List<CreateParameter>();
            Add(set, CreateParameter.Seconds, !string.IsNullOrEmpty(request.Seconds));
            Add(set, CreateParameter.Size, !string.IsNullOrEmpty(request.Size));
            Add(set, CreateParameter.AspectRatio, !string.IsNullOrEmpty(request.AspectRatio));
            Add(set, CreateParameter.Resolution, !string.IsNullOrEmpty(request.Resolution));
            Add(set, CreateParameter.NegativePrompt, !string.IsNullOrEmpty(request.NegativePrompt));
            Add(set, CreateParameter.Seed, request.Seed is not null);
            Add(set, CreateParameter.Audio, request.Audio is not null);
            Add(set, CreateParameter.InputReference, request.InputReference is not null);
            Add(set, CreateParameter.LastFrame, request.LastFrame is not null);
            Add(set, CreateParameter.ReferenceImage, request.ReferenceImages.Count > 0);
            Add(set, CreateParameter.Character, request.CharacterIds.Count > 0);
            return set;
        }

        /// <summary>Parameter names as a user types them: <c>-Seconds, -Size</c>.</summary>
        public static IEnumerable<string> Names(IEnumerable<CreateParameter> parameters)
        {
            var sorted = new List<CreateParameter>(parameters);
            sorted.Sort();
            foreach (var parameter in sorted)
            {
                yield return "-" + parameter;
            }
        }

        private static void Add(List<CreateParameter> set, CreateParameter parameter, bool isSet)
        {
            if (isSet)
            {
                set.Add(parameter);
            }
        }
    }
}
