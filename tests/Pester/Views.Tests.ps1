#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
<#
    The default views as a user sees them in a console 80 and 120 columns wide (a real console host: pwsh in tmux, see
    ConsoleHost.ps1). Against the emulator's LiteLLM flavor, whose ids share a 40-character head, so rows can only be
    told apart by the part of the id the view keeps. At 80 columns the Get-Video table keeps Id, Status, Progress,
    Created and Prompt; at 120 also Model, Size, Sec and Cost. The batch table keeps #, Status, Video, Error and Item at
    80 (Action and Cost at 120), never wraps a header and never cuts a status or an error id.
#>

BeforeDiscovery {
    $script:Widths = @(@{ Width = 80 }, @{ Width = 120 })
}

BeforeAll {
    . "$PSScriptRoot/TestEmulator.ps1"
    . "$PSScriptRoot/ConsoleHost.ps1"
    $script:Manifest = (Get-ChildItem -Path "$script:RepositoryRoot/out/OpenAIVideos" -Filter 'OpenAIVideos.psd1' -Recurse |
            Sort-Object FullName -Descending | Select-Object -First 1).FullName
    $script:Emulator = Start-TestEmulator -LogFolder $TestDrive -Flavor litellm -JobSeconds 0.5

    # Made once, outside the consoles: three videos (two with the same prompt) and a batch with a failing item.
    Import-BuiltModule
    Connect-OpenAIVideo -BaseUri $script:Emulator.BaseUri -ApiKey $script:Emulator.ApiKey -Server LiteLLM
    $script:Videos = @('a paper boat drifting down a slow river at dawn', 'a red fox in fresh snow', 'a red fox in fresh snow' |
            New-Video -Model sora-2 | Wait-Video -TimeoutSec 60)
    Disconnect-OpenAIVideo

    # Each console prints the views between markers, so each can be cut out of the screen.
    $script:ConsoleScript = @'
Import-Module $env:VIEWS_MANIFEST
Connect-OpenAIVideo -BaseUri $env:VIEWS_BASE_URI -ApiKey $env:VIEWS_API_KEY -Server LiteLLM
'=== videos'
Get-Video | Out-Default
'=== video list'
Get-Video -First 1 | Format-List | Out-Default
$rows = [pscustomobject]@{ Name = 'boat'; Prompt = 'a paper boat on a river' },
    [pscustomobject]@{ Name = ''; Prompt = '[emulator:fail] a scene the server refuses to make' }
$output = $rows | Invoke-VideoBatch -Journal ./run.jsonl -Path ./out -PollIntervalSec 0.2 -ErrorAction SilentlyContinue
'=== batch'
$output | Where-Object { $_ -is [OpenAIVideos.VideoBatchResult] } | Out-Default
'=== summary'
$output[-1] | Out-Default
'=== end'
'@
    function script:Get-Section([string[]] $Screen, [string] $Name) {
        $start = [array]::IndexOf($Screen, "=== $Name")
        $end = $start + 1
        while ($end -lt $Screen.Count -and $Screen[$end] -notlike '=== *') { $end++ }
        if ($start -lt 0) { throw "No '=== $Name' section on the screen:`n$($Screen -join "`n")" }
        @($Screen[($start + 1)..($end - 1)] | Where-Object { $_.Trim() })
    }

    # A table's rows, once its header is found on one line with these columns, underlined.
    function script:Get-TableRow([string[]] $Screen, [string] $Name, [string[]] $Columns) {
        $lines = Get-Section $Screen $Name
        @($lines[0] -split '\s+' | Where-Object { $_ }) | Should -Be $Columns
        $lines[1] | Should -Match '^ *-'
        @($lines | Select-Object -Skip 2)
    }

    $script:Screens = @{}
    foreach ($width in 80, 120) {
        $script:Screens[$width] = Invoke-InConsole -Width $width -Script $script:ConsoleScript -Environment @{
            VIEWS_MANIFEST = $script:Manifest; VIEWS_BASE_URI = $script:Emulator.BaseUri; VIEWS_API_KEY = $script:Emulator.ApiKey
        }
    }
    foreach ($width in 80, 120) { Set-Content -LiteralPath (Join-Path $TestDrive "screen-$width.txt") -Value $script:Screens[$width] }
    if ($env:VIEWS_SCREEN_FOLDER) { Copy-Item -Path (Join-Path $TestDrive 'screen-*.txt') -Destination $env:VIEWS_SCREEN_FOLDER }
    $script:AllVideos = @(Get-Video -BaseUri $script:Emulator.BaseUri -ApiKey $script:Emulator.ApiKey -Server LiteLLM)
}

AfterAll {
    Stop-TestEmulator $script:Emulator
    Remove-Module OpenAIVideos -Force -ErrorAction SilentlyContinue
}

Describe 'Default views in a <Width>-column console' -ForEach $script:Widths {
    BeforeAll {
        $script:Screen = $script:Screens[$Width]
        $script:Expected = @{
            Videos = if ($Width -ge 120) { 'Id', 'Status', 'Progress', 'Created', 'Prompt', 'Model', 'Size', 'Sec', 'Cost' } else { 'Id', 'Status', 'Progress', 'Created', 'Prompt' }
            Batch  = if ($Width -ge 120) { '#', 'Status', 'Video', 'Error', 'Item', 'Action', 'Cost' } else { '#', 'Status', 'Video', 'Error', 'Item' }
        }
    }

    It 'the console host reports its width' {
        $Screen.Count | Should -BeGreaterThan 10
        @($Screen | Where-Object { $_.Length -gt $Width }) | Should -BeNullOrEmpty
    }

    It 'Get-Video: one header line with the columns that matter, and rows told apart by their ids' {
        # The consoles' batches add videos: the first console sees three, the next five.
        $rows = Get-TableRow $Screen 'videos' $Expected.Videos
        $rows.Count | Should -BeGreaterOrEqual 3
        $cells = @($rows | ForEach-Object { ($_ -split '\s+')[0] })
        @($cells | Sort-Object -Unique).Count | Should -Be $rows.Count
        foreach ($cell in $cells) {
            $tail = $cell.Substring($cell.IndexOf([char]0x2026) + 1)
            @($script:AllVideos | Where-Object { $_.Id.EndsWith($tail) }).Count | Should -Be 1 -Because "the cell $cell names one video"
        }
        foreach ($video in $script:Videos) { $cells | Should -Contain ([OpenAIVideos.Commands.VideoFormatter]::IdCell($video.Id)) }
        # Created (local, short) and the prompt, cut at its column's width.
        $ours = @($rows | Where-Object { $_ -match ' (a red fox in fresh snow|a paper boat drifting d…)( |$)' })
        $ours.Count | Should -Be 3
        foreach ($row in $ours) { $row | Should -Match ' completed +100% +\w{3} \d\d \d\d:\d\d +a ' }
    }

    It 'Get-Video | Format-List: the whole id and the Cost line' {
        $lines = Get-Section $Screen 'video list'
        ($lines | Where-Object { $_ -match '^Cost\s+:' }) | Should -Not -BeNullOrEmpty
        (($lines | Where-Object { $_ -match '^(Id\s+:|\s{10,})' }) -replace '^Id\s+:\s*|^\s+', '') -join '' | Should -BeLike 'video_*'
    }

    It 'the batch table: a header on one line, whole statuses and error ids' {
        $rows = Get-TableRow $Screen 'batch' $Expected.Batch
        $rows.Count | Should -Be 2
        ($rows -join "`n") | Should -Match ' Completed '
        ($rows -join "`n") | Should -Match ' Failed +video_\S+ +VideoFailed +\[emulator:fail\]'
        ($rows -join "`n") | Should -Match ' boat( |$)'
        ($rows -join "`n") | Should -Not -Match '\b(In|Vi|Co|Fa)…'
    }

    It 'the batch summary: every label whole' {
        $lines = Get-Section $Screen 'summary'
        foreach ($label in 'Total', 'Completed', 'Failed', 'EstimatedCost', 'Failures', 'Journal') {
            @($lines | Where-Object { $_ -match "^$label\s+:" }).Count | Should -Be 1 -Because "the $label line"
        }
    }
}
