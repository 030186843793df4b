<#
    Kill-and-rerun harness of VideoBatch.Tests.ps1: runs VideoBatchRun.ps1 in a child pwsh (the same PowerShell as this
    one, see FreshPowerShell.ps1), kills it hard (Stop-Process -Force, i.e. SIGKILL) once its journal has grown by a random amount,
    several times, then reruns it until it exits 0, and collects what the emulator and the disk say afterwards.
    Dot-source TestEmulator.ps1 and FreshPowerShell.ps1 first.
#>

function New-BatchCsv {
    param([Parameter(Mandatory)] [string] $Path, [int] $Count = 40, [string] $Tag = 'kill')
    $rows = 1..$Count | ForEach-Object { [pscustomobject]@{ Name = ('{0}{1:00}' -f $Tag, $_); Prompt = ('batch {0} item {1:00}: a paper boat on a river' -f $Tag, $_) } }
    $rows | Export-Csv -Path $Path -NoTypeInformation
    $rows
}

function Invoke-KilledBatch {
    param(
        [Parameter(Mandatory)] $Emulator,
        [Parameter(Mandatory)] [string] $Folder,
        [Parameter(Mandatory)] [string] $Csv,
        [int] $Kills = 4,
        [int] $MaxReruns = 8,
        [int] $Seed = 13,
        [string] $Server = 'Generic',
        [int] $ThrottleLimit = 8
    )

    $random = [Random]::new($Seed)
    $journal = Join-Path $Folder 'run.jsonl'
    $out = Join-Path $Folder 'out'
    $module = Join-Path (Get-Module OpenAIVideos).ModuleBase 'OpenAIVideos.psd1'
    $child = Get-PowerShellCommand
    $arguments = @($child | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', (Join-Path $PSScriptRoot 'VideoBatchRun.ps1'),
        '-Module', $module, '-BaseUri', $Emulator.BaseUri, '-ApiKey', $Emulator.ApiKey, '-Csv', $Csv, '-Journal', $journal, '-Out', $out,
        '-Server', $Server, '-ThrottleLimit', $ThrottleLimit)
    $killed = 0
    $runs = 0
    $exitCodes = [Collections.Generic.List[int]]::new()

    function Start-Child {
        Start-Process -FilePath $child[0] -ArgumentList $arguments -PassThru -NoNewWindow `
            -RedirectStandardOutput (Join-Path $Folder "run$runs.out.txt") -RedirectStandardError (Join-Path $Folder "run$runs.err.txt")
    }

    function Get-JournalLength { if (Test-Path $journal) { (Get-Item $journal).Length } else { 0 } }

    for ($k = 0; $k -lt $Kills; $k++) {
        # Kill once the journal has grown by 1 to ~25 lines (a line is ~170 bytes): mid-create, mid-wait, mid-download.
        $target = (Get-JournalLength) + $random.Next(150, 4500)
        $process = Start-Child
        $runs++
        $deadline = [DateTime]::UtcNow.AddSeconds(60)
        while (-not $process.HasExited -and (Get-JournalLength) -lt $target -and [DateTime]::UtcNow -lt $deadline) {
            Start-Sleep -Milliseconds 20   # polling the file's size: observing progress, not waiting for it
        }
        if (-not $process.HasExited) {
            Stop-Process -Id $process.Id -Force
            $process.WaitForExit()
            $killed++
        }
        else {
            $exitCodes.Add($process.ExitCode)
            if ($process.ExitCode -eq 0) { break }
        }
    }

    $done = $exitCodes.Count -gt 0 -and $exitCodes[-1] -eq 0
    $reruns = 0
    while (-not $done -and $reruns -lt $MaxReruns) {
        $process = Start-Child
        $runs++
        $reruns++
        if (-not $process.WaitForExit(120000)) { Stop-Process -Id $process.Id -Force; throw 'A rerun did not finish within 120 s.' }
        $exitCodes.Add($process.ExitCode)
        $done = $process.ExitCode -eq 0
    }

    [pscustomobject]@{ Kills = $killed; Runs = $runs; Done = $done; ExitCodes = $exitCodes.ToArray(); Journal = $journal; Out = $out }
}

function Get-EmulatorStatistics {
    param([Parameter(Mandatory)] $Emulator)
    $root = $Emulator.BaseUri -replace '/(openai/)?v1$', ''
    Invoke-RestMethod -Uri "$root/_emulator/stats" -Headers @{ Authorization = "Bearer $($Emulator.ApiKey)" }
}

function Add-EmulatorFault {
    param([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)] [hashtable] $Rule)
    $root = $Emulator.BaseUri -replace '/(openai/)?v1$', ''
    $null = Invoke-RestMethod -Method Post -Uri "$root/_emulator/faults" -Headers @{ Authorization = "Bearer $($Emulator.ApiKey)" } `
        -ContentType 'application/json' -Body ($Rule | ConvertTo-Json -Compress)
}

# What the journal says per key, folded as the engine does: the last create's video, and whether it is done.
function Read-BatchJournal {
    param([Parameter(Mandatory)] [string] $Path)
    $items = @{}
    foreach ($line in [IO.File]::ReadAllLines($Path)) {
        try { $record = $line | ConvertFrom-Json -ErrorAction Stop } catch { continue }   # a torn line
        if ($null -eq $record.key) { continue }
        $item = $items[$record.key]
        if (-not $item) { $item = $items[$record.key] = [pscustomobject]@{ Key = $record.key; Creates = 0; Keys = @{}; VideoId = $null; Done = $false; Files = @{} } }
        switch ($record.type) {
            'create' { $item.Creates++; $item.Keys[$record.idempotency_key] = $true }
            'created' { $item.VideoId = $record.video_id }
            'file' { $item.Files[$record.variant] = $record }
            'done' { $item.Done = $record.video_id -eq $item.VideoId }
        }
    }
    $items
}

# The figures of one kill-and-rerun: per prompt how many videos the server made, and the files on disk.
function Measure-BatchOutcome {
    param([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)] $Rows, [Parameter(Mandatory)] $Run, [string] $Server = 'Generic')
    $videos = @(Get-Video -BaseUri $Emulator.BaseUri -ApiKey $Emulator.ApiKey -Server $Server)
    $perPrompt = @{}
    foreach ($video in $videos) { $perPrompt[$video.Prompt] = 1 + [int]$perPrompt[$video.Prompt] }
    $wholeLength = (Invoke-WebRequest -Uri "$($Emulator.BaseUri)/videos/$($videos[0].Id)/content" -Headers @{ Authorization = "Bearer $($Emulator.ApiKey)" }).RawContentLength
    $files = @(Get-ChildItem -LiteralPath $Run.Out -File -Force)
    $journal = Read-BatchJournal $Run.Journal
    $statistics = Get-EmulatorStatistics $Emulator
    [pscustomobject]@{
        Kills = $Run.Kills
        Runs = $Run.Runs
        Done = $Run.Done
        VideosPerItem = @($Rows | ForEach-Object { [int]$perPrompt[$_.Prompt] })
        VideosCreated = $videos.Count
        WholeFiles = @($files | Where-Object { $_.Extension -eq '.mp4' -and -not $_.Name.StartsWith('.') -and $_.Length -eq $wholeLength }).Count
        OtherFiles = @($files | Where-Object { $_.Extension -ne '.mp4' -or $_.Name.StartsWith('.') -or $_.Length -ne $wholeLength }).Count
        JournalDone = @($Rows | Where-Object { $journal[$_.Name].Done -and $journal[$_.Name].Files['video'] }).Count
        JournalCreatesPerItem = @($Rows | ForEach-Object { $journal[$_.Name].Keys.Count })
        IdempotentReplays = $statistics.idempotent_replays
        FaultsInjected = ($statistics.faults_injected.PSObject.Properties | ForEach-Object { '{0} {1}' -f $_.Name, $_.Value }) -join ', '
        CreateRequests = $statistics.requests_by_operation.create
        TornLines = @([IO.File]::ReadAllLines($Run.Journal) | Where-Object { try { $null = $_ | ConvertFrom-Json -ErrorAction Stop; $false } catch { $true } }).Count
    }
}

# One scenario end to end: a 40-row CSV in a new folder, killed and rerun, and its figures (with the scenario's name).
function Invoke-KillScenario {
    param(
        [Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)] [string] $Folder, [Parameter(Mandatory)] [string] $Tag,
        [Parameter(Mandatory)] [int] $Seed, [Parameter(Mandatory)] [string] $Scenario, [int] $Count = 40, [int] $Kills = 4,
        [string] $Server = 'Generic', [int] $ThrottleLimit = 8
    )
    $null = New-Item -ItemType Directory -Path $Folder -Force
    $csv = Join-Path $Folder 'prompts.csv'
    $rows = New-BatchCsv -Path $csv -Count $Count -Tag $Tag
    $run = Invoke-KilledBatch -Emulator $Emulator -Folder $Folder -Csv $csv -Kills $Kills -Seed $Seed -Server $Server -ThrottleLimit $ThrottleLimit
    Measure-BatchOutcome -Emulator $Emulator -Rows $rows -Run $run -Server $Server | Select-Object @{ n = 'Scenario'; e = { $Scenario } }, *
}

# Rewrites the generated section of docs/reliability.md (between <!-- batch-kill:begin --> and <!-- batch-kill:end -->).
function Write-BatchReliabilitySection {
    param([Parameter(Mandatory)] [object[]] $Figures, [Parameter(Mandatory)] [string] $DocPath, $StopMilliseconds)
    $lines = [Collections.Generic.List[string]]::new()
    $lines.Add("Measured $([DateTime]::UtcNow.ToString('yyyy-MM-dd HH:mm')) UTC on $([Environment]::ProcessorCount) cores, PowerShell $($PSVersionTable.PSVersion), emulator jobs of 0.5 s, ``-ThrottleLimit 8`` (Azure: the profile's 2).")
    $lines.Add('')
    $lines.Add('| Scenario | Items | Hard kills | Runs (kills + reruns) | Videos per item | Videos created | Create requests | Idempotent replays | Whole files | Other files | Journal done | Create attempts per item (journal) | Torn journal lines | Faults injected |')
    $lines.Add('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|')
    foreach ($f in $Figures) {
        $perItem = $f.VideosPerItem | Measure-Object -Minimum -Maximum
        $attempts = $f.JournalCreatesPerItem | Measure-Object -Minimum -Maximum
        $lines.Add("| $($f.Scenario) | $($f.VideosPerItem.Count) | $($f.Kills) | $($f.Runs) | $($perItem.Minimum)–$($perItem.Maximum) | $($f.VideosCreated) | $($f.CreateRequests) | $($f.IdempotentReplays) | $($f.WholeFiles) | $($f.OtherFiles) | $($f.JournalDone) | $($attempts.Minimum)–$($attempts.Maximum) | $($f.TornLines) | $(if ($f.FaultsInjected) { $f.FaultsInjected } else { 'none' }) |")
    }
    if ($null -ne $StopMilliseconds) {
        $lines.Add('')
        $lines.Add("Stopped as by Ctrl+C (``PowerShell.Stop()``, i.e. StopProcessing) with 4 jobs in flight: the pipeline ended $StopMilliseconds ms later, every journal line whole, and the rerun finished the 12 items with 12 videos.")
    }
    $text = [IO.File]::ReadAllText($DocPath)
    $begin = '<!-- batch-kill:begin -->'
    $end = '<!-- batch-kill:end -->'
    $start = $text.IndexOf($begin)
    $stop = $text.IndexOf($end)
    if ($start -lt 0 -or $stop -lt $start) { throw "$DocPath has no $begin ... $end section." }
    $text = $text.Substring(0, $start + $begin.Length) + "`n" + ($lines -join "`n") + "`n" + $text.Substring($stop)
    [IO.File]::WriteAllText($DocPath, $text)
}
