#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
<#
    Invoke-VideoBatch killed hard and rerun: a 40-item batch in a child pwsh is killed (Stop-Process -Force) at random
    points several times, then rerun until it finishes. Every item must end with exactly one video on the server (the
    emulator's list and statistics), one whole file on disk, and a journal that says it is done — also under injected
    429s with Retry-After, 5xx, dropped connections and lost create answers. A bad row is reported and the run goes on.
    Expects the build layout (pwsh ./build.ps1 -Task Build). Jobs take 0.5 s in the emulator so the file runs in well
    under two minutes. With OPENAIVIDEOS_WRITE_DOCS=1 the figures are written to docs/reliability.md (batch-kill section).
#>

BeforeAll {
    . "$PSScriptRoot/TestEmulator.ps1"
    . "$PSScriptRoot/VideoBatchKillHarness.ps1"
    Import-BuiltModule
    $script:Figures = [Collections.Generic.List[object]]::new()

    function script:Assert-OneVideoAndFilePerItem($Outcome, [int] $Count) {
        $Outcome.Done | Should -BeTrue -Because "the reruns should finish the batch (exit codes $($Outcome.ExitCodes -join ', '))"
        $Outcome.VideosPerItem | Should -HaveCount $Count
        $Outcome.VideosPerItem | Where-Object { $_ -ne 1 } | Should -BeNullOrEmpty -Because 'every item has exactly one video on the server'
        $Outcome.VideosCreated | Should -Be $Count
        $Outcome.WholeFiles | Should -Be $Count
        $Outcome.OtherFiles | Should -Be 0 -Because 'no partial or broken file is left behind'
        $Outcome.JournalDone | Should -Be $Count -Because 'the journal says every item is done with its file'
    }
}

Describe 'Invoke-VideoBatch killed hard and rerun' {
    BeforeAll {
        $script:Emulator = Start-TestEmulator -LogFolder $TestDrive -JobSeconds 0.5
        $folder = Join-Path $TestDrive 'plain'
        $null = New-Item -ItemType Directory -Path $folder
        $script:Rows = New-BatchCsv -Path (Join-Path $folder 'prompts.csv') -Count 40 -Tag plain
        $run = Invoke-KilledBatch -Emulator $script:Emulator -Folder $folder -Csv (Join-Path $folder 'prompts.csv') -Kills 4 -Seed 1301
        $script:Outcome = Measure-BatchOutcome -Emulator $script:Emulator -Rows $script:Rows -Run $run
        $script:Statistics = Get-EmulatorStatistics $script:Emulator
        $Figures.Add(($Outcome | Select-Object @{ n = 'Scenario'; e = { 'no faults' } }, *))
    }

    AfterAll { Stop-TestEmulator $script:Emulator }

    It 'was killed at least twice before it finished' {
        $Outcome.Kills | Should -BeGreaterOrEqual 2
    }

    It 'ends with one video, one whole file and a done journal entry per item' {
        Assert-OneVideoAndFilePerItem $Outcome 40
        $Statistics.videos_created | Should -Be 40
    }
}

Describe 'Invoke-VideoBatch killed hard under injected faults' {
    BeforeAll {
        $script:Emulator = Start-TestEmulator -LogFolder $TestDrive -JobSeconds 0.5
        # Lost create answers (the video IS made), 429s with Retry-After, 5xx and dropped connections.
        Add-EmulatorFault $script:Emulator @{ kind = 'truncate_body'; operation = 'create'; body_bytes = 12; count = 6 }
        Add-EmulatorFault $script:Emulator @{ kind = 'error_status'; operation = 'create'; status = 429; retry_after = '1'; count = 2 }
        Add-EmulatorFault $script:Emulator @{ kind = 'error_status'; operation = 'retrieve'; status = 503; count = 6 }
        Add-EmulatorFault $script:Emulator @{ kind = 'drop_connection'; operation = 'create'; count = 3 }
        Add-EmulatorFault $script:Emulator @{ kind = 'drop_connection'; operation = 'content'; count = 3 }
        Add-EmulatorFault $script:Emulator @{ kind = 'error_status'; operation = 'content'; status = 500; count = 3 }
        $folder = Join-Path $TestDrive 'faults'
        $null = New-Item -ItemType Directory -Path $folder
        $script:Rows = New-BatchCsv -Path (Join-Path $folder 'prompts.csv') -Count 40 -Tag fault
        $run = Invoke-KilledBatch -Emulator $script:Emulator -Folder $folder -Csv (Join-Path $folder 'prompts.csv') -Kills 4 -Seed 1302
        $script:Outcome = Measure-BatchOutcome -Emulator $script:Emulator -Rows $script:Rows -Run $run
        $script:Statistics = Get-EmulatorStatistics $script:Emulator
        $Figures.Add(($Outcome | Select-Object @{ n = 'Scenario'; e = { 'injected faults' } }, *))
    }

    AfterAll { Stop-TestEmulator $script:Emulator }

    It 'met every injected fault' {
        $Statistics.pending_fault_rules | Should -Be 0
        $Statistics.faults_injected.truncate_body | Should -Be 6
    }

    It 'recovered lost answers by replaying the journalled idempotency key, not by creating again' {
        $Statistics.idempotent_replays | Should -BeGreaterThan 0
        $Statistics.videos_created | Should -Be 40
    }

    It 'ends with one video, one whole file and a done journal entry per item' {
        Assert-OneVideoAndFilePerItem $Outcome 40
    }

    It 'was killed at least twice before it finished' {
        $Outcome.Kills | Should -BeGreaterOrEqual 2
    }
}

Describe 'Invoke-VideoBatch with bad rows' {
    BeforeAll {
        $script:Emulator = Start-TestEmulator -LogFolder $TestDrive -JobSeconds 0.5
        $script:Folder = Join-Path $TestDrive 'bad'
        $rows = [pscustomobject]@{ Prompt = 'a heron at dawn'; Size = '' },
            [pscustomobject]@{ Prompt = ''; Size = '' },
            [pscustomobject]@{ Prompt = 'a heron at dusk'; Size = '999x999' },
            [pscustomobject]@{ Prompt = 'a heron at noon'; Size = '1280x720' }
        $script:Output = $rows | Invoke-VideoBatch -Journal (Join-Path $Folder 'run.jsonl') -Path (Join-Path $Folder 'out') `
            -BaseUri $Emulator.BaseUri -ApiKey $Emulator.ApiKey -PollIntervalSec 0.2 -ErrorAction SilentlyContinue -ErrorVariable problems
        $script:Problems = $problems
        $script:Rerun = $rows | Invoke-VideoBatch -Journal (Join-Path $Folder 'run.jsonl') -Path (Join-Path $Folder 'out') `
            -BaseUri $Emulator.BaseUri -ApiKey $Emulator.ApiKey -PollIntervalSec 0.2 -ErrorAction SilentlyContinue
    }

    AfterAll { Stop-TestEmulator $script:Emulator }

    It 'reports each bad row with its own error id and completes the good ones' {
        ($Problems | ForEach-Object { $_.FullyQualifiedErrorId.Split(',')[0] }) | Sort-Object | Should -Be @('InvalidBatchItem', 'InvalidRequest')
        ($Problems | Where-Object { $_.FullyQualifiedErrorId -like 'InvalidBatchItem,*' }).TargetObject.Prompt | Should -Be ''
        $results = $Output | Where-Object { $_ -is [OpenAIVideos.VideoBatchResult] }
        ($results | Where-Object Status -eq Completed).Prompt | Sort-Object | Should -Be @('a heron at dawn', 'a heron at noon')
        $summary = $Output[-1]
        $summary | Should -BeOfType ([OpenAIVideos.VideoBatchSummary])
        ($summary.Total, $summary.Completed, $summary.Failed) | Should -Be @(4, 2, 2)
        $summary.FailuresByErrorId['InvalidRequest'] | Should -Be 1
    }

    It 'does not send the refused row again on a rerun' {
        ($Rerun | Where-Object { $_.Prompt -eq 'a heron at dusk' }).Action | Should -Be 'ReportFailure'
        (Get-EmulatorStatistics $Emulator).requests_by_operation.create | Should -Be 3
    }
}

AfterAll {
    if ($env:OPENAIVIDEOS_WRITE_DOCS -eq '1' -and $Figures.Count -eq 2) {
        Write-BatchReliabilitySection -Figures $Figures -DocPath (Join-Path $RepositoryRoot 'docs/reliability.md')
    }
}
