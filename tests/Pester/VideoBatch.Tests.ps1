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
    . "$PSScriptRoot/FreshPowerShell.ps1"
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

# Lost create answers (truncate_body: the video IS made), 429s with Retry-After, 5xx and dropped connections.
$faults = @(
    @{ kind = 'truncate_body'; operation = 'create'; body_bytes = 12; count = 6 }
    @{ kind = 'error_status'; operation = 'create'; status = 429; retry_after = '1'; count = 2 }
    @{ kind = 'error_status'; operation = 'retrieve'; status = 503; count = 6 }
    @{ kind = 'drop_connection'; operation = 'create'; count = 3 }
    @{ kind = 'drop_connection'; operation = 'content'; count = 3 }
    @{ kind = 'error_status'; operation = 'content'; status = 500; count = 3 }
)

# Azure's flavor does not honour Idempotency-Key and allows two running jobs per key (a third create is a 429 with
# Retry-After): lost answers are found by listing, and jobs a killed run left running make the rerun meet those 429s.
Describe 'Invoke-VideoBatch killed hard and rerun, <Scenario>' -ForEach @(
    @{ Scenario = 'no faults'; Tag = 'plain'; Seed = 1301; Faults = @(); LostAnswers = 0; Flavor = 'openai'; Server = 'Generic'; Count = 40; Throttle = 8 }
    @{ Scenario = 'injected faults'; Tag = 'fault'; Seed = 1302; Faults = $faults; LostAnswers = 6; Flavor = 'openai'; Server = 'Generic'; Count = 40; Throttle = 8 }
    @{ Scenario = 'Azure, lost answers, no idempotency'; Tag = 'azure'; Seed = 1303; Faults = @($faults[0]); LostAnswers = 6; Flavor = 'azure'; Server = 'Azure'; Count = 20; Throttle = 0 }
) {
    BeforeAll {
        $script:Emulator = Start-TestEmulator -LogFolder $TestDrive -JobSeconds 0.5 -Flavor $Flavor
        foreach ($rule in $Faults) { Add-EmulatorFault $script:Emulator $rule }
        $script:Outcome = Invoke-KillScenario -Emulator $script:Emulator -Folder (Join-Path $TestDrive $Tag) -Tag $Tag -Seed $Seed -Scenario $Scenario `
            -Count $Count -Server $Server -ThrottleLimit $Throttle
        $script:Statistics = Get-EmulatorStatistics $script:Emulator
        $Figures.Add($Outcome)
    }

    AfterAll { Stop-TestEmulator $script:Emulator }

    It 'was killed at least twice before it finished' {
        $Outcome.Kills | Should -BeGreaterOrEqual 2
    }

    It 'met every injected fault' {
        $Statistics.pending_fault_rules | Should -Be 0
        [int]$Statistics.faults_injected.truncate_body | Should -Be $LostAnswers
    }

    It 'found every lost create answer again (by its idempotency key where honoured, else by listing), creating nothing twice' {
        if ($Server -eq 'Azure') { $Statistics.idempotent_replays | Should -Be 0 }
        else { $Statistics.idempotent_replays | Should -BeGreaterOrEqual $LostAnswers }
        $Statistics.videos_created | Should -Be $Count
    }

    It 'ends with one video, one whole file and a done journal entry per item' {
        Assert-OneVideoAndFilePerItem $Outcome $Count
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

    It '-WhatIf prints the plan and the total cost, and creates and writes nothing' {
        $journal = Join-Path $Folder 'whatif.jsonl'
        # "What if:" lines go to the host, not to a stream: a transcript is what sees them.
        $transcript = Join-Path $TestDrive 'whatif.txt'
        $null = Start-Transcript -Path $transcript
        try {
            'a gull over the waves', 'a gull in the rain' | Invoke-VideoBatch -Journal $journal -Path (Join-Path $Folder 'whatif') `
                -BaseUri $Emulator.BaseUri -ApiKey $Emulator.ApiKey -WhatIf
        }
        finally { $null = Stop-Transcript }
        Get-Content -Raw $transcript | Should -Match 'Create up to 2 video\(s\), estimated cost \$0\.80'
        Test-Path $journal | Should -BeFalse
        Test-Path (Join-Path $Folder 'whatif') | Should -BeFalse
        (Get-EmulatorStatistics $Emulator).requests_by_operation.create | Should -Be 3
    }

    It 'does not send the refused row again on a rerun' {
        ($Rerun | Where-Object { $_.Prompt -eq 'a heron at dusk' }).Action | Should -Be 'ReportFailure'
        (Get-EmulatorStatistics $Emulator).requests_by_operation.create | Should -Be 3
    }
}

Describe 'Invoke-VideoBatch stopped as by Ctrl+C' {
    BeforeAll {
        $script:Emulator = Start-TestEmulator -LogFolder $TestDrive -JobSeconds 2
        $script:Folder = Join-Path $TestDrive 'stop'
        $script:Prompts = 1..12 | ForEach-Object { "stopped batch item $_" }
        $journal = Join-Path $Folder 'run.jsonl'
        # PowerShell.Stop() is what Ctrl+C does: StopProcessing on the running cmdlet, then the pipeline ends.
        $shell = [powershell]::Create()
        $null = $shell.AddScript({
                param($Module, $BaseUri, $ApiKey, $Journal, $Out, $Prompts)
                Import-Module $Module
                $Prompts | Invoke-VideoBatch -Journal $Journal -Path $Out -BaseUri $BaseUri -ApiKey $ApiKey -ThrottleLimit 4 -PollIntervalSec 0.2
            }).AddArgument((Join-Path (Get-Module OpenAIVideos).ModuleBase 'OpenAIVideos.psd1')).AddArgument($Emulator.BaseUri).AddArgument($Emulator.ApiKey).
            AddArgument($journal).AddArgument((Join-Path $Folder 'out')).AddArgument($Prompts)
        $async = $shell.BeginInvoke()
        $deadline = [DateTime]::UtcNow.AddSeconds(30)
        # Stop once the first four creates are journalled (and their jobs are running): mid-wait.
        while ((-not (Test-Path $journal) -or (Get-Item $journal).Length -lt 1200) -and -not $async.IsCompleted -and [DateTime]::UtcNow -lt $deadline) {
            Start-Sleep -Milliseconds 20   # polling the file's size: observing progress, not waiting for it
        }
        $script:WasRunning = -not $async.IsCompleted
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $shell.Stop()
        $script:StopMilliseconds = $watch.ElapsedMilliseconds
        $script:State = $shell.InvocationStateInfo.State
        $shell.Dispose()
        $script:JournalLines = [IO.File]::ReadAllLines($journal)
        $script:Rerun = $Prompts | Invoke-VideoBatch -Journal $journal -Path (Join-Path $Folder 'out') -BaseUri $Emulator.BaseUri -ApiKey $Emulator.ApiKey -PollIntervalSec 0.2
    }

    AfterAll { Stop-TestEmulator $script:Emulator }

    It 'stops the running batch promptly and leaves only whole journal lines' {
        $WasRunning | Should -BeTrue
        $State | Should -Be 'Stopped'
        $StopMilliseconds | Should -BeLessThan 5000 -Because 'StopProcessing cancels every request in flight'
        $JournalLines | Should -Not -BeNullOrEmpty
        foreach ($line in $JournalLines) { { $line | ConvertFrom-Json -ErrorAction Stop } | Should -Not -Throw }
    }

    It 'is finished by the rerun with one video per item' {
        ($Rerun | Where-Object { $_ -is [OpenAIVideos.VideoBatchResult] -and $_.Status -eq 'Completed' }) | Should -HaveCount 12
        $videos = @(Get-Video -BaseUri $Emulator.BaseUri -ApiKey $Emulator.ApiKey)
        $videos | Should -HaveCount 12
        ($videos.Prompt | Sort-Object -Unique) | Should -HaveCount 12
    }
}

AfterAll {
    if ($env:OPENAIVIDEOS_WRITE_DOCS -eq '1' -and $Figures.Count -eq 3) {
        Write-BatchReliabilitySection -Figures $Figures -StopMilliseconds $StopMilliseconds -DocPath (Join-Path $RepositoryRoot 'docs/reliability.md')
    }
}
