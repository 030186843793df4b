#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
<#
    Every PowerShell example users can copy (docs/en-US/*.md: the help and the about topic; README.md) either runs as
    written against the emulator or says what it needs, and parses either way; a run that writes an error it does not declare fails. The line before each example's fence
    (blank lines aside) says which:

      <!-- runnable -->                          run against the emulator (the openai flavor)
      <!-- runnable flavor=NAME no-auth -->      run against an emulator of that flavor, started with --no-auth
      <!-- runnable errors=Id1,Id2 -->           run; it shows errors with these ids on purpose (and no others)
      <!-- needs: WHAT -->                       not run (a real server, a key typed at a prompt, a file): parsed only

    Two things differ from a user's session, and only these: `Connect-OpenAIVideo -Emulator` connects to the test's
    emulator (its address and key) rather than to 127.0.0.1:5080, through $PSDefaultParameterValues, which an explicit
    -BaseUri or -ApiKey overrides; and in an example of a flavor,
    each `-BaseUri <url>` names that flavor's emulator instead of the example's host (http://gpu-box:8000/v1).
    Expects the build layout (out/OpenAIVideos/<version>/OpenAIVideos.psd1, out/emulator). Each example runs in its own
    empty folder holding clip.mp4, with the session connected to the emulator and at least one completed video on it;
    the connection and the OPENAI_*/AZURE_OPENAI_* environment variables are restored afterwards.
#>

BeforeDiscovery {
    $root = Join-Path $PSScriptRoot '../..'
    $files = @(Get-ChildItem -Path (Join-Path $root 'docs/en-US') -Filter '*.md') + @(Get-Item -LiteralPath (Join-Path $root 'README.md'))
    $script:Examples = foreach ($file in $files) {
        $lines = Get-Content -LiteralPath $file.FullName
        $heading = $null
        $marker = $null
        for ($i = 0; $i -lt $lines.Count; $i++) {
            $line = $lines[$i].Trim()
            if ($line -match '^#{2,3} (.+)$') { $heading = $Matches[1] }
            if ($line -notmatch '^```(powershell|pwsh|ps1)$') {
                if ($line -match '^```') {
                    # Another language's fence (sh, Output, yaml): skip to its end.
                    for ($i++; $i -lt $lines.Count -and $lines[$i].Trim() -ne '```'; $i++) { }
                }
                if ($line) { $marker = $line }
                continue
            }
            $code = [System.Collections.Generic.List[string]]::new()
            for ($k = $i + 1; $k -lt $lines.Count -and $lines[$k].Trim() -ne '```'; $k++) { $code.Add($lines[$k]) }
            $kind = 'Unmarked'; $flavor = 'openai'; $needs = $null; $errors = @()
            if ($marker -match '^<!-- runnable(?<options>[^>]*)-->$') {
                $kind = 'Runnable'
                $options = $Matches.options
                if ($options -match 'flavor=(?<flavor>[\w-]+)') { $flavor = $Matches.flavor }
                if ($options -match 'errors=(?<errors>[\w,]+)') { $errors = @($Matches.errors -split ',') }
            }
            elseif ($marker -match '^<!-- needs: (?<needs>.+) -->$') { $kind = 'Needs'; $needs = $Matches.needs }
            @{ File = $file.Name; Line = $i + 1; Title = "$heading (line $($i + 1))"; Code = ($code -join [Environment]::NewLine)
                Kind = $kind; Flavor = $flavor; Needs = $needs; Errors = $errors }
            $i = $k
            $marker = $null
        }
    }
    $script:Runnable = @($script:Examples | Where-Object Kind -eq 'Runnable')
}

BeforeAll {
    . "$PSScriptRoot/TestEmulator.ps1"
    Import-BuiltModule
    $script:Emulators = @{ openai = Start-TestEmulator -LogFolder (New-Item -ItemType Directory -Path (Join-Path $TestDrive 'openai')).FullName }
    $script:BaseUri = $script:Emulators.openai.BaseUri
    function script:Connect-Emulator { Connect-OpenAIVideo -Emulator -BaseUri $script:BaseUri -ApiKey 'pester-key' }
    Connect-Emulator

    # An example of a flavor gets an emulator of its own, started on first use.
    function script:Get-FlavorEmulator([string] $Flavor) {
        if (-not $script:Emulators.ContainsKey($Flavor)) {
            $log = (New-Item -ItemType Directory -Path (Join-Path $TestDrive $Flavor)).FullName
            $script:Emulators[$Flavor] = Start-TestEmulator -LogFolder $log -Flavor $Flavor -NoAuth
        }
        $script:Emulators[$Flavor]
    }

    # Examples pipe 'Get-Video -Status completed -First 1' into remix, extension, edit and download.
    $null = New-Video 'a lighthouse at dusk' -Wait -TimeoutSec 60

    # `Import-Module OpenAIVideos` (by name) finds the laid-out module.
    $script:SavedModulePath = $env:PSModulePath
    $env:PSModulePath = (Join-Path $script:RepositoryRoot 'out') + [IO.Path]::PathSeparator + $env:PSModulePath

    $script:EnvironmentNames = 'OPENAI_API_KEY', 'OPENAI_BASE_URL', 'OPENAI_ORG_ID', 'OPENAI_PROJECT_ID',
        'AZURE_OPENAI_API_KEY', 'AZURE_OPENAI_ENDPOINT'
}

AfterAll {
    $env:PSModulePath = $script:SavedModulePath
    Disconnect-OpenAIVideo -ErrorAction SilentlyContinue
    foreach ($emulator in $script:Emulators.Values) { Stop-TestEmulator $emulator }
    Remove-Module OpenAIVideos -Force -ErrorAction SilentlyContinue
}

Describe 'Examples in the help, the about topic and README' {
    It 'finds examples to run in the help, the about topic and README' -ForEach @{
        Files = @($script:Runnable | ForEach-Object { $_.File } | Sort-Object -Unique)
    } {
        $Files | Should -Contain 'README.md'
        $Files | Should -Contain 'about_OpenAIVideos.md'
        $Files | Should -Contain 'New-Video.md'
    }

    It '<File>: <Title> says whether it runs' -ForEach @($script:Examples | Where-Object Kind -eq 'Unmarked') {
        "$File line $Line" | Should -BeNullOrEmpty -Because 'each example is <!-- runnable --> or says what it <!-- needs: ... -->'
    }

    It '<File>: <Title> parses' -ForEach $script:Examples {
        $tokens = $null; $errors = $null
        $null = [System.Management.Automation.Language.Parser]::ParseInput($Code, [ref]$tokens, [ref]$errors)
        @($errors | ForEach-Object { "$($_.Extent.StartLineNumber): $($_.Message)" }) | Should -BeNullOrEmpty
    }

    It '<File>: <Title> runs (<Flavor>)' -ForEach $script:Runnable {
        $folder = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
        $null = New-Item -ItemType Directory -Path $folder
        [System.IO.File]::WriteAllBytes((Join-Path $folder 'clip.mp4'), $script:Mp4StubBytes)
        $savedEnvironment = @{}
        foreach ($name in $script:EnvironmentNames) { $savedEnvironment[$name] = [Environment]::GetEnvironmentVariable($name) }

        $text = $Code
        if ($Flavor -ne 'openai') {
            $emulator = Get-FlavorEmulator $Flavor
            $text = [regex]::Replace($text, '(-BaseUri\s+)\S+', { param($m) $m.Groups[1].Value + $emulator.BaseUri })
        }
        # As in a user's session (the suite runs with Stop): an error an example shows on purpose does not end it.
        $ErrorActionPreference = 'Continue'
        $PSDefaultParameterValues['Connect-OpenAIVideo:BaseUri'] = $script:BaseUri
        $PSDefaultParameterValues['Connect-OpenAIVideo:ApiKey'] = 'pester-key'
        Push-Location $folder
        try {
            $example = [scriptblock]::Create($text)
            $written = [System.Collections.Generic.List[object]]::new()
            { & $example 2>&1 | ForEach-Object { if ($_ -is [System.Management.Automation.ErrorRecord]) { $written.Add($_) } } } | Should -Not -Throw
            # An example may show an error on purpose, naming its id in its marker (errors=VideoFailed); no other.
            $unexpected = @($written | Where-Object { $Errors -notcontains $_.FullyQualifiedErrorId.Split(',')[0] } |
                    ForEach-Object { "$($_.FullyQualifiedErrorId): $($_.Exception.Message)" })
            $unexpected | Should -BeNullOrEmpty
        }
        finally {
            Pop-Location
            $PSDefaultParameterValues.Remove('Connect-OpenAIVideo:BaseUri')
            $PSDefaultParameterValues.Remove('Connect-OpenAIVideo:ApiKey')
            foreach ($name in $script:EnvironmentNames) { [Environment]::SetEnvironmentVariable($name, $savedEnvironment[$name]) }
            Connect-Emulator
        }
    }
}
