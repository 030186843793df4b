using System;
using System.Collections.Generic;
using OpenAIVideos.Emulator;

namespace OpenAIVideos.Client.Tests.Compatibility
{
    /// <summary>
    /// One column of the matrix: an emulator flavor and the server kind a user would name for that server.
    /// </summary>
    public sealed record ServerFlavor(string Name, string EmulatorFlavorName, ServerKind Kind, string ServerName)
    {
        /// <summary>The eight servers, in the order the compatibility tables show them.</summary>
        public static readonly IReadOnlyList<ServerFlavor> All = new[]
        {
            new ServerFlavor("openai", "OpenAI", ServerKind.OpenAI, "OpenAI (spec, strict)"),
            new ServerFlavor("gateway", "Gateway", ServerKind.Generic, "Generic gateway"),
            new ServerFlavor("vllm-omni", "VllmOmni", ServerKind.VllmOmni, "vLLM-Omni"),
            new ServerFlavor("sglang", "SGLang", ServerKind.SGLang, "SGLang Diffusion"),
            new ServerFlavor("litellm", "LiteLLM", ServerKind.LiteLLM, "LiteLLM proxy"),
            new ServerFlavor("azure", "Azure", ServerKind.Azure, "Azure OpenAI v1"),
            new ServerFlavor("gemini", "Gemini", ServerKind.Gemini, "Gemini API (Veo)"),
            new ServerFlavor("openrouter", "OpenRouter", ServerKind.OpenRouter, "OpenRouter"),
        };

        /// <summary>The emulator flavor, or null when this build of the emulator has none of that name.</summary>
        public EmulatorFlavor? EmulatorFlavor =>
            Enum.TryParse<EmulatorFlavor>(EmulatorFlavorName, ignoreCase: false, out var flavor) ? flavor : null;

        /// <summary>The strict OpenAI flavor and Google's API refuse request fields they do not know; the others take them.</summary>
        public bool RefusesUnknownFields => Name is "openai" or "gemini";

        public override string ToString() => Name;

        public static ServerFlavor Named(string name)
        {
            foreach (var flavor in All)
            {
                if (flavor.Name == name)
                {
                    return flavor;
                }
            }

            throw new ArgumentException($"No flavor '{name}'.", nameof(name));
        }
    }
}
