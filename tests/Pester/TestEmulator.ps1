<#
    Shared set-up for the Pester files (dot-source it in BeforeAll): imports the laid-out module and starts the built
    emulator on a free loopback port. Expects out/OpenAIVideos/<version>/OpenAIVideos.psd1 and
    out/emulator/OpenAIVideos.Emulator.dll (pwsh ./build.ps1 -Task Build makes both).
#>

$script:RepositoryRoot = (Resolve-Path "$PSScriptRoot/../..").Path

# The smallest file the engine recognises as MP4 (an ftyp box): enough for the emulator's uploads.
$script:Mp4StubBytes = [byte[]](
    0x00, 0x00, 0x00, 0x18, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6F, 0x6D, 0x00, 0x00, 0x02, 0x00,
    0x69, 0x73, 0x6F, 0x6D, 0x6D, 0x70, 0x34, 0x31)

function Import-BuiltModule {
    $manifest = Get-ChildItem -Path "$script:RepositoryRoot/out/OpenAIVideos" -Filter 'OpenAIVideos.psd1' -Recurse -ErrorAction Stop |
        Sort-Object FullName -Descending | Select-Object -First 1
    if (-not $manifest) { throw "No built module under $script:RepositoryRoot/out/OpenAIVideos; run the build first." }
    Import-Module $manifest.FullName -Force -ErrorAction Stop
}

function Start-TestEmulator {
    param(
        [Parameter(Mandatory)] [string] $LogFolder,
        [string] $ApiKey = 'pester-key',
        [double] $JobSeconds = 1,
        [string] $Flavor = 'openai',
        # As a self-hosted server started without a key: no key needed.
        [switch] $NoAuth
    )

    $emulatorDll = Join-Path $script:RepositoryRoot 'out/emulator/OpenAIVideos.Emulator.dll'
    if (-not (Test-Path $emulatorDll)) { throw "No emulator at $emulatorDll; run the build first." }

    # A free port: let the OS pick one, then release it for the emulator.
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    $port = ([System.Net.IPEndPoint]$listener.LocalEndpoint).Port
    $listener.Stop()

    # Each flavor serves the API under its server's own root: Azure /openai/v1, Gemini /v1beta/openai, OpenRouter /api/v1.
    $apiRoot = switch ($Flavor) { 'azure' { 'openai/v1' } 'gemini' { 'v1beta/openai' } 'openrouter' { 'api/v1' } default { 'v1' } }
    $baseUri = "http://127.0.0.1:$port/$apiRoot"
    $arguments = @($emulatorDll, '--urls', "http://127.0.0.1:$port", '--api-key', $ApiKey, '--job-seconds', $JobSeconds, '--flavor', $Flavor)
    if ($NoAuth) { $arguments += '--no-auth' }
    $process = Start-Process -FilePath 'dotnet' -PassThru -NoNewWindow `
        -RedirectStandardOutput (Join-Path $LogFolder 'emulator.out.txt') -RedirectStandardError (Join-Path $LogFolder 'emulator.err.txt') `
        -ArgumentList $arguments

    # Poll until it answers (or dies): readiness is observed, not assumed after a fixed sleep.
    $deadline = [DateTime]::UtcNow.AddSeconds(30)
    while ([DateTime]::UtcNow -lt $deadline) {
        try {
            # The admin route exists under every flavor (Gemini and OpenRouter have no list route to probe).
            $null = Invoke-RestMethod -Uri "http://127.0.0.1:$port/_emulator/stats" -Headers @{ Authorization = "Bearer $ApiKey" } -TimeoutSec 2
            # Gemini and OpenRouter also run a storage origin for result URLs; the server prints it before it answers.
            $storage = Select-String -Path (Join-Path $LogFolder 'emulator.out.txt') -Pattern 'Storage origin .*: (\S+)$' |
                Select-Object -First 1 | ForEach-Object { $_.Matches[0].Groups[1].Value }
            return [pscustomobject]@{ Process = $process; BaseUri = $baseUri; ApiKey = $ApiKey; StorageUri = $storage }
        }
        catch {
            if ($process.HasExited) { throw "The emulator exited with code $($process.ExitCode)." }
            Start-Sleep -Milliseconds 200
        }
    }

    Stop-Process -Id $process.Id -Force -ErrorAction SilentlyContinue
    throw "The emulator did not answer on $baseUri within 30 s."
}

function Stop-TestEmulator {
    param($Emulator)
    if ($Emulator -and -not $Emulator.Process.HasExited) {
        Stop-Process -Id $Emulator.Process.Id -Force
        $Emulator.Process.WaitForExit(5000) | Out-Null
    }
}
