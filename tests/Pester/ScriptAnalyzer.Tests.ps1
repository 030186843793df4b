#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
<#
    PSScriptAnalyzer's PSGallery rules (what the Gallery runs on a publish) over the laid-out module and the build
    scripts (build.ps1, build/*.ps1): no findings. build.ps1 (Test, Pester) makes PSScriptAnalyzer available: installed,
    from the Gallery, or from ../shared/tools/modules; run on its own, this file looks in that folder too.
#>

BeforeDiscovery {
    . "$PSScriptRoot/TestEmulator.ps1"
    $manifest = Get-ChildItem -Path "$script:RepositoryRoot/out/OpenAIVideos" -Filter 'OpenAIVideos.psd1' -Recurse |
        Sort-Object FullName -Descending | Select-Object -First 1
    $moduleFiles = @(Get-ChildItem -LiteralPath $manifest.Directory.FullName -Recurse -File -Include '*.psd1', '*.psm1', '*.ps1')
    $buildFiles = @(Get-Item -LiteralPath "$script:RepositoryRoot/build.ps1") + @(Get-ChildItem -Path "$script:RepositoryRoot/build" -Filter '*.ps1' -File)
    $script:Files = @($moduleFiles + $buildFiles | ForEach-Object {
            @{ Path = $_.FullName; Name = [System.IO.Path]::GetRelativePath($script:RepositoryRoot, $_.FullName) }
        })
}

BeforeAll {
    . "$PSScriptRoot/../../build/SharedToolModules.ps1"
    $minimum = [version]'1.24.0'
    if (-not (Get-Module -ListAvailable -Name PSScriptAnalyzer | Where-Object Version -ge $minimum)) {
        $shared = Get-SharedToolModulePath -Name PSScriptAnalyzer -MinimumVersion $minimum
        if (-not $shared) { throw "PSScriptAnalyzer $minimum or later is not installed and ../shared/tools/modules has none: run ./build.ps1 -Task Pester." }
        Add-ModulePath $shared -Last
    }
    Import-Module PSScriptAnalyzer -MinimumVersion $minimum -ErrorAction Stop
}

Describe 'PSScriptAnalyzer, PSGallery rules' {
    It 'finds the laid-out manifest and the build scripts' -ForEach @{ Count = @($script:Files).Count; Names = @($script:Files.Name) } {
        $Names | Should -Contain 'build.ps1'
        @($Names | Where-Object { $_ -like 'out*OpenAIVideos.psd1' }).Count | Should -Be 1
    }

    It 'reports what it should (a planted alias is a finding), so no finding below means none' {
        $planted = Invoke-ScriptAnalyzer -ScriptDefinition 'gci | ? Name' -Settings PSGallery
        @($planted.RuleName) | Should -Contain 'PSAvoidUsingCmdletAliases'
    }

    It '<Name>: no findings' -ForEach $script:Files {
        $findings = @(Invoke-ScriptAnalyzer -Path $Path -Settings PSGallery)
        $findings | ForEach-Object { "$($_.RuleName) line $($_.Line): $($_.Message)" } | Should -BeNullOrEmpty
    }
}
