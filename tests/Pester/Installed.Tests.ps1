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
