using System;
using System.Collections.Generic;
using OpenAIVideos.Client;

namespace OpenAIVideos.Commands.Completion
{
    /// <summary>Which value of a model catalogue a completer offers.</summary>
    public enum ModelValueKind
    {
        /// <summary>-Model: the models' ids.</summary>
        Model,

        /// <summary>-Seconds: durations.</summary>
        Seconds,

        /// <summary>-Resolution.</summary>
        Resolution,

        /// <summary>-AspectRatio.</summary>
        AspectRatio,

        /// <summary>-Size.</summary>
        Size,
    }

    /// <summary>
    /// What completion offers for -Model, -Seconds, -Resolution, -AspectRatio and -Size: the connected server's catalogue
    /// (the same one the check before a create reads), narrowed to the model already typed, so it never offers what
    /// that model refuses. An extension's -Seconds offers the dialect's extension lengths.
    /// </summary>
    public static class ModelValueSuggestions
    {
        /// <summary>The values to offer, in catalogue order without repeats.</summary>
        /// <param name="profile">The connected server's dialect.</param>
        /// <param name="models">Its catalogue.</param>
        /// <param name="kind">Which value.</param>
        /// <param name="model">The -Model already typed, if any.</param>
        /// <param name="forExtension">True for Invoke-VideoExtension's -Seconds.</param>
        public static IReadOnlyList<string> For(ServerProfile profile, IReadOnlyList<VideoModel> models, ModelValueKind kind, string? model, bool forExtension = false)
        {
            if (profile is null || models is null)
            {
                throw new ArgumentNullException(profile is null ? nameof(profile) : nameof(models));
            }

            if (forExtension && kind == ModelValueKind.Seconds)
            {
                return profile.ExtensionDurations;
            }

            var named = VideoModelCatalogue.Find(models, model);
            var values = new List<string>();
            foreach (var candidate in named is null ? models : new[] { named })
            {
                foreach (var value in Of(candidate, kind))
                {
                    if (!values.Exists(v => string.Equals(v, value, StringComparison.OrdinalIgnoreCase)))
                    {
                        values.Add(value);
                    }
                }
            }

            return values;
        }

        private static IReadOnlyList<string> Of(VideoModel model, ModelValueKind kind) => kind switch
        {
            ModelValueKind.Model => new[] { model.Id },
            ModelValueKind.Seconds => model.Seconds,
            ModelValueKind.Resolution => model.Resolutions,
            ModelValueKind.AspectRatio => model.AspectRatios,
            _ => model.Sizes,
        };
    }
}
