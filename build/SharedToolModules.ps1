<#
    Get-SharedToolModulePath: where the machines that cannot reach the PowerShell Gallery keep PlatyPS and
    PSScriptAnalyzer, built from their public source: ../shared/tools/modules beside the clone (its README says how they
    were built). build.ps1 puts it last on PSModulePath (Add-ModulePath -Last), only after the Gallery failed, and the Pester files that need
    those modules look there too when run on their own. A user's machine has no such folder and needs none.
#>

function Get-SharedToolModulePath {
    # The folder when it holds the module at the version asked for or later; otherwise nothing.
    param(
        [Parameter(Mandatory)] [string] $Name,
        [Parameter(Mandatory)] [version] $MinimumVersion
    )

    $folder = Join-Path $PSScriptRoot '../../shared/tools/modules'
    if (-not (Test-Path -LiteralPath $folder)) { return }
    $folder = (Resolve-Path -LiteralPath $folder).Path
    $manifests = @(Get-ChildItem -LiteralPath (Join-Path $folder $Name) -Filter "$Name.psd1" -Recurse -ErrorAction SilentlyContinue)
    foreach ($manifest in $manifests) {
        $version = $null
        if ([version]::TryParse($manifest.Directory.Name, [ref]$version) -and $version -ge $MinimumVersion) { return $folder }
    }
}

function Add-ModulePath {
    # Puts a folder first (or with -Last, last: installed copies win) on PSModulePath for this session and the child
    # processes it starts.
    param(
        [Parameter(Mandatory)] [string] $Folder,
        [switch] $Last
    )

    $separator = [System.IO.Path]::PathSeparator
    $entries = @($env:PSModulePath -split [regex]::Escape([string]$separator) | Where-Object { $_ -and $_ -ne $Folder })
    $ordered = if ($Last) { @($entries) + $Folder } else { @($Folder) + $entries }
    $env:PSModulePath = $ordered -join $separator
}
