#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
<#
    Runs every help example marked <!-- runnable --> in docs/en-US/*.md against the emulator and asserts it does not
    throw, so the examples users copy keep working.
    Expects the same build layout as OpenAIVideos.Tests.ps1: out/OpenAIVideos/<version>/OpenAIVideos.psd1 and
    out/emulator/OpenAIVideos.Emulator.dll.
    Each example runs in its own empty folder holding clip.mp4 (a minimal MP4 for the upload examples), with the session
    connected to the emulator and at least one completed video on it; the connection and the OPENAI_*/AZURE_OPENAI_*
    environment variables are restored afterwards, since some examples change them.
#>

BeforeDiscovery {
    $helpFolder = Join-Path $PSScriptRoot '../../docs/en-US'
    $script:Examples = foreach ($file in Get-ChildItem -Path $helpFolder -Filter '*.md') {
        $lines = Get-Content -LiteralPath $file.FullName
        $heading = $null
        for ($i = 0; $i -lt $lines.Count; $i++) {
            if ($lines[$i] -match '^### (.+)$') { $heading = $Matches[1] }
            if ($lines[$i].Trim() -ne '<!-- runnable -->') { continue }

            # The marker is followed (blank lines aside) by the example's fenced PowerShell code.
            $j = $i + 1
            while ($j -lt $lines.Count -and $lines[$j].Trim() -eq '') { $j++ }
            if ($j -ge $lines.Count -or $lines[$j].Trim() -notmatch '^```(powershell|pwsh|ps1)?$') {
                throw "$($file.Name): '<!-- runnable -->' under '$heading' is not followed by a powershell code fence."
            }
            $code = [System.Collections.Generic.List[string]]::new()
            for ($k = $j + 1; $k -lt $lines.Count -and $lines[$k].Trim() -ne '```'; $k++) { $code.Add($lines[$k]) }
            @{ File = $file.Name; Title = $heading; Code = ($code -join [Environment]::NewLine) }
            $i = $k
        }
    }
}

BeforeAll {
    $repo = (Resolve-Path "$PSScriptRoot/../..").Path
    $manifest = Get-ChildItem -Path "$repo/out/OpenAIVideos" -Filter 'OpenAIVideos.psd1' -Recurse -ErrorAction Stop |
        Sort-Object FullName -Descending | Select-Object -First 1
    if (-not $manifest) { throw "No built module under $repo/out/OpenAIVideos; run the build first." }
    $emulatorDll = Join-Path $repo 'out/emulator/OpenAIVideos.Emulator.dll'
    if (-not (Test-Path $emulatorDll)) { throw "No emulator at $emulatorDll; run the build first." }

    # A free port: let the OS pick one, then release it for the emulator.
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    $port = ([System.Net.IPEndPoint]$listener.LocalEndpoint).Port
    $listener.Stop()

    $script:BaseUri = "http://127.0.0.1:$port/v1"
    $script:Emulator = Start-Process -FilePath 'dotnet' -PassThru -NoNewWindow `
        -RedirectStandardOutput (Join-Path $TestDrive 'emulator.out.txt') -RedirectStandardError (Join-Path $TestDrive 'emulator.err.txt') `
        -ArgumentList @($emulatorDll, '--urls', "http://127.0.0.1:$port", '--api-key', 'pester-key', '--job-seconds', '1')

    $deadline = [DateTime]::UtcNow.AddSeconds(30)
    $ready = $false
    while (-not $ready -and [DateTime]::UtcNow -lt $deadline) {
        try {
            $null = Invoke-RestMethod -Uri "$script:BaseUri/videos?limit=1" -Headers @{ Authorization = 'Bearer pester-key' } -TimeoutSec 2
            $ready = $true
        }
        catch {
            if ($script:Emulator.HasExited) { throw "The emulator exited with code $($script:Emulator.ExitCode)." }
            Start-Sleep -Milliseconds 200
        }
    }
    if (-not $ready) { throw "The emulator did not answer on $script:BaseUri within 30 s." }

    Import-Module $manifest.FullName -Force -ErrorAction Stop
    function script:Connect-Emulator { Connect-OpenAIVideo -Emulator -BaseUri $script:BaseUri -ApiKey 'pester-key' }
    Connect-Emulator

    # The smallest file the engine recognises as MP4 (an ftyp box): enough for the emulator's uploads.
    $script:Mp4Bytes = [byte[]](
        0x00, 0x00, 0x00, 0x18, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6F, 0x6D, 0x00, 0x00, 0x02, 0x00,
        0x69, 0x73, 0x6F, 0x6D, 0x6D, 0x70, 0x34, 0x31)

    # Examples pipe 'Get-Video -Status completed -First 1' into remix, extension, edit and download.
    $null = New-Video 'a lighthouse at dusk' -Wait -TimeoutSec 60

    $script:EnvironmentNames = 'OPENAI_API_KEY', 'OPENAI_BASE_URL', 'OPENAI_ORG_ID', 'OPENAI_PROJECT_ID',
        'AZURE_OPENAI_API_KEY', 'AZURE_OPENAI_ENDPOINT'
}

AfterAll {
    Disconnect-OpenAIVideo -ErrorAction SilentlyContinue
    if ($script:Emulator -and -not $script:Emulator.HasExited) {
        Stop-Process -Id $script:Emulator.Id -Force
        $script:Emulator.WaitForExit(5000) | Out-Null
    }
    Remove-Module OpenAIVideos -Force -ErrorAction SilentlyContinue
}

Describe 'Runnable help examples' {
    # $Examples exists at discovery only, so its count is handed to the test as data.
    It 'finds runnable examples in docs/en-US' -ForEach @{ Count = @($script:Examples).Count } {
        $Count | Should -BeGreaterThan 0
    }

    It '<File>: <Title>' -ForEach $script:Examples {
        $folder = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
        $null = New-Item -ItemType Directory -Path $folder
        [System.IO.File]::WriteAllBytes((Join-Path $folder 'clip.mp4'), $script:Mp4Bytes)
        $savedEnvironment = @{}
        foreach ($name in $script:EnvironmentNames) { $savedEnvironment[$name] = [Environment]::GetEnvironmentVariable($name) }

        Push-Location $folder
        try {
            $example = [scriptblock]::Create($Code)
            { $null = & $example } | Should -Not -Throw
        }
        finally {
            Pop-Location
            foreach ($name in $script:EnvironmentNames) { [Environment]::SetEnvironmentVariable($name, $savedEnvironment[$name]) }
            Connect-Emulator
        }
    }
}
