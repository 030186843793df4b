<#
    Shared by the Pester files (dot-source it): runs a script in a new PowerShell process of the same version as the one
    running the tests, and hands back what the script wrote as JSON. Used where the test is about a fresh session:
    importing the module, assembly loading, an installed copy.
#>

. (Join-Path $PSScriptRoot '../../build/PowerShellCommand.ps1')

function Invoke-FreshPowerShell {
    <#
        Runs $Script (a script block's text, with param()) in a new process with -NoProfile and returns the object the
        script's last output line holds as JSON. Throws with the child's error output when it exits non-zero.
    #>
    param(
        [Parameter(Mandatory)] [scriptblock] $Script,
        [object[]] $ArgumentList = @(),
        [hashtable] $Environment = @{}
    )

    $file = Join-Path ([System.IO.Path]::GetTempPath()) ("fresh-" + [Guid]::NewGuid().ToString('N') + '.ps1')
    $wrapped = "`$ErrorActionPreference = 'Stop'`n& {`n$Script`n} @args | ConvertTo-Json -Depth 5 -Compress"
    Set-Content -LiteralPath $file -Value $wrapped -Encoding utf8
    # A variable that was unset is unset again afterwards, not left empty: PowerShell hands $null to
    # SetEnvironmentVariable as "", and an empty NUGET_PACKAGES, say, sends every later restore to ./.nuget.
    function Set-ProcessVariable([string] $Name, [AllowNull()] [string] $Value) {
        if ([string]::IsNullOrEmpty($Value)) { Remove-Item -LiteralPath "env:$Name" -ErrorAction SilentlyContinue }
        else { Set-Item -LiteralPath "env:$Name" -Value $Value }
    }
    $saved = @{}
    foreach ($name in $Environment.Keys) {
        $saved[$name] = [Environment]::GetEnvironmentVariable($name)
        Set-ProcessVariable $name $Environment[$name]
    }
    try {
        $command = Get-PowerShellCommand
        $prefix = @($command | Select-Object -Skip 1)
        $output = & $command[0] @prefix -NoProfile -NonInteractive -File $file @ArgumentList 2>&1
        $exit = $LASTEXITCODE
    }
    finally {
        foreach ($name in $saved.Keys) { Set-ProcessVariable $name $saved[$name] }
        Remove-Item -LiteralPath $file -Force -ErrorAction SilentlyContinue
    }
    $text = @($output | ForEach-Object { "$_" })
    if ($exit -ne 0) { throw "The fresh PowerShell exited with code ${exit}:`n$($text -join "`n")" }
    $text[-1] | ConvertFrom-Json
}
