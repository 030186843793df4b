using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using OpenAIVideos.Benchmarks.Harness;

namespace OpenAIVideos.Benchmarks.Scenarios.Shell
{
    /// <summary>
    /// What a scheduled job waits for: whole pwsh processes, from start to exit, as Task Scheduler, cron or CI run them.
    /// Three pairs, each run back to back in an order that alternates per round, and all three pairs in every round, so a
    /// change in the machine's load hits both sides of a pair alike: start + Import-Module against a bare start; a script
    /// that imports the module and gets one video against one that calls Invoke-RestMethod; a script that imports the module
    /// and runs <c>New-Video | Wait-Video | Save-VideoContent</c> against the same job done with Invoke-RestMethod and
    /// Invoke-WebRequest. Judged on the medians of the pairs' own differences and ratios; CPU time and peak resident set
    /// (from <c>/usr/bin/time</c>) beside them.
    /// </summary>
    internal static class ShellColdStartBenchmark
    {
        private const string Scenario = "shell-cold";
        private const int PollAfterMs = 250;

        private sealed record Side(string Name, string[] PwshArguments, Func<ProcessCost, bool> Check);

        /// <summary>Processes compared with each other: the first is ours; all run back to back, in an order rotated every round.</summary>
        private sealed record Group(string Key, params Side[] Sides);

        public static async Task RunAsync(Report report, BenchSettings settings, PinnedPowerShell pwsh)
        {
            report.RecordLoad(Scenario);
            string folder = Path.Combine(Path.GetTempPath(), $"openaivideos-cold-{Environment.ProcessId}");
            Directory.CreateDirectory(folder);
            try
            {
                await RunInAsync(report, settings, pwsh, folder);
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        private static async Task RunInAsync(Report report, BenchSettings settings, PinnedPowerShell pwsh, string folder)
        {
            await using var emulator = await EmulatorProcess.StartAsync(jobSeconds: 0.5, pollAfterMs: PollAfterMs);
            using var http = RawApi.CreateHttp(emulator.BaseUri);
            string id = (await RawApi.CreateAsync(http, "A calico cat playing a piano")).Id!;
            await RawApi.WaitCompletedAsync(http, id, TimeSpan.FromSeconds(30));

            var groups = Groups(pwsh, folder, emulator.BaseUri, id);
            var limit = TimeSpan.FromMinutes(1);
            async Task<ProcessCost> Run(Side side)
            {
                var cost = await TimedProcess.RunAsync("dotnet", pwsh.Arguments(side.PwshArguments), limit);
                return side.Check(cost) ? cost : throw new InvalidOperationException($"{side.Name} printed an unexpected result: {cost.Output}");
            }

            // One discarded run of every process first, so the file cache holds every assembly and script.
            foreach (Side side in groups.SelectMany(g => g.Sides))
            {
                await Run(side);
            }

            // costs[group key][side index] = that side's runs, one per round.
            var costs = groups.ToDictionary(g => g.Key, g => g.Sides.Select(_ => new List<ProcessCost>()).ToArray());
            for (int round = 0; round < settings.ShellColdPairs; round++)
            {
                foreach (Group group in groups)
                {
                    for (int k = 0; k < group.Sides.Length; k++)
                    {
                        int index = (k + round) % group.Sides.Length; // who goes first rotates, so no side always follows the same one
                        costs[group.Key][index].Add(await Run(group.Sides[index]));
                    }
                }

                Console.Write(round + 1 == settings.ShellColdPairs ? $"{round + 1} rounds\n" : $"{round + 1} ");
            }

            ColdStartRows.Write(report, Scenario, settings.ShellColdPairs, costs);
            report.Note(Scenario, $"{settings.ShellColdPairs} pairs of whole processes per row after one discarded run of each, the processes compared in a row back to back (which goes first rotates every round), "
                + "all rows in every round; each process is `dotnet pwsh.dll -NoProfile -NonInteractive …` under `/usr/bin/time`, timed by the harness from just before it starts until it has exited. "
                + "Rows: `-Command '$null = 1'` (bare start); `-Command 'Import-Module …/OpenAIVideos.psd1'`; `-Command 'Import-Module …/Empty.psd1'` (a manifest exporting nothing: what PowerShell itself spends on a first import); a script file `Import-Module …; $v = Get-Video -VideoId $id -BaseUri … -ApiKey …` "
                + "against `$v = Invoke-RestMethod -Uri …/videos/$id -Headers @{ Authorization = 'Bearer …' }` (each then writes the id with [Console]::WriteLine, which the harness checks); "
                + "a script file `Import-Module …; Connect-OpenAIVideo …; New-Video 'a red fox' | Wait-Video | Save-VideoContent -Path FOLDER -Force` against Invoke-RestMethod POST, "
                + $"polling every {PollAfterMs} ms (the emulator's hint, which Wait-Video follows) until completed, then `Invoke-WebRequest …/content -OutFile`; emulator `--job-seconds 0.5 --poll-after-ms {PollAfterMs}`. "
                + "The medians are of the pairs' own differences and ratios (a pair's two processes ran seconds apart); CPU = user + system time of the process; peak RSS = its kernel high-water mark. "
                + "What the old in-process figure (Import-Module timed by Measure-Command inside a started pwsh) left out: Measure-Command itself auto-loads Microsoft.PowerShell.Utility, "
                + "which runs (and JIT-compiles) PowerShell's module-import path before the timed block starts, so the import's share of that work was not counted; nor was "
                + "anything after the block (telemetry of the import, shutdown).");
        }

        private static List<Group> Groups(PinnedPowerShell pwsh, string folder, Uri baseUri, string id)
        {
            string manifest = Quote(pwsh.Manifest);
            string uri = Quote(baseUri.AbsoluteUri.TrimEnd('/'));
            string key = Quote(EmulatorProcess.ApiKey);
            string output = Path.Combine(folder, "saved");
            Directory.CreateDirectory(output);
            string Script(string name, string text)
            {
                string path = Path.Combine(folder, name);
                File.WriteAllText(path, text);
                return path;
            }

            string getVideo = Script("get-video.ps1",
                $"Import-Module {manifest}\n$v = Get-Video -VideoId {Quote(id)} -BaseUri {uri} -ApiKey {key}\n[Console]::WriteLine($v.Id)\n");
            string irm = Script("invoke-restmethod.ps1",
                $"$v = Invoke-RestMethod -Uri ({uri} + '/videos/{id}') -Headers @{{ Authorization = 'Bearer ' + {key} }}\n[Console]::WriteLine($v.id)\n");
            string pipeline = Script("pipeline.ps1",
                $"Import-Module {manifest}\n$null = Connect-OpenAIVideo -BaseUri {uri} -ApiKey {key}\n"
                + $"$f = New-Video 'a red fox' | Wait-Video | Save-VideoContent -Path {Quote(output + Path.DirectorySeparatorChar)} -Force -PassThru\n"
                + "[Console]::WriteLine($f.Length)\nRemove-Item -LiteralPath $f.FullName\n");
            string irmPipeline = Script("pipeline-irm.ps1",
                $"$h = @{{ Authorization = 'Bearer ' + {key} }}\n"
                + $"$v = Invoke-RestMethod -Method Post -Uri ({uri} + '/videos') -Headers $h -ContentType 'application/json' -Body (@{{ prompt = 'a red fox' }} | ConvertTo-Json)\n"
                + $"while ($v.status -ne 'completed' -and $v.status -ne 'failed') {{ Start-Sleep -Milliseconds {PollAfterMs}; $v = Invoke-RestMethod -Uri ({uri} + '/videos/' + $v.id) -Headers $h }}\n"
                + $"$path = Join-Path {Quote(output)} ($v.id + '.mp4')\n"
                + $"Invoke-WebRequest -Uri ({uri} + '/videos/' + $v.id + '/content?variant=video') -Headers $h -OutFile $path\n"
                + "[Console]::WriteLine((Get-Item -LiteralPath $path).Length)\nRemove-Item -LiteralPath $path\n");

            bool PrintsId(ProcessCost c) => c.Output.Trim() == id;
            bool PrintsLength(ProcessCost c) => long.TryParse(c.Output.Trim(), out long length) && length > 0;
            bool Anything(ProcessCost c) => true;
            // The smallest module there is: a manifest with nothing in it. What importing it costs is PowerShell's own, paid by any first import.
            string empty = Path.Combine(folder, "Empty", "Empty.psd1");
            Directory.CreateDirectory(Path.GetDirectoryName(empty)!);
            File.WriteAllText(empty, "@{ ModuleVersion = '1.0'; FunctionsToExport = @(); CmdletsToExport = @(); AliasesToExport = @(); VariablesToExport = @() }\n");
            return new List<Group>
            {
                new("import", new("start + Import-Module", new[] { "-Command", $"Import-Module {manifest}" }, Anything),
                    new("bare start", new[] { "-Command", "$null = 1" }, Anything),
                    new("start + Import-Module of an empty module", new[] { "-Command", $"Import-Module {Quote(empty)}" }, Anything)),
                new("get", new("Get-Video script", new[] { "-File", getVideo }, PrintsId), new("Invoke-RestMethod script", new[] { "-File", irm }, PrintsId)),
                new("pipeline", new("New-Video | Wait-Video | Save-VideoContent script", new[] { "-File", pipeline }, PrintsLength),
                    new("Invoke-RestMethod + Invoke-WebRequest script", new[] { "-File", irmPipeline }, PrintsLength)),
            };
        }

        private static string Quote(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
    }
}
