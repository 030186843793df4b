<#
    One Invoke-VideoBatch run in its own process, for the kill-and-rerun tests (VideoBatch.Tests.ps1) and the figures in
    docs/reliability.md: the parent kills this process hard at random points and starts it again until it exits 0.
    Exit codes: 0 every item completed; 3 the run ended with items not completed.
#>
param(
    [Parameter(Mandatory)] [string] $Module,
    [Parameter(Mandatory)] [string] $BaseUri,
    [Parameter(Mandatory)] [string] $ApiKey,
    [Parameter(Mandatory)] [string] $Csv,
    [Parameter(Mandatory)] [string] $Journal,
    [Parameter(Mandatory)] [string] $Out,
    [int] $ThrottleLimit = 8,
    [string] $Server = 'Generic'
)

$ErrorActionPreference = 'Continue'
$ProgressPreference = 'SilentlyContinue'
Import-Module $Module -ErrorAction Stop
# ThrottleLimit 0: the server profile's own (2 for Azure).
$throttle = if ($ThrottleLimit -gt 0) { @{ ThrottleLimit = $ThrottleLimit } } else { @{} }
$output = Import-Csv $Csv | Invoke-VideoBatch -Journal $Journal -Path $Out -BaseUri $BaseUri -ApiKey $ApiKey -Server $Server -MaxRetries 4 `
    -PollIntervalSec 0.2 -ErrorAction SilentlyContinue @throttle
$summary = $output | Where-Object { $_ -is [OpenAIVideos.VideoBatchSummary] }
if ($summary -and $summary.Completed -eq $summary.Total) { exit 0 }
exit 3
