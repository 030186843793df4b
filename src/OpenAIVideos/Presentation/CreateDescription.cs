using System.Collections.Generic;
using System.Text;
using OpenAIVideos.Client;

namespace OpenAIVideos.Commands
{
    /// <summary>What -WhatIf and -Confirm say a create will do, with its estimated cost on the connected server.</summary>
    public static class CreateDescription
    {
        /// <summary>
        /// <c>Create a 4 s video (sora-2, 720x1280), estimated cost $0.40</c>. On servers that speak Sora the API's defaults
        /// fill what is not given; elsewhere what is not given is left to the server and the price comes from its catalogue.
        /// </summary>
        public static string Describe(ServerProfile profile, IReadOnlyList<VideoModel>? models, VideoCreateRequest request)
        {
            if (profile is null || request is null)
            {
                throw new System.ArgumentNullException(profile is null ? nameof(profile) : nameof(request));
            }

            var estimate = VideoCostEstimator.Estimate(profile, models, request);
            var sora = profile.UsesSoraPrices;
            var seconds = request.Seconds ?? (sora ? VideoCostEstimator.DefaultSeconds : null);
            var text = new StringBuilder("Create a ")
                .Append(seconds is null ? "video" : seconds + " s video")
                .Append(" (")
                .Append(request.Model ?? (sora ? VideoCostEstimator.DefaultModel : profile.DefaultModel ?? "the server's default model"));
            foreach (var detail in new[] { request.Size ?? (sora ? VideoCostEstimator.DefaultSize : null), request.AspectRatio, request.Resolution })
            {
                if (detail is not null)
                {
                    text.Append(", ").Append(detail);
                }
            }

            if (request.InputReference is not null)
            {
                text.Append(", from ").Append(request.InputReference);
            }

            text.Append(')');
            if (!sora)
            {
                text.Append(" on ").Append(profile.DisplayName);
            }

            return text.Append(", estimated cost ").Append(estimate).ToString();
        }
    }
}
