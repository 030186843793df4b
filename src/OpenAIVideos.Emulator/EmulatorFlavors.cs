using System;
using System.Collections.Generic;
using System.Linq;

namespace OpenAIVideos.Emulator
{
    /// <summary>
    /// The flavors' names as users type them (<c>openai</c>, <c>vllm-omni</c>, …): the command line's <c>--flavor</c> and
    /// Start-VideoEmulator's <c>-Flavor</c> both parse and list them here.
    /// </summary>
    public static class EmulatorFlavors
    {
        /// <summary>Every flavor's name, in declaration order.</summary>
        public static IReadOnlyList<string> Names { get; } = Enum.GetValues<EmulatorFlavor>().Select(Name).ToList();

        /// <summary>The kebab-case name of <paramref name="flavor"/> (<c>VllmOmni</c> is <c>vllm-omni</c>).</summary>
        public static string Name(EmulatorFlavor flavor) => flavor switch
        {
            EmulatorFlavor.VllmOmni => "vllm-omni",
            _ => flavor.ToString().ToLowerInvariant(),
        };

        /// <summary>
        /// The flavor named <paramref name="text"/>, case-insensitively, with or without the hyphen; an unknown name is an
        /// <see cref="ArgumentException"/> that lists the known ones.
        /// </summary>
        public static EmulatorFlavor Parse(string text)
        {
            string wanted = (text ?? string.Empty).Replace("-", string.Empty, StringComparison.Ordinal);
            foreach (EmulatorFlavor flavor in Enum.GetValues<EmulatorFlavor>())
            {
                if (string.Equals(flavor.ToString(), wanted, StringComparison.OrdinalIgnoreCase))
                {
                    return flavor;
                }
            }

            throw new ArgumentException($"Unknown flavor '{text}'. Known flavors: {string.Join(", ", Names)}.");
        }
    }
}
