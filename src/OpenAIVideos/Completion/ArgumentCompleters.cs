using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace OpenAIVideos.Commands.Completion
{
    /// <summary>Completes from a fixed list of suggestions; the list and matching live in <see cref="CompletionCandidates"/>.</summary>
    public abstract class ValueCompleter : IArgumentCompleter
    {
        /// <summary>The suggestions.</summary>
        protected abstract IEnumerable<string> Values { get; }

        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) =>
            ToResults(CompletionCandidates.Match(Values, wordToComplete));

        internal static IEnumerable<CompletionResult> ToResults(IEnumerable<CompletionCandidate> candidates)
        {
            foreach (var candidate in candidates)
            {
                yield return new CompletionResult(candidate.CompletionText, candidate.ListItemText, CompletionResultType.ParameterValue, candidate.ToolTip);
            }
        }
    }

    /// <summary>
    /// Completes a value from the connected server's model catalogue (<see cref="ModelValueSuggestions"/>), narrowed to
    /// the -Model already typed; a slow or failing server yields nothing, never an error.
    /// </summary>
    public abstract class ModelValueCompleter : IArgumentCompleter
    {
        /// <summary>Which value this completer offers.</summary>
        protected abstract ModelValueKind Kind { get; }

        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            try
            {
                var (profile, models) = ModelCatalogueSource.Current();
                var model = fakeBoundParameters?["Model"] as string;
                var forExtension = string.Equals(commandName, "Invoke-VideoExtension", System.StringComparison.OrdinalIgnoreCase);
                return ValueCompleter.ToResults(CompletionCandidates.Match(ModelValueSuggestions.For(profile, models, Kind, model, forExtension), wordToComplete));
            }
            catch (System.Exception)
            {
                return new CompletionResult[0];
            }
        }
    }

    /// <summary>Completes <c>-Model</c>.</summary>
    public sealed class ModelCompleter : ModelValueCompleter
    {
        /// <inheritdoc />
        protected override ModelValueKind Kind => ModelValueKind.Model;
    }

    /// <summary>Completes <c>-Size</c>.</summary>
    public sealed class SizeCompleter : ModelValueCompleter
    {
        /// <inheritdoc />
        protected override ModelValueKind Kind => ModelValueKind.Size;
    }

    /// <summary>Completes <c>-Seconds</c>.</summary>
    public sealed class SecondsCompleter : ModelValueCompleter
    {
        /// <inheritdoc />
        protected override ModelValueKind Kind => ModelValueKind.Seconds;
    }

    /// <summary>Completes <c>-Resolution</c>.</summary>
    public sealed class ResolutionCompleter : ModelValueCompleter
    {
        /// <inheritdoc />
        protected override ModelValueKind Kind => ModelValueKind.Resolution;
    }

    /// <summary>Completes <c>-AspectRatio</c>.</summary>
    public sealed class AspectRatioCompleter : ModelValueCompleter
    {
        /// <inheritdoc />
        protected override ModelValueKind Kind => ModelValueKind.AspectRatio;
    }

    /// <summary>Completes <c>-Variant</c>.</summary>
    public sealed class VariantCompleter : ValueCompleter
    {
        /// <inheritdoc />
        protected override IEnumerable<string> Values => CompletionCandidates.Variants;
    }

    /// <summary>Completes <c>-Status</c>.</summary>
    public sealed class StatusCompleter : ValueCompleter
    {
        /// <inheritdoc />
        protected override IEnumerable<string> Values => CompletionCandidates.Statuses;
    }

    /// <summary>Completes <c>-Flavor</c> of Start-VideoEmulator with the emulator's own names (loads it on first use).</summary>
    public sealed class EmulatorFlavorCompleter : ValueCompleter
    {
        /// <inheritdoc />
        protected override IEnumerable<string> Values => Client.Emulation.LocalEmulators.FlavorNames();
    }

    /// <summary>Completes <c>-Kind</c> of Add-VideoEmulatorFault with the emulator's own fault kinds (loads it on first use).</summary>
    public sealed class EmulatorFaultKindCompleter : ValueCompleter
    {
        /// <inheritdoc />
        protected override IEnumerable<string> Values => Client.Emulation.LocalEmulators.FaultKindNames();
    }

    /// <summary>
    /// Completes video ids from the session's (or environment's) server through a 30-second cache; a slow or failing
    /// server yields what the cache has, never an error.
    /// </summary>
    public sealed class VideoIdCompleter : IArgumentCompleter
    {
        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            try
            {
                return ValueCompleter.ToResults(CompletionCandidates.MatchVideos(VideoIdSource.Current().Get(), wordToComplete));
            }
            catch (System.Exception)
            {
                return new CompletionResult[0];
            }
        }
    }
}
