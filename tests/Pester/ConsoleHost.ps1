<#
    Invoke-InConsole: runs a script in a real console host of a fixed size and returns the screen as the user saw it.
    The host is pwsh in a detached tmux window of WIDTH x 200 on a private tmux server (-L, so nobody else's sessions
    are touched); its RawUI reports that width, so the formatter lays tables out as it does in a terminal. The script's
    last act is to capture its own pane (whole scrollback, lines as displayed, wrapped lines split); the caller blocks on
    a tmux wait-for channel the window signals when done. Out-String -Width is not the same thing: it is not a console.
#>

. (Join-Path $PSScriptRoot '../../build/PowerShellCommand.ps1')

function Invoke-InConsole {
    param(
        [Parameter(Mandatory)] [int] $Width,
        [Parameter(Mandatory)] [string] $Script,
        [hashtable] $Environment = @{},
        [int] $TimeoutSec = 120
    )

    if (-not (Get-Command tmux -CommandType Application -ErrorAction SilentlyContinue)) {
        throw 'These tests need tmux for a console of a fixed size (apt-get install tmux).'
    }
    $id = [Guid]::NewGuid().ToString('N').Substring(0, 12)
    $folder = Join-Path ([System.IO.Path]::GetTempPath()) "console-$id"
    $null = New-Item -ItemType Directory -Path $folder
    $screen = Join-Path $folder 'screen.txt'
    $file = Join-Path $folder 'script.ps1'
    $assignments = foreach ($name in $Environment.Keys) { "`$env:$name = '$($Environment[$name] -replace "'", "''")'" }
    # Everything the script prints stays on screen; the capture is what a user would have seen.
    Set-Content -LiteralPath $file -Encoding utf8 -Value @"
$($assignments -join "`n")
try {
$Script
}
finally {
    & tmux -L $id capture-pane -p -S - -E - -t `$env:TMUX_PANE | Set-Content -LiteralPath '$screen' -Encoding utf8
    & tmux -L $id wait-for -S done
}
"@
    $command = Get-PowerShellCommand
    $shell = (@($command | ForEach-Object { "'$_'" }) + @('-NoProfile', '-File', "'$file'")) -join ' '
    try {
        & tmux -L $id new-session -d -s views -x $Width -y 200 "cd '$folder'; $shell"
        if ($LASTEXITCODE -ne 0) { throw "tmux could not start a $Width-column console." }
        # Returns when the window signals (tmux keeps a signal sent before anyone waits), or when the server is gone.
        $wait = Start-Process -FilePath tmux -ArgumentList '-L', $id, 'wait-for', 'done' -PassThru
        if (-not $wait.WaitForExit($TimeoutSec * 1000)) { throw "The console script did not finish within $TimeoutSec s." }
        if (-not (Test-Path -LiteralPath $screen)) { throw 'The console script captured no screen.' }
        $lines = @(Get-Content -LiteralPath $screen)
        # The screen's blank tail is the unused part of the window.
        $last = $lines.Count - 1
        while ($last -ge 0 -and -not $lines[$last].Trim()) { $last-- }
        , @($lines | Select-Object -First ($last + 1))
    }
    finally {
        & tmux -L $id kill-server 2>$null
        Remove-Item -LiteralPath $folder -Recurse -Force -ErrorAction SilentlyContinue
    }
}
