using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;

namespace OpenAIVideos.Client.Tests.Compatibility
{
    /// <summary>
    /// Collects what each matrix cell observed (recorded only after the cell's assertions passed) and, when
    /// <c>OPENAIVIDEOS_WRITE_COMPATIBILITY=1</c> and every cell ran, writes docs/compatibility.md from it.
    /// </summary>
    public sealed class CompatibilityReport : IDisposable
    {
        public const string WriteVariable = "OPENAIVIDEOS_WRITE_COMPATIBILITY";

        private readonly ConcurrentDictionary<(MatrixOperation Operation, ServerFlavor Flavor), MatrixCell> _cells = new();
        private readonly ConcurrentDictionary<(CreateParameter Parameter, ServerFlavor Flavor), ParameterCell> _parameters = new();

        public void Record(MatrixOperation operation, ServerFlavor flavor, string outcome, string notes) =>
            _cells[(operation, flavor)] = new MatrixCell(operation, flavor, outcome, notes);

        public void Record(CreateParameter parameter, ServerFlavor flavor, string outcome) =>
            _parameters[(parameter, flavor)] = new ParameterCell(parameter, flavor, outcome);

        public void Dispose()
        {
            if (Environment.GetEnvironmentVariable(WriteVariable) != "1")
            {
                return;
            }

            var expected = (MatrixOperation.All.Count + Enum.GetValues(typeof(CreateParameter)).Length) * ServerFlavor.All.Count;
            if (_cells.Count + _parameters.Count != expected)
            {
                // A partial run (a filter, a missing flavor, a failed cell) must not pass for the whole matrix.
                Console.Error.WriteLine($"{WriteVariable}: {_cells.Count + _parameters.Count} of {expected} cells ran; docs/compatibility.md was not written.");
                return;
            }

            var path = Path.Combine(RepositoryPaths.Root, "docs", "compatibility.md");
            File.WriteAllText(path, CompatibilityDocument.Render(_cells.Values.ToList(), _parameters.Values.ToList()));
        }
    }

    /// <summary>What one parameter cell observed: the field and type it went out in, or its refusal.</summary>
    public sealed record ParameterCell(CreateParameter Parameter, ServerFlavor Flavor, string Outcome);

    /// <summary>What one cell observed.</summary>
    public sealed record MatrixCell(MatrixOperation Operation, ServerFlavor Flavor, string Outcome, string Notes)
    {
        public bool Works => Outcome.StartsWith("works", StringComparison.Ordinal);
    }
}
