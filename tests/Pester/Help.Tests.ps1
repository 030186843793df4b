#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
<#
    The help users read, judged by Get-Help in real PowerShell: every cmdlet the laid-out module exports (from its
    manifest, so a new cmdlet is covered without a new test) has MAML help (build.ps1 makes
    en-US/OpenAIVideos.dll-Help.xml with PlatyPS), with a description, every parameter described and the examples of
    its docs/en-US markdown; and about_OpenAIVideos prints as console text that an 80-column console shows whole.
    Installed.Tests.ps1 checks the same in the copy installed through PSResourceGet.
#>

BeforeDiscovery {
    . "$PSScriptRoot/TestEmulator.ps1"
    $manifest = Get-ChildItem -Path "$script:RepositoryRoot/out/OpenAIVideos" -Filter 'OpenAIVideos.psd1' -Recurse |
        Sort-Object FullName -Descending | Select-Object -First 1
    $script:Cmdlets = @((Import-PowerShellDataFile -LiteralPath $manifest.FullName).CmdletsToExport | ForEach-Object { @{ Name = $_ } })
}

BeforeAll {
    . "$PSScriptRoot/TestEmulator.ps1"
    . "$PSScriptRoot/CommandHelp.ps1"
    Import-BuiltModule
    $script:Reports = @{}
    foreach ($report in Get-CommandHelpReport -ModuleName OpenAIVideos) { $script:Reports[$report.Name] = $report }

    function script:Get-DocumentedExampleCount([string] $Name) {
        @(Select-String -LiteralPath (Join-Path $script:RepositoryRoot "docs/en-US/$Name.md") -Pattern '^### Example').Count
    }
}

AfterAll {
    Remove-Module OpenAIVideos -Force -ErrorAction SilentlyContinue
}

Describe 'Get-Help of every exported cmdlet (laid-out module)' {
    It 'the layout carries the MAML under the name PowerShell looks for' {
        $module = Get-Module OpenAIVideos
        (Get-Command New-Video).HelpFile | Should -Be 'OpenAIVideos.dll-Help.xml'
        Join-Path $module.ModuleBase 'en-US/OpenAIVideos.dll-Help.xml' | Should -Exist
    }

    It '<Name>: -Full shows the description and describes every parameter' -ForEach $script:Cmdlets {
        $report = $script:Reports[$Name]
        $report | Should -Not -BeNullOrEmpty -Because "the manifest exports $Name and the module has it"
        $report.Description | Should -Not -BeNullOrEmpty -Because 'without MAML Get-Help shows only the syntax'
        $report.Synopsis | Should -Not -BeLike "$Name *" -Because 'a synopsis that is the syntax means the MAML was not found'
        $report.UndescribedParameters | Should -BeNullOrEmpty
        $report.FullText | Should -Match 'EXAMPLE'
    }

    It '<Name>: -Examples shows every example of docs/en-US/<Name>.md, with code' -ForEach $script:Cmdlets {
        $report = $script:Reports[$Name]
        $documented = Get-DocumentedExampleCount $Name
        $documented | Should -BeGreaterThan 0
        $report.ExampleCount | Should -Be $documented
        $report.ExampleCodeCount | Should -Be $documented
        $report.ExamplesText | Should -Not -Match '```|<!--|\x80' -Because 'markdown fences and markers are for the docs, not for readers'
    }

    It 'the before-stop import check: (Get-Help New-Video -Examples).Examples.Example is not empty' {
        @((Get-Help New-Video -Examples).Examples.Example).Count | Should -BeGreaterThan 0
    }
}

Describe 'Get-Help about_OpenAIVideos (laid-out module)' {
    BeforeAll {
        $script:About = Get-AboutTopicReport -Name about_OpenAIVideos
    }

    It 'is console text in the classic about layout, not markdown' {
        $script:About.Lines[0] | Should -Be 'TOPIC'
        $script:About.Lines[1].Trim() | Should -Be 'about_OpenAIVideos'
        $script:About.Lines | Should -Contain 'SHORT DESCRIPTION'
        $script:About.Lines | Should -Contain 'LONG DESCRIPTION'
        $script:About.Lines | Should -Not -Contain '---'
        @($script:About.Lines | Where-Object { $_ -match '^#|^\s*document type:|^\s*```' }) | Should -BeNullOrEmpty
    }

    It 'fits an 80-column console, so no word is broken' {
        $script:About.LongestLine | Should -BeLessOrEqual 79
    }
}
