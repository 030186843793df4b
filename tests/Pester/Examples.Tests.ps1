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
    . "$PSScriptRoot/TestEmulator.ps1"
    Import-BuiltModule
    $script:Emulator = Start-TestEmulator -LogFolder $TestDrive
    $script:BaseUri = $script:Emulator.BaseUri
    function script:Connect-Emulator { Connect-OpenAIVideo -Emulator -BaseUri $script:BaseUri -ApiKey 'pester-key' }
    Connect-Emulator

    # Examples pipe 'Get-Video -Status completed -First 1' into remix, extension, edit and download.
    $null = New-Video 'a lighthouse at dusk' -Wait -TimeoutSec 60

    $script:EnvironmentNames = 'OPENAI_API_KEY', 'OPENAI_BASE_URL', 'OPENAI_ORG_ID', 'OPENAI_PROJECT_ID',
        'AZURE_OPENAI_API_KEY', 'AZURE_OPENAI_ENDPOINT'
}

AfterAll {
    Disconnect-OpenAIVideo -ErrorAction SilentlyContinue
    Stop-TestEmulator $script:Emulator
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
        [System.IO.File]::WriteAllBytes((Join-Path $folder 'clip.mp4'), $script:Mp4StubBytes)
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
