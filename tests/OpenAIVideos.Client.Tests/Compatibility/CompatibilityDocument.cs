using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace OpenAIVideos.Client.Tests.Compatibility
{
    /// <summary>Renders docs/compatibility.md from the matrix's observed cells: a grid, then each server's details.</summary>
    public static class CompatibilityDocument
    {
        public static string Render(IReadOnlyCollection<MatrixCell> cells, IReadOnlyCollection<ParameterCell> parameters)
        {
            var text = new StringBuilder();
            text.AppendLine("# Compatibility");
            text.AppendLine();
            text.AppendLine("What the module does with each server it names, as the test matrix observed it against the emulator's flavor of that server (`src/OpenAIVideos.Emulator`, whose README cites each server's public source). Each cell is a test over loopback HTTP that asserts the outcome; an operation the server lacks must fail with `OperationNotSupported` before anything is sent, and the cell then also sends it with `-Server Generic` to record what the server itself answers.");
            text.AppendLine();
            text.AppendLine("Generated, not written: regenerate with");
            text.AppendLine();
            text.AppendLine("```sh");
            text.AppendLine($"{CompatibilityReport.WriteVariable}=1 dotnet test tests/OpenAIVideos.Client.Tests -c Release --filter FullyQualifiedName~Compatibility");
            text.AppendLine("```");
            text.AppendLine();
            text.AppendLine("The emulator imitates each server from its source; it is not the server. Where the emulator could not pin a behaviour down, its README says so.");
            text.AppendLine();
            text.AppendLine("## Summary");
            text.AppendLine();
            text.Append("| Operation | Cmdlet |");
            foreach (var flavor in ServerFlavor.All)
            {
                text.Append(' ').Append(flavor.ServerName).Append(" (`-Server ").Append(flavor.Kind).Append("`) |");
            }

            text.AppendLine();
            text.Append("|---|---|").AppendLine(string.Concat(ServerFlavor.All.Select(_ => "---|")));
            foreach (var operation in MatrixOperation.All)
            {
                text.Append("| ").Append(operation.Name).Append(" | `").Append(operation.Cmdlet).Append("` |");
                foreach (var flavor in ServerFlavor.All)
                {
                    var cell = cells.Single(c => c.Operation == operation && c.Flavor == flavor);
                    text.Append(' ').Append(Short(cell)).Append(" |");
                }

                text.AppendLine();
            }

            text.AppendLine();
            text.AppendLine("yes: works. no: refused before sending (`OperationNotSupported`). refused: the server answers an error, shown in its own words.");
            text.AppendLine();
            text.AppendLine("## New-Video parameters");
            text.AppendLine();
            text.AppendLine("One vocabulary for every server (New-Video's parameters and Invoke-VideoBatch's columns): each cell names the field and type it was sent in, and the server accepted the create; \"no\" means it was refused before anything was sent (`ParameterNotSupported`, naming the server and the parameter). `-AdditionalProperties` sends any other field.");
            text.AppendLine();
            text.Append("| Parameter |");
            foreach (var flavor in ServerFlavor.All)
            {
                text.Append(' ').Append(flavor.ServerName).Append(" |");
            }

            text.AppendLine();
            text.Append("|---|").AppendLine(string.Concat(ServerFlavor.All.Select(_ => "---|")));
            foreach (CreateParameter parameter in System.Enum.GetValues(typeof(CreateParameter)))
            {
                text.Append("| `-").Append(parameter).Append("` |");
                foreach (var flavor in ServerFlavor.All)
                {
                    text.Append(' ').Append(Escape(parameters.Single(c => c.Parameter == parameter && c.Flavor == flavor).Outcome)).Append(" |");
                }

                text.AppendLine();
            }
            foreach (var flavor in ServerFlavor.All)
            {
                text.AppendLine();
                text.AppendLine($"## {flavor.ServerName}");
                text.AppendLine();
                text.AppendLine($"Emulator flavor `--flavor {flavor.Name}`; module `-Server {flavor.Kind}`.");
                text.AppendLine();
                text.AppendLine("| Operation | Outcome | Notes |");
                text.AppendLine("|---|---|---|");
                foreach (var operation in MatrixOperation.All)
                {
                    var cell = cells.Single(c => c.Operation == operation && c.Flavor == flavor);
                    text.AppendLine($"| {operation.Name} | {cell.Outcome} | {Escape(cell.Notes)} |");
                }
            }

            return text.ToString();
        }

        private static string Short(MatrixCell cell) =>
            cell.Works ? "yes" : cell.Outcome.Contains("OperationNotSupported") ? "no" : "refused";

        private static string Escape(string text) => text.Replace("|", "\\|").Replace("\r", " ").Replace("\n", " ");
    }
}
