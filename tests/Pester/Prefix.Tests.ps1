#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
<#
    Beside PSOpenAI, whose New-Video, Get-Video, Remove-Video and Wait-Video (functions, in mkht/PSOpenAI Public/Videos
    at ab44dd1) share this module's names: in a fresh PowerShell with a stand-in PSOpenAI (functions of those names),
    the plain name runs PSOpenAI's and OpenAIVideos\Get-Video runs this module's; and `Import-Module OpenAIVideos
    -Prefix Oai` keeps the views (by type name), the completers (argument completer attributes), the pipelines (binding
    by property name) and the help (Get-Help finds the MAML under the prefixed name).
#>

BeforeAll {
    . "$PSScriptRoot/TestEmulator.ps1"
    . "$PSScriptRoot/FreshPowerShell.ps1"
    $script:Manifest = (Get-ChildItem -Path "$script:RepositoryRoot/out/OpenAIVideos" -Filter 'OpenAIVideos.psd1' -Recurse |
            Sort-Object FullName -Descending | Select-Object -First 1).FullName
    $script:Emulator = Start-TestEmulator -LogFolder $TestDrive -JobSeconds 0.5

    # A stand-in for PSOpenAI: a script module whose commands of the shared names say whose they are.
    $script:PSOpenAI = Join-Path $TestDrive 'PSOpenAI'
    $null = New-Item -ItemType Directory -Path $script:PSOpenAI
    Set-Content -LiteralPath (Join-Path $script:PSOpenAI 'PSOpenAI.psm1') -Value (
        @('New-Video', 'Get-Video', 'Remove-Video', 'Wait-Video' | ForEach-Object { "function $_ { 'PSOpenAI' }" }) -join "`n")
}

AfterAll {
    Stop-TestEmulator $script:Emulator
}

Describe 'Beside PSOpenAI' {
    It 'the plain name runs PSOpenAI''s function, whatever the import order; OpenAIVideos\Get-Video runs this module''s' {
        $result = Invoke-FreshPowerShell -ArgumentList $script:Manifest, $script:PSOpenAI, $script:Emulator.BaseUri, $script:Emulator.ApiKey -Script {
            param($Manifest, $PSOpenAI, $BaseUri, $ApiKey)
            Import-Module $Manifest
            Import-Module (Join-Path $PSOpenAI 'PSOpenAI.psm1')
            $plainAfter = Get-Video
            Remove-Module PSOpenAI
            Import-Module (Join-Path $PSOpenAI 'PSOpenAI.psm1')
            Import-Module $Manifest -Force
            [pscustomobject]@{
                PlainWhenImportedLast  = "$plainAfter"
                PlainWhenImportedFirst = "$(Get-Video)"
                Qualified              = @(OpenAIVideos\Get-Video -First 1 -BaseUri $BaseUri -ApiKey $ApiKey).Count
                QualifiedType          = (Get-Command OpenAIVideos\Get-Video).CommandType.ToString()
            }
        }
        $result.PlainWhenImportedLast | Should -Be 'PSOpenAI'
        $result.PlainWhenImportedFirst | Should -Be 'PSOpenAI'
        $result.QualifiedType | Should -Be 'Cmdlet'
        $result.Qualified | Should -Be 0
    }

    It 'Import-Module -Prefix Oai keeps the views, completers, pipelines and help' {
        $out = Join-Path $TestDrive 'prefixed'
        $result = Invoke-FreshPowerShell -ArgumentList $script:Manifest, $script:PSOpenAI, $script:Emulator.BaseUri, $script:Emulator.ApiKey, $out -Script {
            param($Manifest, $PSOpenAI, $BaseUri, $ApiKey, $Out)
            Import-Module (Join-Path $PSOpenAI 'PSOpenAI.psm1')
            Import-Module $Manifest -Prefix Oai
            $null = New-Item -ItemType Directory -Path $Out
            Connect-OaiOpenAIVideo -Emulator -BaseUri $BaseUri -ApiKey $ApiKey
            $saved = @('a fox in the snow', 'a cat on a piano' | New-OaiVideo | Wait-OaiVideo -TimeoutSec 60 | Save-OaiVideoContent -Path $Out -PassThru)
            $table = Get-OaiVideo | Out-String -Width 120
            $complete = {
                param($Line)
                @((TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches.CompletionText)
            }
            $listedId = @(Get-OaiVideo)[0].Id
            $ids = & $complete 'Get-OaiVideo -VideoId '
            $removed = @(Get-OaiVideo | Where-Object Status -eq completed | Remove-OaiVideo -Confirm:$false -PassThru)
            [pscustomobject]@{
                Commands      = @(Get-Command -Module OpenAIVideos | ForEach-Object Name | Sort-Object)
                PlainGetVideo = "$(Get-Video)"
                Saved         = $saved.Count
                TableHeader   = @($table -split '\r?\n' | Where-Object { $_ -match '^Id\s' })[0]
                Models        = & $complete 'New-OaiVideo -Model '
                Servers       = & $complete 'Connect-OaiOpenAIVideo -Server Vl'
                Ids           = $ids
                ListedId      = $listedId
                Removed       = @($removed | Where-Object Deleted).Count
                Examples      = @((Get-Help New-OaiVideo -Examples).Examples.Example).Count
            }
        }
        $result.Commands | Should -Contain 'New-OaiVideo'
        $result.Commands | Should -Contain 'Save-OaiVideoContent'
        $result.Commands | Should -Not -Contain 'New-Video'
        $result.PlainGetVideo | Should -Be 'PSOpenAI'
        $result.Saved | Should -Be 2
        @(Get-ChildItem -LiteralPath $out -Filter '*.mp4').Count | Should -Be 2
        $result.TableHeader | Should -Match '^Id\s+Status\s+Progress\s+Created\s+Prompt'
        $result.Models | Should -Contain 'sora-2'
        $result.Servers | Should -Contain 'VllmOmni'
        $result.Ids | Should -Contain $result.ListedId
        $result.Removed | Should -Be 2
        $result.Examples | Should -BeGreaterThan 0
    }
}
