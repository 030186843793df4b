<#
.SYNOPSIS
    Makes a ReadyToRun copy of the PowerShell that runs this script, for the shell benchmarks' --pwsh option.

.DESCRIPTION
    The repository pins PowerShell as a dotnet tool (.config/dotnet-tools.json), and that package's assemblies are IL
    only: every method PowerShell runs is compiled by the JIT in every new process, its module-import path included.
    An installed pwsh whose assemblies carry ReadyToRun code skips most of that. To measure what the module's import
    and first call cost in such a pwsh, this script copies $PSHOME to out/pwsh-r2r/<version>/ and compiles PowerShell's
    own assemblies there with crossgen2 for this machine's runtime identifier.

    crossgen2 comes from NuGet (Microsoft.NETCore.App.Crossgen2.<rid>), restored through a throwaway project with
    PublishReadyToRun, so the SDK picks the version that matches the runtime's major version (ReadyToRun code made for
    another major version of .NET is not used by the runtime). Takes about a minute; prints the new pwsh.dll's path.

.EXAMPLE
    dotnet pwsh tests/OpenAIVideos.Benchmarks/Shell/New-ReadyToRunPowerShell.ps1
    dotnet run -c Release --project tests/OpenAIVideos.Benchmarks -- shell-cold --pwsh out/pwsh-r2r/7.6.9/pwsh.dll
#>
[CmdletBinding()]
param(
    # Where the copy goes; default out/pwsh-r2r/<PowerShell version> under the repository root.
    [string] $Destination
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

$repositoryRoot = (Resolve-Path (Join-Path $PSScriptRoot '../../..')).Path
if (-not $Destination) { $Destination = Join-Path $repositoryRoot "out/pwsh-r2r/$($PSVersionTable.PSVersion)" }
$rid = [System.Runtime.InteropServices.RuntimeInformation]::RuntimeIdentifier
$framework = "net$([Environment]::Version.Major).0"

# PowerShell's own assemblies: startup, the module-import path, the format loader, the web cmdlets, telemetry.
$assemblies = @(
    'pwsh', 'System.Management.Automation', 'Microsoft.PowerShell.ConsoleHost', 'Microsoft.PowerShell.Commands.Utility',
    'Microsoft.PowerShell.Commands.Management', 'Microsoft.PowerShell.Security', 'Microsoft.PowerShell.MarkdownRender',
    'Microsoft.ApplicationInsights', 'Newtonsoft.Json'
)

# 1. crossgen2 for this runtime, restored from NuGet by a project that asks for ReadyToRun.
$project = Join-Path ([System.IO.Path]::GetTempPath()) "openaivideos-crossgen2-$PID"
New-Item -ItemType Directory -Path $project -Force | Out-Null
try {
    Set-Content -LiteralPath (Join-Path $project 'Crossgen2.csproj') -Value @"
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>$framework</TargetFramework>
    <RuntimeIdentifier>$rid</RuntimeIdentifier>
    <PublishReadyToRun>true</PublishReadyToRun>
    <SelfContained>false</SelfContained>
  </PropertyGroup>
</Project>
"@
    & dotnet restore (Join-Path $project 'Crossgen2.csproj') --nologo -v quiet | Out-Host
    if ($LASTEXITCODE -ne 0) { throw "dotnet restore of the crossgen2 project failed ($LASTEXITCODE)." }
    $packageRoot = "$(& dotnet msbuild (Join-Path $project 'Crossgen2.csproj') -nologo -getProperty:NuGetPackageRoot)".Trim()
}
finally {
    Remove-Item -LiteralPath $project -Recurse -Force
}

$packs = Join-Path $packageRoot "microsoft.netcore.app.crossgen2.$($rid.ToLowerInvariant())"
$version = Get-ChildItem -LiteralPath $packs -Directory |
    Where-Object { $_.Name -like "$([Environment]::Version.Major).*" } |
    Sort-Object { [version]($_.Name -replace '-.*$', '') } -Descending |
    Select-Object -First 1
if (-not $version) { throw "No crossgen2 $([Environment]::Version.Major).x was restored under $packs." }
$crossgen = Join-Path $version.FullName 'tools/crossgen2'
if ($IsWindows) { $crossgen += '.exe' }

# 2. The copy, then each assembly compiled in place of its IL-only original.
if (Test-Path -LiteralPath $Destination) { Remove-Item -LiteralPath $Destination -Recurse -Force }
New-Item -ItemType Directory -Path $Destination -Force | Out-Null
Copy-Item -Path (Join-Path $PSHOME '*') -Destination $Destination -Recurse
$runtimeFolder = [System.Runtime.InteropServices.RuntimeEnvironment]::GetRuntimeDirectory()
$os, $arch = $rid -split '-', 2
$os = @{ win = 'windows'; osx = 'osx' }[$os] ?? 'linux'
foreach ($name in $assemblies) {
    $source = Join-Path $PSHOME "$name.dll"
    if (-not (Test-Path -LiteralPath $source)) { Write-Warning "$name.dll is not in $PSHOME; left out."; continue }
    # A response file: pwsh on Unix would expand the wildcards of the reference paths itself if they were arguments.
    $response = Join-Path $Destination "$name.crossgen2.rsp"
    Set-Content -LiteralPath $response -Value @($source, '-o', (Join-Path $Destination "$name.dll"), '--targetos', $os, '--targetarch', $arch, '-O',
        '-r', (Join-Path $runtimeFolder '*.dll'), '-r', (Join-Path $PSHOME '*.dll'))
    & $crossgen "@$response" 2>&1 | Write-Verbose
    Remove-Item -LiteralPath $response
    if ($LASTEXITCODE -ne 0) { throw "crossgen2 failed on $name.dll ($LASTEXITCODE)." }
}

Write-Host "ReadyToRun PowerShell $($PSVersionTable.PSVersion) for $rid (crossgen2 $($version.Name)):"
Join-Path $Destination 'pwsh.dll'
