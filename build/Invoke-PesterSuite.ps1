<#
.SYNOPSIS
    Runs the Pester 5 tests in a fresh PowerShell (started by build.ps1) and exits with the number of failures.

.DESCRIPTION
    A separate process so that the module the tests import, and Pester 5 itself, never load into the session that
    builds: Windows would then lock the laid-out assemblies, and Windows PowerShell may already have Pester 3.4 loaded.

.PARAMETER Path
    The folder of *.Tests.ps1 files.

.PARAMETER ResultPath
    Where to write NUnit XML results.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $Path,
    [Parameter(Mandatory)] [string] $ResultPath
)

$ErrorActionPreference = 'Stop'
Import-Module -Name Pester -MinimumVersion 5.5.0

$configuration = New-PesterConfiguration
$configuration.Run.Path = $Path
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Detailed'
$configuration.TestResult.Enabled = $true
$configuration.TestResult.OutputFormat = 'NUnitXml'
$configuration.TestResult.OutputPath = $ResultPath

$null = New-Item -ItemType Directory -Path (Split-Path -Parent $ResultPath) -Force
$result = Invoke-Pester -Configuration $configuration
if ($result.Result -ne 'Passed' -and $result.FailedCount -eq 0) {
    # A failed discovery or BeforeAll fails the run without failing a test.
    exit 1
}
exit $result.FailedCount
