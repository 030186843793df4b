<#
.SYNOPSIS
    Builds, tests, documents, demonstrates and packages the OpenAIVideos module.

.DESCRIPTION
    Runs on Windows PowerShell 5.1 and PowerShell 7.4+, on Windows, Linux and macOS. Needs the .NET SDK named in
    global.json on the PATH as `dotnet`.

    Build    Lays out the module in out/OpenAIVideos/<version>/ (build/OpenAIVideos.Layout.csproj) and the API
             emulator in out/emulator/ (framework-dependent: run it with `dotnet out/emulator/OpenAIVideos.Emulator.dll`).
    Test     Build, then `dotnet test Module.sln`, then the Pester 5 tests in tests/Pester against the laid-out module
             (Pester 5.5 or later is installed for the current user when missing).
    Pester   Build, then only the Pester tests (what CI runs after `dotnet test` where pwsh exists).
    Demo     Build, start the emulator on a free loopback port with a throwaway key (or, with -UseRealService, use
             the real service through OPENAI_API_KEY), import the laid-out module and make, wait for and save a video.
    Help     Build, then turn docs/en-US (PlatyPS markdown) into MAML help and about_OpenAIVideos.help.txt in the
             layout's en-US folder (Microsoft.PowerShell.PlatyPS 1.x is installed for the current user when missing).
    Package  Build and Help, then validate the laid-out folder with Test-ModuleManifest: it is then ready for
             `Publish-PSResource -Path out/OpenAIVideos/<version>`.
    Clean    Removes out/ and the build outputs of the solution and the layout project.

    Tasks run in the order Clean, Build, Test, Help, Package, Demo whatever the order given. The module is imported
    only in child processes (tests, demo), so this session never holds the built assemblies open.

.PARAMETER Task
    One or more of Build, Test, Demo, Help, Package, Clean. Default: Build.

.PARAMETER Configuration
    The .NET build configuration. Default: Release.

.PARAMETER UseRealService
    Demo only: call the OpenAI service (OPENAI_API_KEY, and OPENAI_BASE_URL when set) instead of the emulator.
    This creates a real video and costs money.

.EXAMPLE
    ./build.ps1

    Lays out out/OpenAIVideos/<version>/ and out/emulator/.

.EXAMPLE
    ./build.ps1 -Task Test -Configuration Debug

.EXAMPLE
    ./build.ps1 -Task Package

    Builds, generates help and validates the manifest; then: Publish-PSResource -Path ./out/OpenAIVideos/0.1.0

.EXAMPLE
    ./build.ps1 -Task Demo
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Pester', 'Demo', 'Help', 'Package', 'Clean')]
    [string[]] $Task = 'Build',

    [string] $Configuration = 'Release',

    [switch] $UseRealService
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

$RepositoryRoot = $PSScriptRoot
$OutRoot = Join-Path $RepositoryRoot 'out'
$LayoutProject = Join-Path $RepositoryRoot 'build/OpenAIVideos.Layout.csproj'
$EmulatorProject = Join-Path $RepositoryRoot 'src/OpenAIVideos.Emulator/OpenAIVideos.Emulator.csproj'
$Solution = Join-Path $RepositoryRoot 'Module.sln'
$EmulatorDir = Join-Path $OutRoot 'emulator'

function Get-ModuleVersion {
    # One source of truth: VersionPrefix in Directory.Build.props (the layout project stamps the manifest with it).
    $props = New-Object System.Xml.XmlDocument
    $props.Load((Join-Path $RepositoryRoot 'Directory.Build.props'))
    $node = $props.SelectSingleNode('/Project/PropertyGroup/VersionPrefix')
    if ($null -eq $node) { throw 'VersionPrefix was not found in Directory.Build.props.' }
    $node.InnerText.Trim()
}

$ModuleVersion = Get-ModuleVersion
$ModuleDir = Join-Path $OutRoot "OpenAIVideos/$ModuleVersion"
$ManifestPath = Join-Path $ModuleDir 'OpenAIVideos.psd1'

function Invoke-Dotnet {
    param([Parameter(Mandatory)] [string[]] $Arguments)

    Write-Verbose "dotnet $($Arguments -join ' ')"
    & dotnet @Arguments
    if ($LASTEXITCODE -ne 0) {
        throw "dotnet $($Arguments -join ' ') failed with exit code $LASTEXITCODE."
    }
}

function Get-PowerShellExecutable {
    # The same edition as this session, so tests and the demo run where the build was asked for.
    if ($PSVersionTable.PSEdition -eq 'Desktop') {
        return (Join-Path $PSHOME 'powershell.exe')
    }
    $name = 'pwsh'
    if ($IsWindows) { $name = 'pwsh.exe' }
    $path = Join-Path $PSHOME $name
    if (Test-Path -LiteralPath $path) { return $path }
    # A PowerShell started some other way (a dotnet tool, a custom host): whatever this process is.
    (Get-Process -Id $PID).Path
}

function Invoke-PowerShellScript {
    # Runs a script in a child PowerShell; its output goes straight to this console.
    param(
        [Parameter(Mandatory)] [string] $Path,
        [string[]] $Arguments = @()
    )

    $exe = Get-PowerShellExecutable
    # Out-Host: the child's output is for the console, not this function's return value (its exit code).
    & $exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -File $Path @Arguments | Out-Host
    $LASTEXITCODE
}

function Install-BuildDependency {
    # Makes sure a module of at least the given version is available, installing it for the current user if not.
    param(
        [Parameter(Mandatory)] [string] $Name,
        [Parameter(Mandatory)] [version] $MinimumVersion
    )

    $available = Get-Module -ListAvailable -Name $Name | Where-Object { $_.Version -ge $MinimumVersion }
    if ($available) { return }

    Write-Host "Installing $Name $MinimumVersion or later for the current user..."
    if (Get-Command -Name Install-PSResource -ErrorAction SilentlyContinue) {
        Install-PSResource -Name $Name -Version "[$MinimumVersion,)" -Scope CurrentUser -TrustRepository -Quiet
    }
    else {
        # Windows PowerShell 5.1 with PowerShellGet 1.x/2.x: the Gallery needs TLS 1.2 and the NuGet provider.
        [Net.ServicePointManager]::SecurityProtocol = [Net.ServicePointManager]::SecurityProtocol -bor [Net.SecurityProtocolType]::Tls12
        if (-not (Get-PackageProvider -ListAvailable -Name NuGet -ErrorAction SilentlyContinue |
                Where-Object { $_.Version -ge [version]'2.8.5.201' })) {
            $null = Install-PackageProvider -Name NuGet -MinimumVersion 2.8.5.201 -Scope CurrentUser -Force
        }
        $install = @{ Name = $Name; MinimumVersion = $MinimumVersion; Scope = 'CurrentUser'; Force = $true }
        $parameters = (Get-Command -Name Install-Module).Parameters
        # SkipPublisherCheck: Windows ships Pester 3.4 signed by a different certificate than Pester 5. Older
        # PowerShellGet versions lack these switches, so they are passed only where they exist.
        if ($parameters.ContainsKey('SkipPublisherCheck')) { $install['SkipPublisherCheck'] = $true }
        if ($parameters.ContainsKey('AllowClobber')) { $install['AllowClobber'] = $true }
        Install-Module @install
    }

    if (-not (Get-Module -ListAvailable -Name $Name | Where-Object { $_.Version -ge $MinimumVersion })) {
        throw "$Name $MinimumVersion or later could not be installed."
    }
}

function Get-FreeLoopbackPort {
    $listener = New-Object System.Net.Sockets.TcpListener ([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    try { ([System.Net.IPEndPoint]$listener.LocalEndpoint).Port }
    finally { $listener.Stop() }
}

function Start-Emulator {
    # Starts out/emulator on a free loopback port and waits until it answers; returns the process and its base URI.
    param([Parameter(Mandatory)] [string] $ApiKey, [Parameter(Mandatory)] [string] $LogDir)

    $dll = Join-Path $EmulatorDir 'OpenAIVideos.Emulator.dll'
    if (-not (Test-Path -LiteralPath $dll)) { throw "No emulator at $dll; run ./build.ps1 -Task Build." }

    $port = Get-FreeLoopbackPort
    $baseUri = "http://127.0.0.1:$port/v1"
    $null = New-Item -ItemType Directory -Path $LogDir -Force
    $process = Start-Process -FilePath 'dotnet' -PassThru -NoNewWindow `
        -RedirectStandardOutput (Join-Path $LogDir 'emulator.out.txt') -RedirectStandardError (Join-Path $LogDir 'emulator.err.txt') `
        -ArgumentList @("`"$dll`"", '--urls', "http://127.0.0.1:$port", '--api-key', $ApiKey)

    $deadline = [DateTime]::UtcNow.AddSeconds(30)
    while ($true) {
        try {
            $null = Invoke-RestMethod -Uri "$baseUri/videos?limit=1" -Headers @{ Authorization = "Bearer $ApiKey" } -TimeoutSec 2
            break
        }
        catch {
            if ($process.HasExited) {
                throw "The emulator exited with code $($process.ExitCode); see $LogDir."
            }
            if ([DateTime]::UtcNow -gt $deadline) {
                Stop-Process -Id $process.Id -Force -ErrorAction SilentlyContinue
                throw "The emulator did not answer on $baseUri within 30 seconds; see $LogDir."
            }
            Start-Sleep -Milliseconds 200
        }
    }

    New-Object PSObject -Property @{ Process = $process; BaseUri = $baseUri }
}

function Invoke-Clean {
    if (Test-Path -LiteralPath $OutRoot) {
        Remove-Item -LiteralPath $OutRoot -Recurse -Force
    }
    Invoke-Dotnet @('clean', $Solution, '-c', $Configuration, '--nologo', '-v', 'minimal')
    Invoke-Dotnet @('clean', $LayoutProject, '-c', $Configuration, '--nologo', '-v', 'minimal')
}

function Invoke-Build {
    Invoke-Dotnet @('build', $LayoutProject, '-c', $Configuration, '--nologo')
    Invoke-Dotnet @('publish', $EmulatorProject, '-c', $Configuration, '-o', $EmulatorDir, '--nologo')
    if (-not (Test-Path -LiteralPath $ManifestPath)) { throw "The build did not produce $ManifestPath." }
    Write-Host "Module:   $ModuleDir"
    Write-Host "Emulator: $EmulatorDir"
}

function Invoke-Test {
    Invoke-Dotnet @('test', $Solution, '-c', $Configuration, '--nologo')
    Invoke-PesterTests
}

# Not named Invoke-Pester: that would shadow Pester's own command in this script.
function Invoke-PesterTests {
    $pesterDir = Join-Path $RepositoryRoot 'tests/Pester'
    if (-not (Test-Path -LiteralPath $pesterDir)) {
        Write-Warning "No Pester tests at $pesterDir; only the .NET tests ran."
        return
    }

    Install-BuildDependency -Name Pester -MinimumVersion 5.5.0
    $results = Join-Path $OutRoot 'TestResults/pester.xml'
    $failed = Invoke-PowerShellScript -Path (Join-Path $RepositoryRoot 'build/Invoke-PesterTests.ps1') -Arguments @('-Path', $pesterDir, '-ResultPath', $results)
    if ($failed -ne 0) { throw "Pester: $failed test(s) failed (results in $results)." }
}

function Invoke-Help {
    $docs = Join-Path $RepositoryRoot 'docs/en-US'
    if (-not (Test-Path -LiteralPath $docs)) {
        throw "No help sources: $docs does not exist. Write the PlatyPS markdown (one file per cmdlet and about_OpenAIVideos.md) there first."
    }

    Install-BuildDependency -Name Microsoft.PowerShell.PlatyPS -MinimumVersion 1.0.0
    Import-Module Microsoft.PowerShell.PlatyPS -MinimumVersion 1.0.0 -ErrorAction Stop

    $markdown = @(Measure-PlatyPSMarkdown -Path (Join-Path $docs '*.md'))
    $commandHelp = @($markdown | Where-Object { "$($_.FileType)" -match 'CommandHelp' })
    if ($commandHelp.Count -eq 0) {
        throw "No command help in ${docs}: Measure-PlatyPSMarkdown found no CommandHelp files among $($markdown.Count) markdown file(s)."
    }

    $enUS = Join-Path $ModuleDir 'en-US'
    $staging = Join-Path $OutRoot 'help-staging'
    if (Test-Path -LiteralPath $staging) { Remove-Item -LiteralPath $staging -Recurse -Force }
    $null = New-Item -ItemType Directory -Path $staging, $enUS -Force

    $commandHelp | Import-MarkdownCommandHelp -Path { $_.FilePath } | Export-MamlCommandHelp -OutputFolder $staging -Force | Out-Null
    $maml = @(Get-ChildItem -LiteralPath $staging -Recurse -File | Where-Object { $_.Name -like '*-help.xml' })
    if ($maml.Count -ne 1) {
        throw "Export-MamlCommandHelp produced $($maml.Count) MAML files in $staging; expected one."
    }
    # Get-Help looks for a binary module's cmdlet help under the assembly's file name.
    Copy-Item -LiteralPath $maml[0].FullName -Destination (Join-Path $enUS 'OpenAIVideos.dll-help.xml') -Force
    Remove-Item -LiteralPath $staging -Recurse -Force

    $about = Join-Path $docs 'about_OpenAIVideos.md'
    if (Test-Path -LiteralPath $about) {
        Copy-Item -LiteralPath $about -Destination (Join-Path $enUS 'about_OpenAIVideos.help.txt') -Force
    }
    else {
        Write-Warning "No $about; Get-Help about_OpenAIVideos will find nothing."
    }

    Write-Host "Help:     $enUS ($($commandHelp.Count) commands)"
}

function Invoke-Package {
    $manifest = Test-ModuleManifest -Path $ManifestPath -ErrorAction Stop
    if ("$($manifest.Version)" -ne $ModuleVersion) {
        throw "The laid-out manifest says $($manifest.Version), the build $ModuleVersion."
    }
    if (-not (Test-Path -LiteralPath (Join-Path $ModuleDir 'en-US/OpenAIVideos.dll-help.xml'))) {
        throw 'The laid-out module has no help (en-US/OpenAIVideos.dll-help.xml).'
    }
    Write-Host "Ready to publish: Publish-PSResource -Path '$ModuleDir' -Repository PSGallery -ApiKey <key>"
}

function Invoke-Demo {
    $demoDir = Join-Path $OutRoot 'demo'
    $null = New-Item -ItemType Directory -Path $demoDir -Force
    $demoScript = Join-Path $RepositoryRoot 'build/Invoke-Demo.ps1'

    if ($UseRealService) {
        if (-not $env:OPENAI_API_KEY) { throw '-UseRealService needs OPENAI_API_KEY.' }
        Write-Warning 'The demo will create a real video with the OpenAI service, which is billed.'
        $exit = Invoke-PowerShellScript -Path $demoScript -Arguments @('-ManifestPath', $ManifestPath, '-OutputPath', $demoDir, '-UseRealService')
        if ($exit -ne 0) { throw "The demo failed (exit code $exit)." }
        return
    }

    # A throwaway key: the emulator only checks that requests carry the one it was started with.
    $key = 'demo-' + [Guid]::NewGuid().ToString('N')
    $emulator = Start-Emulator -ApiKey $key -LogDir $demoDir
    try {
        Write-Host "Emulator listening on $($emulator.BaseUri)"
        $exit = Invoke-PowerShellScript -Path $demoScript -Arguments @('-ManifestPath', $ManifestPath, '-OutputPath', $demoDir, '-BaseUri', $emulator.BaseUri, '-ApiKey', $key)
        if ($exit -ne 0) { throw "The demo failed (exit code $exit)." }
    }
    finally {
        Stop-Process -Id $emulator.Process.Id -Force -ErrorAction SilentlyContinue
    }
}

# Each task pulls in what it needs; every task runs once, in a fixed order.
$steps = New-Object System.Collections.Generic.List[string]
foreach ($name in $Task) {
    switch ($name) {
        'Clean' { $steps.Add('Clean') }
        'Build' { $steps.Add('Build') }
        'Test' { $steps.Add('Build'); $steps.Add('Test') }
        'Pester' { $steps.Add('Build'); $steps.Add('PesterTests') }
        'Help' { $steps.Add('Build'); $steps.Add('Help') }
        'Package' { $steps.Add('Build'); $steps.Add('Help'); $steps.Add('Package') }
        'Demo' { $steps.Add('Build'); $steps.Add('Demo') }
    }
}

if (-not (Get-Command -Name dotnet -CommandType Application -ErrorAction SilentlyContinue)) {
    throw 'The .NET SDK (dotnet) was not found on the PATH; install the version in global.json.'
}

Push-Location -LiteralPath $RepositoryRoot
try {
    foreach ($step in 'Clean', 'Build', 'Test', 'PesterTests', 'Help', 'Package', 'Demo') {
        if ($steps.Contains($step)) {
            Write-Host "==> $step" -ForegroundColor Cyan
            & "Invoke-$step"
        }
    }
}
finally {
    Pop-Location
}
