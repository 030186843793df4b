#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
<#
    Importing the module in a fresh PowerShell, as a user's first command does: the cmdlets are there, the engine and
    its dependencies load into the module's private AssemblyLoadContext, another module's versions of those
    dependencies do not clash with ours in either order, and no exported type of the cmdlet assembly needs the engine
    to load (PowerShell reflects over them before the module initializer can register the private context).
#>

BeforeAll {
    . "$PSScriptRoot/TestEmulator.ps1"
    . "$PSScriptRoot/FreshPowerShell.ps1"
    $script:Manifest = (Get-ChildItem -Path "$script:RepositoryRoot/out/OpenAIVideos" -Filter 'OpenAIVideos.psd1' -Recurse |
            Sort-Object FullName -Descending | Select-Object -First 1).FullName
    if (-not $script:Manifest) { throw 'No laid-out module under out/OpenAIVideos; run ./build.ps1 -Task Build first.' }
    $script:Emulator = Start-TestEmulator -LogFolder $TestDrive

    # Imports the module, makes one request (so the engine and Polly really load) and
    # reports the load context of each of those assemblies. $Other, when given, is imported first or after.
    $script:ImportAndCall = {
        param($Manifest, $BaseUri, $ApiKey, $Other, $OtherFirst)
        if ($Other -and $OtherFirst -eq 'yes') { Import-Module $Other }
        Import-Module $Manifest
        $listed = @(Get-Video -First 1 -BaseUri $BaseUri -ApiKey $ApiKey)
        if ($Other -and $OtherFirst -ne 'yes') { Import-Module $Other }
        $otherUse = if ($Other) { Use-OtherDependency } else { $null }
        $names = 'OpenAIVideos.Client', 'Microsoft.Extensions.Http', 'Polly.Core', 'Microsoft.Extensions.DependencyInjection', 'OpenAIVideos.Emulator'
        $loaded = foreach ($assembly in [AppDomain]::CurrentDomain.GetAssemblies()) {
            $name = $assembly.GetName().Name
            if ($names -notcontains $name) { continue }
            [pscustomobject]@{
                Name        = $name
                Context     = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($assembly).Name
                FileVersion = [System.Diagnostics.FileVersionInfo]::GetVersionInfo($assembly.Location).FileVersion
            }
        }
        [pscustomobject]@{ Listed = $listed.Count; Loaded = @($loaded); Other = $otherUse }
    }

    function New-OtherDependencyModule {
        # "Another module": a script module that loads Polly.Core 8.4.2 and Microsoft.Extensions.Http 8.0.1 (restored
        # by tests/Pester/Fixtures) into the default context and uses a type of each.
        $project = Join-Path $PSScriptRoot 'Fixtures/OtherDependencyVersions.csproj'
        & dotnet restore $project --nologo -v quiet | Out-Null
        if ($LASTEXITCODE -ne 0) { throw "dotnet restore $project failed." }
        $packages = "$(& dotnet msbuild $project -nologo -getProperty:NuGetPackageRoot)".Trim()
        $folder = Join-Path $TestDrive 'OtherDependency'
        $null = New-Item -ItemType Directory -Path $folder -Force
        Copy-Item (Join-Path $packages 'polly.core/8.4.2/lib/net8.0/Polly.Core.dll') $folder
        Copy-Item (Join-Path $packages 'microsoft.extensions.http/8.0.1/lib/net8.0/Microsoft.Extensions.Http.dll') $folder
        Set-Content -LiteralPath (Join-Path $folder 'OtherDependency.psm1') -Value @'
Add-Type -Path (Join-Path $PSScriptRoot 'Polly.Core.dll')
Add-Type -Path (Join-Path $PSScriptRoot 'Microsoft.Extensions.Http.dll')
function Use-OtherDependency {
    $pipeline = [Polly.ResiliencePipelineBuilder]::new().Build()
    $options = [Microsoft.Extensions.Http.HttpClientFactoryOptions]::new()
    [pscustomobject]@{
        Polly      = [System.Diagnostics.FileVersionInfo]::GetVersionInfo($pipeline.GetType().Assembly.Location).FileVersion
        Http       = [System.Diagnostics.FileVersionInfo]::GetVersionInfo($options.GetType().Assembly.Location).FileVersion
        HandlerLifetimeMinutes = $options.HandlerLifetime.TotalMinutes
    }
}
'@
        Join-Path $folder 'OtherDependency.psm1'
    }
}

AfterAll {
    Stop-TestEmulator $script:Emulator
}

Describe 'Import-Module in a fresh PowerShell' {
    It 'imports the laid-out module and lists every cmdlet the manifest exports' {
        $result = Invoke-FreshPowerShell -ArgumentList $script:Manifest -Script {
            param($Manifest)
            Import-Module $Manifest
            [pscustomobject]@{
                Commands = @((Get-Command -Module OpenAIVideos).Name | Sort-Object)
                Exported = @((Import-PowerShellDataFile $Manifest).CmdletsToExport | Sort-Object)
            }
        }
        $result.Commands | Should -Be $result.Exported
        $result.Commands | Should -Contain 'New-Video'
        $result.Commands.Count | Should -BeGreaterOrEqual 13
    }

    It 'loads the engine and Polly in the private load context, not the default one, and no Microsoft.Extensions.*' {
        $result = Invoke-FreshPowerShell -Script $script:ImportAndCall -ArgumentList $script:Manifest, $script:Emulator.BaseUri, $script:Emulator.ApiKey
        $result.Listed | Should -Be 0
        foreach ($name in 'OpenAIVideos.Client', 'Polly.Core') {
            $copies = @($result.Loaded | Where-Object Name -eq $name)
            $copies.Count | Should -Be 1 -Because "$name should load once"
            $copies[0].Context | Should -Be 'OpenAIVideos' -Because "$name belongs in the module's private context"
        }
        # On PowerShell 7 the engine pools connections with its own handler: no IHttpClientFactory, no DI container.
        @($result.Loaded | Where-Object Name -like 'Microsoft.Extensions.*').Name | Should -BeNullOrEmpty
        # The engine references the emulator (Start-VideoEmulator), but only starting one loads it.
        @($result.Loaded | Where-Object Name -eq 'OpenAIVideos.Emulator').Count | Should -Be 0
    }

    It 'works beside another module with Polly 8.4.2 and Microsoft.Extensions.Http 8.0.1, imported <When>' -ForEach @(
        @{ When = 'first'; OtherFirst = 'yes' }
        @{ When = 'after ours was used'; OtherFirst = 'no' }
    ) {
        $other = New-OtherDependencyModule
        $result = Invoke-FreshPowerShell -Script $script:ImportAndCall -ArgumentList $script:Manifest, $script:Emulator.BaseUri, $script:Emulator.ApiKey, $other, $OtherFirst
        $result.Listed | Should -Be 0
        # Theirs work, from the default context...
        $result.Other.Polly | Should -BeLike '8.4.2*'
        $result.Other.Http | Should -BeLike '8.0.1*'
        $result.Other.HandlerLifetimeMinutes | Should -Be 2
        @($result.Loaded | Where-Object { $_.Name -eq 'Polly.Core' -and $_.Context -eq 'Default' }).Count | Should -Be 1
        # ...and ours are still ours, in the private one.
        ($result.Loaded | Where-Object { $_.Name -eq 'Polly.Core' -and $_.Context -eq 'OpenAIVideos' }).FileVersion | Should -BeLike '8.5.2*'
        # Theirs is the only Microsoft.Extensions.Http in the process: ours needs none on PowerShell 7.
        $http = @($result.Loaded | Where-Object Name -eq 'Microsoft.Extensions.Http')
        $http.Count | Should -Be 1
        $http[0].Context | Should -Be 'Default'
    }
}

Describe 'The cmdlet assembly' {
    It 'has no exported type that needs the engine to load (PowerShell reflects over them before OnImport)' {
        # The cmdlet assembly and the models alone, without Dependencies/: any exported type whose base, interfaces
        # or field layout involve an engine type makes GetExportedTypes throw FileNotFoundException here.
        $folder = Join-Path $TestDrive 'without-engine'
        $null = New-Item -ItemType Directory -Path $folder -Force
        $moduleBase = Split-Path -Parent $script:Manifest
        Copy-Item (Join-Path $moduleBase 'OpenAIVideos.dll'), (Join-Path $moduleBase 'OpenAIVideos.Models.dll') $folder
        $result = Invoke-FreshPowerShell -ArgumentList (Join-Path $folder 'OpenAIVideos.dll') -Script {
            param($Assembly)
            $types = try { [System.Reflection.Assembly]::LoadFrom($Assembly).GetExportedTypes() } catch { $null; $failure = $_.Exception.InnerException.Message }
            [pscustomobject]@{
                Exported     = @($types).Count
                Failure      = $failure
                EngineLoaded = @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'OpenAIVideos.Client' }).Count
            }
        }
        $result.Failure | Should -BeNullOrEmpty
        $result.Exported | Should -BeGreaterThan 13
        $result.EngineLoaded | Should -Be 0
    }
}

Describe 'Help in a fresh PowerShell' {
    It 'Get-Help about_OpenAIVideos finds the topic the build laid out, as console text' {
        $result = Invoke-FreshPowerShell -ArgumentList $script:Manifest -Script {
            param($Manifest)
            Import-Module $Manifest
            $topic = Get-Help about_OpenAIVideos
            [pscustomobject]@{ Name = $topic.Name; Text = ($topic | Out-String -Width 120) }
        }
        $result.Name | Should -Be 'about_OpenAIVideos'
        $result.Text | Should -Match '(?m)^POWERSHELL VERSIONS AND WHAT IS TESTED\s*$'
        # A sentence of the source paragraph comes back whole (wrapped between words, its markdown taken off).
        ($result.Text -replace '\s+', ' ') | Should -Match ([regex]::Escape('is built for (netstandard2.0, with its dependencies in Dependencies/Desktop resolved by an AssemblyResolve handler) but cannot be run'))
    }

    It 'Get-Help New-Video shows the syntax PowerShell derives from the cmdlet' {
        $result = Invoke-FreshPowerShell -ArgumentList $script:Manifest -Script {
            param($Manifest)
            Import-Module $Manifest
            [pscustomobject]@{ Syntax = (Get-Help New-Video | Out-String -Width 120) }
        }
        $result.Syntax | Should -Match 'New-Video \[-Prompt\] <string>'
        $result.Syntax | Should -Match '-Server'
    }
}
