using System;
using System.Collections.Generic;
using System.Globalization;

namespace OpenAIVideos.Client
{
    /// <summary>
    /// Refuses, before a create is sent and billed, a value the model does not take: OpenRouter publishes each model's
    /// sets and answers anything else with a 400 (../shared/api/videos-api.md); the Gemini docs list Veo's. The error
    /// lists what is allowed. Unknown models and empty sets (not published) are left to the server.
    /// </summary>
    internal static class ModelValueCheck
    {
        private const int MaxListed = 20;

        public static void Check(ServerProfile profile, IReadOnlyList<VideoModel> models, string modelId, VideoCreateRequest request)
        {
            var model = VideoModelCatalogue.Find(models, modelId);
            if (model is null)
            {
                if (models.Count > 0 && profile.PublishesModels)
                {
                    var ids = new List<string>();
                    foreach (var known in models)
                    {
                        ids.Add(known.Id);
                    }

                    throw Refused(profile, "Model", modelId, ids);
                }

                return;
            }

            CheckIn(profile, model, "Seconds", request.Seconds, model.Seconds, SameSeconds);
            CheckIn(profile, model, "Resolution", request.Resolution, model.Resolutions, SameText);
            CheckIn(profile, model, "AspectRatio", request.AspectRatio, model.AspectRatios, SameText);
            CheckIn(profile, model, "Size", request.Size, model.Sizes, SameText);
            if (request.Audio == true && model.Audio == false)
            {
                throw new VideoApiException(VideoErrorIds.InvalidArgument, VideoErrorCategory.InvalidArgument,
                    $"{model.Id} on {profile.DisplayName} does not generate audio, so -Audio was refused and nothing was sent.");
            }
        }

        private static void CheckIn(ServerProfile profile, VideoModel model, string parameter, string? value, IReadOnlyList<string> allowed,
            Func<string, string, bool> same)
        {
            if (value is null || allowed.Count == 0)
            {
                return;
            }

            foreach (var candidate in allowed)
            {
                if (same(candidate, value))
                {
                    return;
                }
            }

            throw Refused(profile, parameter, value, allowed, model.Id);
        }

        private static VideoApiException Refused(ServerProfile profile, string parameter, string value, IReadOnlyList<string> allowed, string? model = null)
        {
            var listed = allowed.Count > MaxListed ? string.Join(", ", Take(allowed, MaxListed)) + $", … ({allowed.Count} in all; Get-VideoModel lists them)" : string.Join(", ", allowed);
            var subject = model is null ? profile.DisplayName : $"{model} on {profile.DisplayName}";
            return new VideoApiException(VideoErrorIds.InvalidArgument, VideoErrorCategory.InvalidArgument,
                $"{subject} does not take -{parameter} '{value}', so nothing was sent. Allowed: {listed}.");
        }

        private static IEnumerable<string> Take(IReadOnlyList<string> values, int count)
        {
            for (var i = 0; i < count && i < values.Count; i++)
            {
                yield return values[i];
            }
        }

        private static bool SameText(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

        // "8", "8.0" and 8 are the same duration.
        private static bool SameSeconds(string a, string b) =>
            double.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
            && double.TryParse(b, NumberStyles.Float, CultureInfo.InvariantCulture, out var y)
                ? x == y
                : SameText(a, b);
    }
}
