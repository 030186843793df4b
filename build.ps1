<#
.SYNOPSIS
    Builds, tests, documents, demonstrates and packages the OpenAIVideos module.

.DESCRIPTION
    Runs on Windows PowerShell 5.1 and PowerShell 7.4+, on Windows, Linux and macOS. Needs the .NET SDK named in
    global.json on the PATH as `dotnet`.

    Build    Lays out the module in out/OpenAIVideos/<version>/ (build/OpenAIVideos.Layout.csproj) and the API
             emulator in out/emulator/ (framework-dependent: run it with `dotnet out/emulator/OpenAIVideos.Emulator.dll`),
             with its MAML help when PlatyPS can be had (a HELP SKIPPED banner says when it cannot).
    Test     Build, then every test: `dotnet test Module.sln`, then the Pester 5 tests in tests/Pester against the
             laid-out module and against a copy published to and installed from a local PSResourceGet repository.
             Ends with one line counting both: `tests: N passed, N failed, N skipped`. Pester 5.9.1 is restored from
             NuGet (build/modules) into out/modules; the PowerShell Gallery is the fallback. Help is generated first
             and the tests check it, so PlatyPS must be available (see Help); PSScriptAnalyzer likewise.
    Pester   Build, then only the Pester tests.
    Demo     Build, start the emulator on a free loopback port with a throwaway key (or, with -UseRealService, use
             the real service through OPENAI_API_KEY), import the laid-out module and make, wait for and save a video.
    Help     Build, then turn docs/en-US (PlatyPS markdown) into MAML help in the layout's en-US folder
             (en-US/OpenAIVideos.dll-Help.xml). Microsoft.PowerShell.PlatyPS 1.x is taken from the installed modules,
             else installed for the current user from the Gallery, else taken from ../shared/tools/modules beside the
             clone (machines without the Gallery); this task fails where none works. The about topic
             (en-US/about_OpenAIVideos.help.txt) is converted by every build (build/AboutHelpText.cs).
    Package  Build and Help, then validate the laid-out folder with Test-ModuleManifest: it is then ready for
             `Publish-PSResource -Path out/OpenAIVideos/<version>`.
    Clean    Removes out/ and the build outputs of the solution and the layout project.

    Tasks run in the order Clean, Build, Help, Test, Pester, Package, Demo whatever the order given. The module is
    imported only in child processes (tests, demo), so this session never holds the built assemblies open.

    Without an installed PowerShell, use the version the repository pins (.config/dotnet-tools.json):
    `dotnet tool restore && dotnet pwsh ./build.ps1 -Task Test`.

.PARAMETER Task
    One or more of Build, Test, Pester, Demo, Help, Package, Clean. Default: Build.

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
$PinnedModulesProject = Join-Path $RepositoryRoot 'build/modules/PowerShellModules.csproj'
$PinnedModulesRoot = Join-Path $OutRoot 'modules'
$PesterVersion = [version]'5.9.1'
$ScriptAnalyzerMinimumVersion = [version]'1.24.0'
$TestResultsDir = Join-Path $OutRoot 'TestResults'

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

. (Join-Path $PSScriptRoot 'build/PowerShellCommand.ps1')
. (Join-Path $PSScriptRoot 'build/SharedToolModules.ps1')
. (Join-Path $PSScriptRoot 'build/MamlExamples.ps1')

function Invoke-PowerShellScript {
    # Runs a script in a child PowerShell; its output goes straight to this console.
    param(
        [Parameter(Mandatory)] [string] $Path,
        [string[]] $Arguments = @()
    )

    $command = Get-PowerShellCommand
    $program = $command[0]
    $prefix = @($command | Select-Object -Skip 1)
    # Out-Host: the child's output is for the console, not this function's return value (its exit code).
    & $program @prefix -NoProfile -NonInteractive -ExecutionPolicy Bypass -File $Path @Arguments | Out-Host
    $LASTEXITCODE
}

function Install-PinnedModule {
    # Restores a module pinned in build/modules/PowerShellModules.csproj from NuGet (the package's tools/ folder is the
    # module) into out/modules/<Name>/<Version>/, and puts out/modules first on PSModulePath. Returns $false when the
    # NuGet restore is not possible (no dotnet feed reachable), so the caller can fall back to the Gallery.
    param(
        [Parameter(Mandatory)] [string] $Name,
        [Parameter(Mandatory)] [version] $Version
    )

    $target = Join-Path $PinnedModulesRoot "$Name/$Version"
    if (-not (Test-Path -LiteralPath (Join-Path $target "$Name.psd1"))) {
        & dotnet restore $PinnedModulesProject --nologo -v quiet | Out-Host
        if ($LASTEXITCODE -ne 0) {
            Write-Warning "dotnet restore of $PinnedModulesProject failed (exit code $LASTEXITCODE): $Name $Version is not available from NuGet."
            return $false
        }
        $packageRoot = "$(& dotnet msbuild $PinnedModulesProject -nologo -getProperty:NuGetPackageRoot)".Trim()
        $tools = Join-Path $packageRoot "$($Name.ToLowerInvariant())/$Version/tools"
        if (-not (Test-Path -LiteralPath (Join-Path $tools "$Name.psd1"))) {
            throw "The NuGet package $Name $Version has no module in $tools."
        }
        $staging = "$target.partial"
        if (Test-Path -LiteralPath $staging) { Remove-Item -LiteralPath $staging -Recurse -Force }
        $null = New-Item -ItemType Directory -Path $staging -Force
        Copy-Item -Path (Join-Path $tools '*') -Destination $staging -Recurse -Force
        # Renamed into place only when complete, so an interrupted copy is never taken for the module.
        Move-Item -LiteralPath $staging -Destination $target
        Write-Host "$Name $Version restored from NuGet into $target"
    }
    Add-ModulePath $PinnedModulesRoot
    $true
}

function Install-BuildDependency {
    # Makes sure a module of at least the given version is available: one already installed, else one installed for the
    # current user from the Gallery, else the copy in ../shared/tools/modules (machines without the Gallery).
    param(
        [Parameter(Mandatory)] [string] $Name,
        [Parameter(Mandatory)] [version] $MinimumVersion
    )

    $available = Get-Module -ListAvailable -Name $Name | Where-Object { $_.Version -ge $MinimumVersion }
    if ($available) { return }

    try {
        Install-GalleryModule -Name $Name -MinimumVersion $MinimumVersion
    }
    catch {
        $shared = Get-SharedToolModulePath -Name $Name -MinimumVersion $MinimumVersion
        if (-not $shared) {
            throw "$Name $MinimumVersion or later is not installed, the PowerShell Gallery could not install it ($($_.Exception.Message -replace '\s+', ' ')), and no ../shared/tools/modules beside the clone has it."
        }
        Add-ModulePath $shared -Last
        Write-Host "$Name from $shared (the Gallery could not be reached)"
    }

    if (-not (Get-Module -ListAvailable -Name $Name | Where-Object { $_.Version -ge $MinimumVersion })) {
        throw "$Name $MinimumVersion or later could not be installed."
    }
}

function Install-GalleryModule {
    # Installs a module for the current user from the PowerShell Gallery; throws when it cannot.
    param(
        [Parameter(Mandatory)] [string] $Name,
        [Parameter(Mandatory)] [version] $MinimumVersion
    )

    Write-Host "Installing $Name $MinimumVersion or later for the current user..."
    if (Get-Command -Name Install-PSResource -ErrorAction SilentlyContinue) {
        Install-PSResource -Name $Name -Version "[$MinimumVersion,)" -Scope CurrentUser -TrustRepository -Quiet -ErrorAction Stop
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
}

function Get-FreeLoopbackPort {
    $listener = New-Object System.Net.Sockets.TcpListener ([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    try { ([System.Net.IPEndPoint]$listener.LocalEndpoint).Port }
    finally { $listener.Stop() }
}

function Start-Emulator {
    # Starts out/emulator on a free loopback port and waits until it answers; returns the process and its base URI.
    [CmdletBinding(SupportsShouldProcess)]
    param([Parameter(Mandatory)] [string] $ApiKey, [Parameter(Mandatory)] [string] $LogDir)

    $dll = Join-Path $EmulatorDir 'OpenAIVideos.Emulator.dll'
    if (-not (Test-Path -LiteralPath $dll)) { throw "No emulator at $dll; run ./build.ps1 -Task Build." }

    $port = Get-FreeLoopbackPort
    $baseUri = "http://127.0.0.1:$port/v1"
    if (-not $PSCmdlet.ShouldProcess($baseUri, 'Start the API emulator')) { return }

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
    # Every test, .NET and Pester; both run even when the first fails, and one closing line counts them together.
    $dotnetResults = Join-Path $TestResultsDir 'dotnet'
    if (Test-Path -LiteralPath $dotnetResults) { Remove-Item -LiteralPath $dotnetResults -Recurse -Force }
    & dotnet test $Solution -c $Configuration --nologo --logger 'trx' --results-directory $dotnetResults | Out-Host
    $dotnetExit = $LASTEXITCODE
    $dotnet = Get-TrxCount -Folder $dotnetResults

    $pester = Invoke-PesterSuite -NoThrow

    $passed = $dotnet.Passed + $pester.Passed
    $failed = $dotnet.Failed + $pester.Failed
    $skipped = $dotnet.Skipped + $pester.Skipped
    foreach ($name in $dotnet.FailedNames) { Write-Host "FAILED (.NET) $name" }
    foreach ($name in $pester.FailedNames) { Write-Host "FAILED (Pester) $name" }
    Write-Host ".NET: $($dotnet.Passed) passed, $($dotnet.Failed) failed, $($dotnet.Skipped) skipped ($($dotnet.Files) test assemblies)"
    Write-Host "Pester: $($pester.Passed) passed, $($pester.Failed) failed, $($pester.Skipped) skipped"
    # The plain closing line CI readers understand, alone on its line.
    Write-Host "tests: $passed passed, $failed failed, $skipped skipped"
    if ($dotnetExit -ne 0 -and $dotnet.Failed -eq 0) { throw "dotnet test failed (exit code $dotnetExit) without a failed test: see its output above." }
    if ($failed -gt 0) { throw "$failed test(s) failed." }
    if ($pester.Failed -eq 0 -and $pester.Passed -eq 0) { throw 'Pester ran no test.' }
}

function Get-TrxCount {
    # Sums the counters of every TRX file dotnet test wrote (one per test assembly).
    param([Parameter(Mandatory)] [string] $Folder)

    $count = [pscustomobject]@{ Passed = 0; Failed = 0; Skipped = 0; Files = 0; FailedNames = @() }
    foreach ($file in @(Get-ChildItem -LiteralPath $Folder -Filter '*.trx' -File -ErrorAction SilentlyContinue)) {
        $xml = New-Object System.Xml.XmlDocument
        $xml.Load($file.FullName)
        # The names of failed tests, so the closing lines (all a CI log's tail may keep) say which ones.
        foreach ($result in $xml.GetElementsByTagName('UnitTestResult')) {
            if ($result.outcome -ne 'Passed' -and $result.outcome -ne 'NotExecuted') {
                $message = $result.GetElementsByTagName('Message') | Select-Object -First 1
                $firstLine = if ($null -ne $message) { ($message.InnerText -split "`n")[0].Trim() } else { '' }
                $count.FailedNames += "$($result.testName): $firstLine"
            }
        }
        $counters = $xml.GetElementsByTagName('Counters') | Select-Object -First 1
        if ($null -eq $counters) { continue }
        $count.Files++
        $count.Passed += [int]$counters.passed
        $count.Failed += [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted
        $count.Skipped += [int]$counters.notExecuted
    }
    $count
}

function Get-NUnitCount {
    # The counts of Pester's NUnit XML results.
    param([Parameter(Mandatory)] [string] $Path)

    $count = [pscustomobject]@{ Passed = 0; Failed = 0; Skipped = 0; FailedNames = @() }
    if (-not (Test-Path -LiteralPath $Path)) { return $count }
    $xml = New-Object System.Xml.XmlDocument
    $xml.Load($Path)
    foreach ($case in $xml.GetElementsByTagName('test-case')) {
        if ($case.result -eq 'Failure' -or $case.result -eq 'Error') { $count.FailedNames += $case.description }
    }
    $root = $xml.DocumentElement
    $total = [int]$root.total
    $count.Failed = [int]$root.failures + [int]$root.errors
    $count.Skipped = [int]$root.skipped + [int]$root.'not-run' + [int]$root.ignored + [int]$root.inconclusive
    $count.Passed = $total - $count.Failed - [int]$root.'not-run' - [int]$root.inconclusive
    $count
}

# Not named Invoke-Pester: that would shadow Pester's own command in this script.
function Invoke-PesterSuite {
    # Runs tests/Pester in a child PowerShell against the laid-out module (and the copy installed from the local
    # repository); returns the counts, and throws on a failure unless -NoThrow.
    param([switch] $NoThrow)

    if ($PSVersionTable.PSEdition -eq 'Desktop') {
        # The suite (#Requires -Version 7.4) and PSResourceGet's local repository need PowerShell 7.
        throw 'The Pester suite needs PowerShell 7.4 or later: run build.ps1 from pwsh (or dotnet pwsh after dotnet tool restore).'
    }
    $pesterDir = Join-Path $RepositoryRoot 'tests/Pester'
    if (-not (Install-PinnedModule -Name Pester -Version $PesterVersion)) {
        Install-BuildDependency -Name Pester -MinimumVersion $PesterVersion
    }
    # The analyzer test (tests/Pester/ScriptAnalyzer.Tests.ps1) runs PSScriptAnalyzer's PSGallery rules.
    Install-BuildDependency -Name PSScriptAnalyzer -MinimumVersion $ScriptAnalyzerMinimumVersion
    Install-FromLocalRepository

    $results = Join-Path $TestResultsDir 'pester.xml'
    if (Test-Path -LiteralPath $results) { Remove-Item -LiteralPath $results -Force }
    $exit = Invoke-PowerShellScript -Path (Join-Path $RepositoryRoot 'build/Invoke-PesterSuite.ps1') -Arguments @('-Path', $pesterDir, '-ResultPath', $results)
    $count = Get-NUnitCount -Path $results
    if ($exit -ne 0 -and $count.Failed -eq 0) {
        # A failed discovery or BeforeAll fails the run without failing a counted test.
        $count.Failed = [Math]::Max(1, $exit)
    }
    if (-not $NoThrow -and $count.Failed -gt 0) { throw "Pester: $($count.Failed) test(s) failed (results in $results)." }
    if (-not $NoThrow) { Write-Host "Pester: $($count.Passed) passed, $($count.Failed) failed, $($count.Skipped) skipped" }
    $count
}

function Install-FromLocalRepository {
    # Tests the module as users get it: publishes the laid-out folder to a PSResourceGet file repository and saves it
    # from there into out/installed, an otherwise empty module path that tests/Pester/Installed.Tests.ps1 imports by name.
    $repository = Join-Path $OutRoot 'local-repository'
    $installed = Join-Path $OutRoot 'installed'
    foreach ($folder in $repository, $installed) {
        if (Test-Path -LiteralPath $folder) { Remove-Item -LiteralPath $folder -Recurse -Force }
        $null = New-Item -ItemType Directory -Path $folder -Force
    }

    # A name of its own, so a developer's registered repositories are never touched; unregistered again at once.
    $name = 'OpenAIVideosBuild' + [Guid]::NewGuid().ToString('N').Substring(0, 8)
    Register-PSResourceRepository -Name $name -Uri $repository -Trusted
    try {
        Publish-PSResource -Path $ModuleDir -Repository $name
        Save-PSResource -Name OpenAIVideos -Version $ModuleVersion -Repository $name -Path $installed -TrustRepository -IncludeXml -Quiet
    }
    finally {
        Unregister-PSResourceRepository -Name $name
    }
    if (-not (Test-Path -LiteralPath (Join-Path $installed "OpenAIVideos/$ModuleVersion/OpenAIVideos.psd1"))) {
        throw "Save-PSResource did not install OpenAIVideos $ModuleVersion into $installed."
    }
    Write-Host "Installed: $installed (published to and saved from the file repository $repository)"
}

function Invoke-Help {
    # -SkipWhenUnavailable (Build): when PlatyPS cannot be had, say so loudly and go on without MAML help. Test, Pester,
    # Help and Package need the help (the tests read it), so there its absence fails the build.
    param([switch] $SkipWhenUnavailable)

    $docs = Join-Path $RepositoryRoot 'docs/en-US'
    if (-not (Test-Path -LiteralPath $docs)) {
        throw "No help sources: $docs does not exist. Write the PlatyPS markdown (one file per cmdlet and about_OpenAIVideos.md) there first."
    }

    try {
        Install-BuildDependency -Name Microsoft.PowerShell.PlatyPS -MinimumVersion 1.0.0
    }
    catch {
        if (-not $SkipWhenUnavailable) { throw }
        $reason = $_.Exception.Message -replace '\s+', ' '
        Write-Host ''
        Write-Host '**** HELP SKIPPED: Microsoft.PowerShell.PlatyPS 1.x is not installed and could not be installed.' -ForegroundColor Yellow
        Write-Host "**** Reason: $reason" -ForegroundColor Yellow
        Write-Host '**** No MAML help was generated: this build has no en-US/OpenAIVideos.dll-Help.xml, so Get-Help <cmdlet> shows' -ForegroundColor Yellow
        Write-Host '**** syntax only (Get-Help about_OpenAIVideos works: every build lays the about topic out).' -ForegroundColor Yellow
        Write-Host '**** Install PlatyPS 1.x where the Gallery is reachable, or put ../shared/tools/modules beside the clone;' -ForegroundColor Yellow
        Write-Host '**** -Task Test, Pester, Help and Package fail without it.' -ForegroundColor Yellow
        Write-Host ''
        return
    }
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
    # Get-Help looks for a binary module's cmdlet help under the assembly's file name, spelt as CmdletInfo.HelpFile
    # spells it (file names are case-sensitive on Linux). An older build's lower-case copy is removed.
    Get-ChildItem -LiteralPath $enUS -Filter '*-help.xml' | Where-Object Name -cne 'OpenAIVideos.dll-Help.xml' | Remove-Item -Force
    Copy-Item -LiteralPath $maml[0].FullName -Destination (Join-Path $enUS 'OpenAIVideos.dll-Help.xml') -Force
    Repair-MamlExample -Path (Join-Path $enUS 'OpenAIVideos.dll-Help.xml')
    Remove-Item -LiteralPath $staging -Recurse -Force
    # The about topic (en-US/about_OpenAIVideos.help.txt) is laid out by every build (build/OpenAIVideos.Layout.targets).

    Write-Host "Help:     $enUS ($($commandHelp.Count) commands)"
}

function Invoke-Package {
    $manifest = Test-ModuleManifest -Path $ManifestPath -ErrorAction Stop
    if ("$($manifest.Version)" -ne $ModuleVersion) {
        throw "The laid-out manifest says $($manifest.Version), the build $ModuleVersion."
    }
    if (-not (Test-Path -LiteralPath (Join-Path $ModuleDir 'en-US/OpenAIVideos.dll-Help.xml'))) {
        throw 'The laid-out module has no help (en-US/OpenAIVideos.dll-Help.xml).'
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

# Each task pulls in what it needs; every step runs once, in a fixed order.
$stepActions = [ordered]@{
    Clean        = { Invoke-Clean }
    Build        = { Invoke-Build }
    # Build makes the help when PlatyPS is there, and says loudly that it did not when it is not; the others need it.
    OptionalHelp = { Invoke-Help -SkipWhenUnavailable }
    Help         = { Invoke-Help }
    Test         = { Invoke-Test }
    Pester       = { $null = Invoke-PesterSuite }
    Package      = { Invoke-Package }
    Demo         = { Invoke-Demo }
}
$stepsOfTask = @{
    Clean   = @('Clean')
    Build   = @('Build', 'OptionalHelp')
    Test    = @('Build', 'Help', 'Test')
    Pester  = @('Build', 'Help', 'Pester')
    Help    = @('Build', 'Help')
    Package = @('Build', 'Help', 'Package')
    Demo    = @('Build', 'Demo')
}
$steps = New-Object System.Collections.Generic.HashSet[string]
foreach ($name in $Task) {
    foreach ($step in $stepsOfTask[$name]) { $null = $steps.Add($step) }
}
if ($steps.Contains('Help')) { $null = $steps.Remove('OptionalHelp') }

if (-not (Get-Command -Name dotnet -CommandType Application -ErrorAction SilentlyContinue)) {
    throw 'The .NET SDK (dotnet) was not found on the PATH; install the version in global.json.'
}

Push-Location -LiteralPath $RepositoryRoot
try {
    foreach ($step in $stepActions.Keys) {
        if ($steps.Contains($step)) {
            Write-Host "==> $step" -ForegroundColor Cyan
            & $stepActions[$step]
        }
    }
}
finally {
    Pop-Location
}
