#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
<#
    The module as users get it: build.ps1 (Test, Pester) publishes the laid-out module to a PSResourceGet file
    repository and saves it from there into out/installed. Here a fresh PowerShell whose module path is only that folder
    (and PowerShell's own modules) imports it by name and runs the README's first pipeline against the emulator, and
    Get-Help finds its help: -Full and -Examples of every cmdlet its manifest exports, and the about topic.
#>

BeforeDiscovery {
    $manifest = Join-Path $PSScriptRoot '../../out/installed/OpenAIVideos'
    $script:Cmdlets = @(Get-ChildItem -Path $manifest -Filter 'OpenAIVideos.psd1' -Recurse -ErrorAction SilentlyContinue | Select-Object -First 1 |
            ForEach-Object { (Import-PowerShellDataFile -LiteralPath $_.FullName).CmdletsToExport } | ForEach-Object { @{ Name = $_ } })
}

BeforeAll {
    . "$PSScriptRoot/TestEmulator.ps1"
    . "$PSScriptRoot/FreshPowerShell.ps1"
    $script:Installed = Join-Path $script:RepositoryRoot 'out/installed'
    if (-not (Test-Path -LiteralPath (Join-Path $script:Installed 'OpenAIVideos'))) {
        throw "No installed copy in $script:Installed: run ./build.ps1 -Task Pester (or Test), which publishes and installs it."
    }
    $script:Emulator = Start-TestEmulator -LogFolder $TestDrive
}

AfterAll {
    Stop-TestEmulator $script:Emulator
}

Describe 'The module installed from a PSResourceGet repository' {
    It 'imports by name and runs New-Video | Wait-Video | Save-VideoContent' {
        $out = Join-Path $TestDrive 'videos'
        $modulePath = $script:Installed + [IO.Path]::PathSeparator + (Join-Path $PSHOME 'Modules')
        $result = Invoke-FreshPowerShell -Environment @{ PSModulePath = $modulePath } -ArgumentList $script:Emulator.BaseUri, $script:Emulator.ApiKey, $out -Script {
            param($BaseUri, $ApiKey, $Out)
            Import-Module OpenAIVideos
            $null = New-Item -ItemType Directory -Path $Out
            Connect-OpenAIVideo -Emulator -BaseUri $BaseUri -ApiKey $ApiKey
            $saved = New-Video 'a red fox running through snow' -Seconds 4 | Wait-Video -TimeoutSec 60 | Save-VideoContent -Path $Out -PassThru
            $module = Get-Module OpenAIVideos
            [pscustomobject]@{
                ModuleBase   = $module.ModuleBase
                Version      = "$($module.Version)"
                # Save-PSResource -IncludeXml writes the install record PSResourceGet's Install-PSResource leaves.
                InstallInfo  = Test-Path -LiteralPath (Join-Path $module.ModuleBase 'PSGetModuleInfo.xml')
                Saved        = @($saved.FullName)
                Files        = @((Get-ChildItem -LiteralPath $Out -File).FullName)
            }
        }
        $result.ModuleBase | Should -BeLike "$script:Installed*"
        $result.Version | Should -Not -BeNullOrEmpty
        $result.InstallInfo | Should -BeTrue
        $result.Files.Count | Should -Be 1
        $result.Saved | Should -Be $result.Files
        Split-Path -Leaf $result.Files[0] | Should -Match '^video_[0-9a-f]+\.mp4$'
        $bytes = [System.IO.File]::ReadAllBytes($result.Files[0])
        [System.Text.Encoding]::ASCII.GetString($bytes, 4, 4) | Should -Be 'ftyp'
    }
}

Describe 'The emulator inside the installed module (Start-VideoEmulator)' {
    BeforeAll {
        $script:InstalledPath = $script:Installed + [IO.Path]::PathSeparator + (Join-Path $PSHOME 'Modules')
    }

    It 'starts with nothing else installed, makes and saves a video, and loads only when started' {
        $out = Join-Path $TestDrive 'in-module'
        $result = Invoke-FreshPowerShell -Environment @{ PSModulePath = $script:InstalledPath } -ArgumentList $out -Script {
            param($Out)
            function Test-Loaded {
                $assembly = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'OpenAIVideos.Emulator' }
                if ($assembly) { [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($assembly).Name } else { 'not loaded' }
            }
            Import-Module OpenAIVideos
            $afterImport = Test-Loaded
            $null = New-Item -ItemType Directory -Path $Out
            Start-VideoEmulator -JobSeconds 1
            $afterStart = Test-Loaded
            Connect-OpenAIVideo -Emulator
            $saved = New-Video 'a red fox running through snow' -Seconds 4 | Wait-Video -TimeoutSec 60 | Save-VideoContent -Path $Out -PassThru
            $running = @(Get-VideoEmulator)
            Stop-VideoEmulator
            [pscustomobject]@{
                AfterImport  = $afterImport
                AfterStart   = $afterStart
                EmulatorPath = ([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'OpenAIVideos.Emulator' }).Location
                ModuleBase   = (Get-Module OpenAIVideos).ModuleBase
                Running      = $running.Count
                Videos       = $running[0].Videos
                Requests     = $running[0].Requests
                Saved        = @($saved.FullName)
                AfterStop    = @(Get-VideoEmulator).Count
            }
        }
        $result.AfterImport | Should -Be 'not loaded'
        $result.AfterStart | Should -Be 'OpenAIVideos'
        $result.EmulatorPath | Should -BeLike "$($result.ModuleBase)*Dependencies*Core*OpenAIVideos.Emulator.dll"
        $result.ModuleBase | Should -BeLike "$script:Installed*"
        $result.Running | Should -Be 1
        $result.Videos | Should -Be 1
        $result.Requests | Should -BeGreaterThan 2
        $result.Saved.Count | Should -Be 1
        [System.Text.Encoding]::ASCII.GetString([System.IO.File]::ReadAllBytes($result.Saved[0]), 4, 4) | Should -Be 'ftyp'
        $result.AfterStop | Should -Be 0
    }

    It 'starts every flavor in-module, answering each request exactly as the standalone server does' {
        # The same requests to the in-module emulator and to the standalone one (out/emulator) of each flavor: their
        # statuses and body fields must agree, for the flavor's own routes, unknown ids and routes, and a fault.
        $probe = {
            param([string] $Root, [string] $BaseUri, [string] $Key)
            $headers = @{ Authorization = "Bearer $Key" }
            $requests = @(
                @{ Method = 'POST'; Uri = "$BaseUri/videos"; Body = '{"prompt":"a lighthouse at dusk"}' }
                @{ Method = 'GET'; Uri = "$BaseUri/videos" }
                @{ Method = 'GET'; Uri = "$BaseUri/videos/video_0123456789abcdef0123456789abcdef" }
                @{ Method = 'GET'; Uri = "$BaseUri/no-such-route" }
                @{ Method = 'POST'; Uri = "$Root/_emulator/faults"; Body = '{"kind":"error_status","status":503,"operation":"create"}' }
                @{ Method = 'POST'; Uri = "$BaseUri/videos"; Body = '{"prompt":"a lighthouse at dusk"}' }
            )
            foreach ($request in $requests) {
                $response = Invoke-WebRequest -Method $request.Method -Uri $request.Uri -Headers $headers -Body $request.Body `
                    -ContentType 'application/json' -SkipHttpErrorCheck
                $fields = try { @(($response.Content | ConvertFrom-Json -AsHashtable).Keys | Sort-Object) -join ',' } catch { 'not json' }
                "$($request.Method) $($request.Uri.Substring($Root.Length)) -> $($response.StatusCode) {$fields}"
            }
        }
        $inModule = Invoke-FreshPowerShell -Environment @{ PSModulePath = $script:InstalledPath } -ArgumentList $probe.ToString() -Script {
            param($Probe)
            Import-Module OpenAIVideos
            # The flavors as the emulator itself names them, through Start-VideoEmulator -Flavor's tab completion.
            $flavors = (TabExpansion2 -inputScript 'Start-VideoEmulator -Flavor ' -cursorColumn 28).CompletionMatches.CompletionText
            foreach ($flavor in $flavors) {
                $emulator = Start-VideoEmulator -Flavor $flavor -ApiKey 'pester-key' -PassThru
                $root = "http://127.0.0.1:$($emulator.Port)"
                [pscustomobject]@{ Flavor = $flavor; Answers = @(& ([scriptblock]::Create($Probe)) $root "$($emulator.BaseUri)".TrimEnd('/') 'pester-key') }
                $emulator | Stop-VideoEmulator
            }
        }
        @($inModule).Count | Should -BeGreaterOrEqual 6
        foreach ($row in $inModule) {
            $folder = Join-Path $TestDrive "standalone-$($row.Flavor)"
            $null = New-Item -ItemType Directory -Path $folder -Force
            $standalone = Start-TestEmulator -LogFolder $folder -Flavor $row.Flavor
            try {
                $root = $standalone.BaseUri -replace '^(http://[^/]+).*$', '$1'
                $answers = @(& $probe $root $standalone.BaseUri $standalone.ApiKey)
            }
            finally { Stop-TestEmulator $standalone }
            $row.Answers | Should -Be $answers -Because "the $($row.Flavor) flavor is one emulator in both hosts"
        }
    }

    It 'runs create, wait and download through the module against every flavor the module speaks' {
        $out = Join-Path $TestDrive 'flavors'
        $result = Invoke-FreshPowerShell -Environment @{ PSModulePath = $script:InstalledPath } -ArgumentList $out -Script {
            param($Out)
            Import-Module OpenAIVideos
            $null = New-Item -ItemType Directory -Path $Out
            $flavors = (TabExpansion2 -inputScript 'Start-VideoEmulator -Flavor ' -cursorColumn 28).CompletionMatches.CompletionText
            foreach ($flavor in $flavors) {
                $emulator = Start-VideoEmulator -Flavor $flavor -JobSeconds 1 -PassThru
                # A flavor whose server the module has no dialect for yet connects as Generic: only the OpenAI-shaped ones run here.
                if ($emulator.Server -eq 'Generic' -and $flavor -notin 'openai', 'gateway') { $emulator | Stop-VideoEmulator; continue }
                $emulator | Connect-OpenAIVideo
                $video = New-Video "a lighthouse at dusk ($flavor)" | Wait-Video -TimeoutSec 60
                $file = $video | Save-VideoContent -Path (Join-Path $Out "$flavor.mp4") -PassThru
                [pscustomobject]@{
                    Flavor = $emulator.Flavor
                    Server = "$($emulator.Server)"
                    Status = "$($video.Status)"
                    Bytes  = $file.Length
                }
                $emulator | Stop-VideoEmulator
            }
        }
        $result.Count | Should -BeGreaterOrEqual 6
        foreach ($row in $result) {
            $row.Status | Should -Be 'Completed' -Because $row.Flavor
            $row.Bytes | Should -BeGreaterThan 0 -Because $row.Flavor
        }
        ($result | Where-Object Flavor -eq 'vllm-omni').Server | Should -Be 'VllmOmni'
        ($result | Where-Object Flavor -eq 'azure').Server | Should -Be 'Azure'
        ($result | Where-Object Flavor -eq 'gemini').Server | Should -Be 'Gemini'
        ($result | Where-Object Flavor -eq 'openrouter').Server | Should -Be 'OpenRouter'
    }

    It 'runs two emulators on two ports at once, each with its own videos' {
        $result = Invoke-FreshPowerShell -Environment @{ PSModulePath = $script:InstalledPath } -Script {
            Import-Module OpenAIVideos
            $first = Start-VideoEmulator -JobSeconds 1 -PassThru
            $second = Start-VideoEmulator -JobSeconds 1 -Flavor gateway -PassThru
            $a = New-Video 'first' -BaseUri $first.BaseUri -ApiKey k
            $b1 = New-Video 'second, one' -BaseUri $second.BaseUri -ApiKey k
            $b2 = New-Video 'second, two' -BaseUri $second.BaseUri -ApiKey k
            $listed = Get-VideoEmulator | ForEach-Object { [pscustomobject]@{ Port = $_.Port; Videos = $_.Videos } }
            Stop-VideoEmulator -Port $first.Port
            $afterStop = @(Get-Video -BaseUri $second.BaseUri -ApiKey k).Count
            $firstGone = try { $null = Get-Video -BaseUri $first.BaseUri -ApiKey k -MaxRetries 0; 'answered' } catch { $_.FullyQualifiedErrorId }
            Stop-VideoEmulator
            [pscustomobject]@{ Ports = @($first.Port, $second.Port); Listed = @($listed); AfterStop = $afterStop; FirstGone = $firstGone; Ids = @($a.Id, $b1.Id) }
        }
        $result.Ports[0] | Should -Not -Be $result.Ports[1]
        ($result.Listed | Where-Object Port -eq $result.Ports[0]).Videos | Should -Be 1
        ($result.Listed | Where-Object Port -eq $result.Ports[1]).Videos | Should -Be 2
        $result.AfterStop | Should -Be 2
        $result.FirstGone | Should -BeLike 'ConnectionFailed*'
    }

    It 'refuses a port in use with a clear error' {
        $result = Invoke-FreshPowerShell -Environment @{ PSModulePath = $script:InstalledPath } -Script {
            Import-Module OpenAIVideos
            $held = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
            $held.Start()
            $port = $held.LocalEndpoint.Port
            try {
                $refused = try { Start-VideoEmulator -Port $port; $null } catch { $_ }
            }
            finally { $held.Stop() }
            [pscustomobject]@{
                Port     = $port
                ErrorId  = $refused.FullyQualifiedErrorId
                Category = "$($refused.CategoryInfo.Category)"
                Message  = $refused.ToString()
                Target   = $refused.TargetObject
                Running  = @(Get-VideoEmulator).Count
            }
        }
        $result.ErrorId | Should -Be 'EmulatorPortInUse,OpenAIVideos.Commands.StartVideoEmulatorCommand'
        $result.Category | Should -Be 'ResourceUnavailable'
        $result.Message | Should -Match "Port $($result.Port) on 127\.0\.0\.1 is already in use"
        $result.Message | Should -Not -Match 'at OpenAIVideos|Exception'
        $result.Target | Should -Be $result.Port
        $result.Running | Should -Be 0
    }

    It 'injects a fault from PowerShell that the client then sees' {
        $result = Invoke-FreshPowerShell -Environment @{ PSModulePath = $script:InstalledPath } -Script {
            Import-Module OpenAIVideos
            Start-VideoEmulator -PassThru | Connect-OpenAIVideo
            $video = New-Video 'a slow news day'
            Add-VideoEmulatorFault -Kind ErrorStatus -Status 503 -Operation retrieve -Count 1
            $failed = try { Get-Video $video.Id -MaxRetries 0; 'answered' } catch { $_ }
            $again = Get-Video $video.Id -MaxRetries 0
            $bad = try { Add-VideoEmulatorFault -Kind Meteor; 'added' } catch { $_.FullyQualifiedErrorId }
            $emulator = Get-VideoEmulator
            [pscustomobject]@{
                ErrorId  = $failed.FullyQualifiedErrorId
                Message  = $failed.ToString()
                AgainId  = $again.Id
                Faults   = $emulator.FaultsInjected
                BadKind  = $bad
                Id       = $video.Id
            }
        }
        $result.ErrorId | Should -BeLike 'ServerError,*'
        $result.Message | Should -Match '503'
        $result.AgainId | Should -Be $result.Id
        $result.Faults | Should -Be 1
        $result.BadKind | Should -BeLike 'InvalidEmulatorFault,*'
    }

    It 'stops the emulators when the module is removed' {
        $result = Invoke-FreshPowerShell -Environment @{ PSModulePath = $script:InstalledPath } -Script {
            Import-Module OpenAIVideos
            $emulator = Start-VideoEmulator -PassThru
            $before = try { (Invoke-WebRequest "$($emulator.BaseUri)videos" -Headers @{ Authorization = 'Bearer k' }).StatusCode } catch { $_.Exception.GetType().Name }
            Remove-Module OpenAIVideos
            $after = try { (Invoke-WebRequest "$($emulator.BaseUri)videos" -Headers @{ Authorization = 'Bearer k' } -TimeoutSec 5).StatusCode } catch { $_.Exception.GetType().Name }
            [pscustomobject]@{ Before = $before; After = $after }
        }
        $result.Before | Should -Be 200
        $result.After | Should -Be 'HttpRequestException'
    }

    # Linux and macOS only: there the CurrentUser scope follows $HOME, which the test points at a folder of its own;
    # on Windows it is the Documents folder, which an environment variable cannot move, so the test would install
    # into the real profile.
    It 'runs the README''s "Try it without a server" block as written, installing from a repository' -Skip:$IsWindows {
        # The block, exactly as the README shows it.
        $readme = Get-Content -LiteralPath (Join-Path $script:RepositoryRoot 'README.md') -Raw
        $match = [regex]::Match($readme, '(?s)## Try it without a server.*?```powershell\r?\n(?<code>.*?)```')
        $match.Success | Should -BeTrue
        $block = $match.Groups['code'].Value
        $block | Should -Match 'Install-PSResource'
        $block | Should -Match 'Start-VideoEmulator'
        $block | Should -Match 'Stop-VideoEmulator'

        # A home of its own: PSResourceGet's repositories and the CurrentUser module folder live under it, and the
        # only repository is the one build.ps1 published the module to (no network). dotnet keeps finding its tools
        # (NUGET_PACKAGES, DOTNET_CLI_HOME) in the real home.
        $realHome = [Environment]::GetFolderPath('UserProfile')
        $home2 = Join-Path $TestDrive 'home'
        $work = Join-Path $TestDrive 'readme-work'
        $null = New-Item -ItemType Directory -Path $home2, $work -Force
        $userModules = Join-Path $home2 '.local/share/powershell/Modules'
        $repository = Join-Path $script:RepositoryRoot 'out/local-repository'
        $environment = @{
            HOME            = $home2
            XDG_DATA_HOME   = $null
            XDG_CONFIG_HOME = $null
            NUGET_PACKAGES  = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path $realHome '.nuget/packages' }
            DOTNET_CLI_HOME = if ($env:DOTNET_CLI_HOME) { $env:DOTNET_CLI_HOME } else { $realHome }
            PSModulePath    = $userModules + [IO.Path]::PathSeparator + (Join-Path $PSHOME 'Modules')
        }
        $result = Invoke-FreshPowerShell -Environment $environment -ArgumentList $block, $repository, $work, $home2 -Script {
            param($Block, $Repository, $Work, $ExpectedHome)
            if ($HOME -ne $ExpectedHome) { throw "HOME is $HOME, not the test's own ${ExpectedHome}: refusing to install into a real profile." }
            Get-PSResourceRepository | ForEach-Object { Unregister-PSResourceRepository -Name $_.Name }
            Register-PSResourceRepository -Name Local -Uri $Repository -Trusted
            Set-Location -LiteralPath $Work
            $output = . ([scriptblock]::Create($Block)) 6>&1 | Out-String
            [pscustomobject]@{
                Files     = @((Get-ChildItem -LiteralPath $Work -Filter *.mp4).Name)
                Module    = (Get-Module OpenAIVideos).ModuleBase
                Emulators = @(Get-VideoEmulator).Count
                Output    = $output
            }
        }
        $result.Module | Should -BeLike "$userModules*"
        $result.Files.Count | Should -Be 1
        $result.Emulators | Should -Be 0
    }
}

Describe 'Get-Help in the installed module' {
    BeforeAll {
        $modulePath = $script:Installed + [IO.Path]::PathSeparator + (Join-Path $PSHOME 'Modules')
        $helpScript = Join-Path $PSScriptRoot 'CommandHelp.ps1'
        $script:Help = Invoke-FreshPowerShell -Environment @{ PSModulePath = $modulePath } -ArgumentList $helpScript -Script {
            param($HelpScript)
            . $HelpScript
            Import-Module OpenAIVideos
            [pscustomobject]@{
                ModuleBase = (Get-Module OpenAIVideos).ModuleBase
                Commands   = @(Get-CommandHelpReport -ModuleName OpenAIVideos | Select-Object Name, Description, ExampleCount, ExampleCodeCount, UndescribedParameters)
                About      = Get-AboutTopicReport -Name about_OpenAIVideos | Select-Object LongestLine, @{ n = 'First'; e = { $_.Lines[0] } }
            }
        }
        $script:Reports = @{}
        foreach ($report in $script:Help.Commands) { $script:Reports[$report.Name] = $report }
    }

    It 'is the installed copy' {
        $script:Help.ModuleBase | Should -BeLike "$script:Installed*"
    }

    It 'finds the exported cmdlets in the installed manifest' {
        @($script:Cmdlets).Count | Should -BeGreaterThan 0
    }

    It '<Name>: -Full and -Examples show the help of docs/en-US/<Name>.md' -ForEach $script:Cmdlets {
        $report = $script:Reports[$Name]
        $report | Should -Not -BeNullOrEmpty
        $report.Description | Should -Not -BeNullOrEmpty
        $report.UndescribedParameters | Should -BeNullOrEmpty
        $documented = @(Select-String -LiteralPath (Join-Path $script:RepositoryRoot "docs/en-US/$Name.md") -Pattern '^### Example').Count
        $report.ExampleCount | Should -Be $documented
        $report.ExampleCodeCount | Should -Be $documented
    }

    It 'about_OpenAIVideos is console text that fits 80 columns' {
        $script:Help.About.First | Should -Be 'TOPIC'
        $script:Help.About.LongestLine | Should -BeLessOrEqual 79
    }
}
