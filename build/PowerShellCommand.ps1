<#
    Get-PowerShellCommand: how to start a child of this same PowerShell, for build.ps1 and the Pester files. Returns the
    program and the arguments that come before the child's own, as one array: `& $c[0] @($c | Select-Object -Skip 1) ...`.
#>

function Get-PowerShellCommand {
    # Windows PowerShell: powershell.exe. PowerShell 7: its pwsh apphost where the folder has one; else, as under the
    # PowerShell dotnet tool, where the process itself is `dotnet`, `dotnet <PSHOME>/pwsh.dll`.
    if ($PSVersionTable.PSEdition -eq 'Desktop') {
        return , @((Join-Path $PSHOME 'powershell.exe'))
    }
    $name = 'pwsh'
    if ($IsWindows) { $name = 'pwsh.exe' }
    $apphost = Join-Path $PSHOME $name
    if (Test-Path -LiteralPath $apphost) { return , @($apphost) }
    $dll = Join-Path $PSHOME 'pwsh.dll'
    if (Test-Path -LiteralPath $dll) { return , @('dotnet', $dll) }
    , @((Get-Process -Id $PID).Path)
}
