<#
.SYNOPSIS
    The README demo, run by build.ps1 -Task Demo in a fresh PowerShell: make a video, wait for it, save it, list.

.PARAMETER ManifestPath
    The laid-out OpenAIVideos.psd1.

.PARAMETER OutputPath
    Where Save-VideoContent writes the video.

.PARAMETER BaseUri
    The emulator's base URI (with /v1), when not using the real service.

.PARAMETER ApiKey
    The emulator's key, when not using the real service.

.PARAMETER UseRealService
    Connect to the OpenAI service with OPENAI_API_KEY (and OPENAI_BASE_URL when set) instead.
#>
[CmdletBinding(DefaultParameterSetName = 'Emulator')]
param(
    [Parameter(Mandatory)] [string] $ManifestPath,
    [Parameter(Mandatory)] [string] $OutputPath,
    [Parameter(Mandatory, ParameterSetName = 'Emulator')] [string] $BaseUri,
    [Parameter(Mandatory, ParameterSetName = 'Emulator')] [string] $ApiKey,
    [Parameter(Mandatory, ParameterSetName = 'RealService')] [switch] $UseRealService
)

$ErrorActionPreference = 'Stop'
try {
    Import-Module -Name $ManifestPath -Force
    if ($UseRealService) {
        Connect-OpenAIVideo
    }
    else {
        Connect-OpenAIVideo -Emulator -BaseUri $BaseUri -ApiKey $ApiKey
    }

    $file = New-Video 'a red fox running through snow' -Seconds 4 | Wait-Video | Save-VideoContent -Path $OutputPath -PassThru
    $file | Format-Table -Property Name, Length, FullName -AutoSize

    # An MP4 starts with an ftyp box: its type sits at bytes 4-7.
    $head = [System.IO.File]::ReadAllBytes($file.FullName)
    $boxType = [System.Text.Encoding]::ASCII.GetString($head, 4, 4)
    if ($boxType -ne 'ftyp') { throw "$($file.FullName) is not an MP4 (no ftyp box)." }
    Write-Host "$($file.Name): an MP4 of $($file.Length) bytes (ftyp box found)."

    Get-Video | Format-Table
}
catch {
    Write-Host ($_ | Out-String) -ForegroundColor Red
    exit 1
}
