<#
.SYNOPSIS
    Measures what Import-Module of the laid-out OpenAIVideos adds to a fresh PowerShell: median of -Count runs.

.DESCRIPTION
    Each run is a new process of this PowerShell (-NoProfile). Two figures per run:
    - Import: Measure-Command around Import-Module inside the fresh process (what the import itself costs, cold);
    - Added wall time: the whole process with the import, minus an interleaved run of the same process without it.
    Runs alternate (empty, import, empty, import, ...) so machine load drifts affect both sides alike.

.EXAMPLE
    dotnet pwsh ./build/Measure-ModuleImport.ps1            # after ./build.ps1 -Task Build
#>
[CmdletBinding()]
param(
    [string] $ManifestPath,
    [ValidateRange(1, 100)] [int] $Count = 10
)

$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot '../tests/Pester/FreshPowerShell.ps1')
if (-not $ManifestPath) {
    $ManifestPath = (Get-ChildItem -Path (Join-Path $PSScriptRoot '../out/OpenAIVideos') -Filter 'OpenAIVideos.psd1' -Recurse |
            Sort-Object FullName -Descending | Select-Object -First 1).FullName
}
if (-not $ManifestPath -or -not (Test-Path -LiteralPath $ManifestPath)) { throw 'No laid-out module; run ./build.ps1 -Task Build first.' }

$command = Get-PowerShellCommand
$program = $command[0]
$prefix = @($command | Select-Object -Skip 1)
$importScript = "`$t = Measure-Command { Import-Module '$ManifestPath' -ErrorAction Stop }; [int]`$t.TotalMicroseconds"
# The same script with nothing in the measured block, so the two sides differ by the import alone.
$emptyScript = "`$t = Measure-Command { }; [int]`$t.TotalMicroseconds"

function Measure-Process([string] $Script) {
    $clock = [System.Diagnostics.Stopwatch]::StartNew()
    $output = & $program @prefix -NoProfile -NonInteractive -Command $Script
    $clock.Stop()
    if ($LASTEXITCODE -ne 0) { throw "The fresh PowerShell failed: $output" }
    [pscustomobject]@{ WallMs = $clock.Elapsed.TotalMilliseconds; Output = "$output" }
}

function Get-Median([double[]] $Values) {
    $sorted = $Values | Sort-Object
    $middle = [int][Math]::Floor($sorted.Count / 2)
    if ($sorted.Count % 2) { return $sorted[$middle] }
    ($sorted[$middle - 1] + $sorted[$middle]) / 2
}

$null = Measure-Process $emptyScript     # warm the file cache for both sides
$null = Measure-Process $importScript
$empty = [System.Collections.Generic.List[double]]::new()
$withImport = [System.Collections.Generic.List[double]]::new()
$import = [System.Collections.Generic.List[double]]::new()
for ($i = 0; $i -lt $Count; $i++) {
    $empty.Add((Measure-Process $emptyScript).WallMs)
    $run = Measure-Process $importScript
    $withImport.Add($run.WallMs)
    $import.Add([double]$run.Output / 1000)
}

$load = if (Test-Path /proc/loadavg) { (Get-Content /proc/loadavg).Split(' ')[0..2] -join ' ' } else { 'n/a' }
[pscustomobject]@{
    PowerShell          = $PSVersionTable.PSVersion.ToString()
    Runs                = $Count
    ImportMedianMs      = [Math]::Round((Get-Median $import), 1)
    EmptyStartMedianMs  = [Math]::Round((Get-Median $empty), 1)
    WithImportMedianMs  = [Math]::Round((Get-Median $withImport), 1)
    AddedWallMedianMs   = [Math]::Round((Get-Median $withImport) - (Get-Median $empty), 1)
    LoadAverage         = $load
}
