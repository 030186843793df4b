<#
.SYNOPSIS
    The PowerShell side of the shell benchmarks: one long-lived pwsh that runs what the harness asks, one contender at
    a time, and answers with what it measured.

.DESCRIPTION
    Started by tests/OpenAIVideos.Benchmarks (ShellWorker.cs) with the pinned pwsh. It imports the laid-out module,
    connects it to the emulator (Connect-OpenAIVideo, as a user would), and then reads one JSON command per line on
    stdin and writes one answer line starting with '@@' on stdout. The harness decides rounds, order and seeding; this
    script only times each contender with a Stopwatch around exactly the pipeline a user would type, and reads this
    process's allocations, CPU time and kernel peak resident set around it.

    Every contender runs with $ProgressPreference = 'SilentlyContinue' (the same for ours, Invoke-RestMethod and
    Invoke-WebRequest): stdout is a pipe here, not a console that could draw bars.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $Manifest,
    [Parameter(Mandatory)] [string] $BaseUri,
    [Parameter(Mandatory)] [string] $ApiKey
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'

Import-Module $Manifest
$null = Connect-OpenAIVideo -BaseUri $BaseUri -ApiKey $ApiKey
$BaseUri = $BaseUri.TrimEnd('/')
# What Invoke-RestMethod users send: the bearer key, and JSON wanted.
$Headers = @{ Authorization = "Bearer $ApiKey"; Accept = 'application/json' }
$Self = [System.Diagnostics.Process]::GetCurrentProcess()
# The round-trip floor: one HttpClient, the body read as a string, nothing parsed or bound.
$Http = [System.Net.Http.HttpClient]::new()
$Http.DefaultRequestHeaders.Authorization = [System.Net.Http.Headers.AuthenticationHeaderValue]::new('Bearer', $ApiKey)

function Get-KernelPeak {
    # VmHWM: the kernel's own high-water mark of this process's resident set, in bytes.
    foreach ($line in [System.IO.File]::ReadLines('/proc/self/status')) {
        if ($line.StartsWith('VmHWM:')) { return [long]($line -split '\s+')[1] * 1024 }
    }
    return [long]0
}

function Reset-KernelPeak {
    # Collect first so garbage left by an earlier contender is not counted, then reset VmHWM (Linux 4.0+).
    [GC]::Collect(); [GC]::WaitForPendingFinalizers(); [GC]::Collect()
    try { [System.IO.File]::WriteAllText('/proc/self/clear_refs', '5') } catch { }
}

function Measure-Contender {
    # Times one contender; reports wall ms, bytes allocated (all threads), CPU ms and peak RSS above the start.
    param([scriptblock] $Work, [bool] $Memory)

    if ($Memory) { Reset-KernelPeak }
    $Self.Refresh()
    $workingSet = [Environment]::WorkingSet
    $cpu = $Self.TotalProcessorTime
    $allocated = [GC]::GetTotalAllocatedBytes($true)
    $stopwatch = [System.Diagnostics.Stopwatch]::StartNew()
    $startTimestamp = [System.Diagnostics.Stopwatch]::GetTimestamp()
    $count = & $Work
    $ms = $stopwatch.Elapsed.TotalMilliseconds
    $allocated = [GC]::GetTotalAllocatedBytes($true) - $allocated
    $Self.Refresh()
    @{
        ms             = $ms
        allocated      = $allocated
        cpuMs          = ($Self.TotalProcessorTime - $cpu).TotalMilliseconds
        peakGrowth     = if ($Memory) { (Get-KernelPeak) - $workingSet } else { 0 }
        count          = [long]$count
        startTimestamp = $startTimestamp
    }
}

function Sync-File {
    # fsync(2) of one file: FileStream.Flush($true) flushes the OS buffers to the disk, as Save-VideoContent does before
    # its rename. Used to give Invoke-WebRequest and curl the same durability as ours for the like-for-like comparison.
    param([string] $Path)
    $stream = [System.IO.FileStream]::new($Path, [System.IO.FileMode]::Open, [System.IO.FileAccess]::Write)
    try { $stream.Flush($true) } finally { $stream.Dispose() }
}

function Get-VideoPage {
    # What a script writes without the module: follow after/has_more, emitting each video into the pipeline.
    param([int] $Limit = 100)
    $after = $null
    do {
        $uri = "$BaseUri/videos?limit=$Limit"
        if ($after) { $uri += "&after=$after" }
        $page = Invoke-RestMethod -Uri $uri -Headers $Headers
        $page.data
        $after = $page.last_id
    } while ($page.has_more)
}

# One script block per contender; each gets the command and returns how many items it handled.
$Contenders = @{
    'ours-retrieve'  = { param($c) $id = $c.id; foreach ($i in 1..$c.n) { $null = Get-Video -VideoId $id }; $c.n }
    'irm-retrieve'   = { param($c) $uri = "$BaseUri/videos/$($c.id)"; foreach ($i in 1..$c.n) { $null = Invoke-RestMethod -Uri $uri -Headers $Headers }; $c.n }
    # The floor: a compiled cmdlet that does no I/O, to show what a cmdlet call itself costs in this process.
    'floor-retrieve' = { param($c) foreach ($i in 1..$c.n) { $null = Get-Date }; $c.n }
    # Our cmdlet with no request: -First 0 binds, resolves the connection, creates the client and ends before any I/O.
    'bare-retrieve'  = { param($c) foreach ($i in 1..$c.n) { $null = Get-Video -First 0 }; $c.n }
    # The HTTP floor from the same pwsh: what the round trip to the emulator itself costs at this moment's load.
    'http-retrieve'  = { param($c) $uri = "$BaseUri/videos/$($c.id)"; foreach ($i in 1..$c.n) { $null = $Http.GetStringAsync($uri).GetAwaiter().GetResult() }; $c.n }
    # The same with a cmdlet call between requests, as between two Get-Video calls: the threads that carry the answer
    # go idle meanwhile, and waking them is part of every single-call invocation.
    'gap-retrieve'   = { param($c) $uri = "$BaseUri/videos/$($c.id)"; foreach ($i in 1..$c.n) { $null = Get-Date; $null = $Http.GetStringAsync($uri).GetAwaiter().GetResult() }; $c.n }

    'ours-list'      = { param($c) if ($c.n -gt 0) { (Get-Video -First $c.n | Measure-Object).Count } else { (Get-Video | Measure-Object).Count } }
    'irm-list'       = { param($c) if ($c.n -gt 0) { (Get-VideoPage | Select-Object -First $c.n | Measure-Object).Count } else { (Get-VideoPage | Measure-Object).Count } }

    'ours-remove'    = { param($c) Get-Video | Where-Object Status -eq failed | Remove-Video -Confirm:$false; 0 }
    'irm-remove'     = { param($c) Get-VideoPage | Where-Object Status -eq failed | ForEach-Object { $null = Invoke-RestMethod -Method Delete -Uri "$BaseUri/videos/$($_.id)" -Headers $Headers }; 0 }

    'ours-download'  = { param($c) Save-VideoContent -VideoId $c.id -Path $c.path -Force; (Get-Item -LiteralPath $c.path).Length }
    'iwr-download'   = { param($c) Invoke-WebRequest -Uri "$BaseUri/videos/$($c.id)/content?variant=video" -Headers $Headers -OutFile $c.path; (Get-Item -LiteralPath $c.path).Length }
    'curl-download'  = {
        param($c)
        & $c.curl -sS -f -o $c.path -H "Authorization: Bearer $ApiKey" "$BaseUri/videos/$($c.id)/content?variant=video"
        if ($LASTEXITCODE -ne 0) { throw "curl exited with $LASTEXITCODE" }
        (Get-Item -LiteralPath $c.path).Length
    }
    # The same two, then an fsync of the written file: as durable as ours (which also renames and fsyncs the folder).
    'iwr-download-fsync'  = { param($c) $n = & $Contenders['iwr-download'] $c; Sync-File $c.path; $n }
    'curl-download-fsync' = { param($c) $n = & $Contenders['curl-download'] $c; Sync-File $c.path; $n }

    'ours-wait'      = { param($c) @($c.ids | Wait-Video | Where-Object Status -eq completed).Count }
    'irm-wait'       = {
        # One sweep over the unfinished jobs, then sleep out the rest of the interval (no sooner than the server asks).
        param($c)
        $pending = [System.Collections.Generic.List[string]]::new([string[]]$c.ids)
        $completed = 0
        while ($pending.Count -gt 0) {
            $sweep = [System.Diagnostics.Stopwatch]::StartNew()
            $still = [System.Collections.Generic.List[string]]::new()
            foreach ($id in $pending) {
                $video = Invoke-RestMethod -Uri "$BaseUri/videos/$id" -Headers $Headers
                if ($video.status -eq 'completed') { $completed++ } elseif ($video.status -ne 'failed') { $still.Add($id) }
            }
            $pending = $still
            $left = $c.intervalMs - $sweep.ElapsedMilliseconds
            if ($pending.Count -gt 0 -and $left -gt 0) { Start-Sleep -Milliseconds $left }
        }
        $completed
    }
}

[Console]::Out.WriteLine('@@' + (@{ ready = $true; pid = $PID; version = "$($PSVersionTable.PSVersion)" } | ConvertTo-Json -Compress))
[Console]::Out.Flush()
while ($null -ne ($line = [Console]::In.ReadLine())) {
    if ($line.Trim().Length -eq 0) { continue }
    $command = $line | ConvertFrom-Json
    try {
        $contender = $Contenders[$command.op]
        if ($null -eq $contender) { throw "Unknown contender '$($command.op)'." }
        $answer = Measure-Contender -Work { & $contender $command } -Memory ($null -ne $command.PSObject.Properties['memory'] -and [bool]$command.memory)
    }
    catch {
        $answer = @{ error = "$($command.op): $($_.Exception.Message)" }
    }
    [Console]::Out.WriteLine('@@' + ($answer | ConvertTo-Json -Compress))
    [Console]::Out.Flush()
}
