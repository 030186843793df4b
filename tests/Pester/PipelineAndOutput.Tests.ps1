#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
<#
    What PowerShell itself judges about the cmdlets' pipelines and output (issue 17): rows from Import-Csv and
    ConvertFrom-Json bind by property name, an object without a prompt or id is refused and nothing is sent, piped
    prompts with -Wait are waited on together, Save-VideoContent -PassThru writes provider items, Remove-Video -Force
    has its documented meaning, and times are local.
    "Nothing sent" is read from the emulator's request counts (/_emulator/stats).
#>

BeforeAll {
    . "$PSScriptRoot/TestEmulator.ps1"
    . "$PSScriptRoot/FreshPowerShell.ps1"
    Import-BuiltModule
    $script:Manifest = (Get-ChildItem -Path "$script:RepositoryRoot/out/OpenAIVideos" -Filter 'OpenAIVideos.psd1' -Recurse |
        Sort-Object FullName -Descending | Select-Object -First 1).FullName
    # Three seconds a job: long enough that videos created one after another's wait cannot all be created before any ends.
    $script:Emulator = Start-TestEmulator -LogFolder $TestDrive -JobSeconds 3
    $script:BaseUri = $script:Emulator.BaseUri
    $script:Root = $script:BaseUri -replace '/v1/?$', ''
    Connect-OpenAIVideo -Emulator -BaseUri $script:BaseUri -ApiKey $script:Emulator.ApiKey

    function Get-RequestCount([string] $Operation) {
        $stats = Invoke-RestMethod -Uri "$script:Root/_emulator/stats" -Headers @{ Authorization = "Bearer $($script:Emulator.ApiKey)" }
        [int]($stats.requests_by_operation.$Operation)
    }

    $script:Mp4 = Join-Path $TestDrive 'clip.mp4'
    [System.IO.File]::WriteAllBytes($script:Mp4, $script:Mp4StubBytes)
}

AfterAll {
    Disconnect-OpenAIVideo -ErrorAction SilentlyContinue
    Stop-TestEmulator $script:Emulator
    Remove-Module OpenAIVideos -Force -ErrorAction SilentlyContinue
}

Describe 'New-Video takes rows' {
    It 'binds Prompt, Seconds, Size and Model from Import-Csv columns (an unknown Name column is ignored)' {
        $csv = Join-Path $TestDrive 'prompts.csv'
        @(
            [pscustomobject]@{ Prompt = 'a paper boat on a river'; Seconds = 8; Size = '1280x720'; Model = 'sora-2'; Name = 'boat' }
            [pscustomobject]@{ Prompt = 'a kite over a beach'; Seconds = 4; Size = '720x1280'; Model = 'sora-2-pro'; Name = 'kite' }
        ) | Export-Csv -Path $csv -NoTypeInformation
        $videos = Import-Csv $csv | New-Video
        $videos.Prompt | Should -Be @('a paper boat on a river', 'a kite over a beach')
        $videos.Seconds | Should -Be @('8', '4')
        $videos.Size | Should -Be @('1280x720', '720x1280')
        $videos.Model | Should -Be @('sora-2', 'sora-2-pro')
    }

    It 'binds ConvertFrom-Json rows, numbers included, and leaves an empty cell to the default' {
        $videos = '[{"prompt":"a red fox","seconds":8},{"prompt":"a grey wolf","seconds":4,"size":""}]' | ConvertFrom-Json | New-Video
        $videos.Prompt | Should -Be @('a red fox', 'a grey wolf')
        $videos.Seconds | Should -Be @('8', '4')
        $videos[1].Size | Should -Be '720x1280'
    }

    It 'refuses an object without a Prompt and sends nothing for it, while the strings around it are made' {
        $before = Get-RequestCount create
        $row = [pscustomobject]@{ Title = 'a paper boat'; Seconds = 4 }
        $videos = 'a first fox', $row, 'a second fox' | New-Video -ErrorAction SilentlyContinue -ErrorVariable refused
        $videos.Prompt | Should -Be @('a first fox', 'a second fox')
        $refused | Should -HaveCount 1
        $refused[0].FullyQualifiedErrorId | Should -Be 'ParameterArgumentTransformationError,OpenAIVideos.Commands.NewVideoCommand'
        $refused[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $refused[0].TargetObject.Title | Should -Be 'a paper boat'
        $refused[0].Exception.Message | Should -Match 'no Prompt property'
        (Get-RequestCount create) - $before | Should -Be 2
    }

    It 'refuses a hashtable, which binds no other column by name' {
        $before = Get-RequestCount create
        @{ Prompt = 'a fox'; Seconds = 8 } | New-Video -ErrorAction SilentlyContinue -ErrorVariable refused | Should -BeNullOrEmpty
        $refused[0].Exception.Message | Should -Match 'pscustomobject'
        (Get-RequestCount create) - $before | Should -Be 0
    }
}

Describe 'Ids from the pipeline' {
    It 'an object without an Id is refused by Get-Video, Remove-Video, Wait-Video and Save-VideoContent; nothing is sent' {
        $row = [pscustomobject]@{ Name = 'not a video' }
        $before = (Get-RequestCount retrieve) + (Get-RequestCount delete) + (Get-RequestCount content)
        foreach ($command in 'Get-Video', 'Remove-Video', 'Wait-Video', 'Save-VideoContent') {
            $extra = if ($command -eq 'Remove-Video') { @{ Force = $true } } elseif ($command -eq 'Save-VideoContent') { @{ Path = $TestDrive } } else { @{} }
            $row | & $command @extra -ErrorAction SilentlyContinue -ErrorVariable refused | Should -BeNullOrEmpty
            $refused[0].FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentTransformationError,*' -Because $command
        }
        (Get-RequestCount retrieve) + (Get-RequestCount delete) + (Get-RequestCount content) | Should -Be $before
    }

    It 'remix, edit and extension take a piped id string, and refuse an object without an Id with nothing sent' {
        $source = New-Video 'a source lantern' -Wait -TimeoutSec 60
        ($source.Id | Invoke-VideoRemix -Prompt 'now in blue').RemixedFromVideoId | Should -Be $source.Id
        $before = (Get-RequestCount remix) + (Get-RequestCount edit) + (Get-RequestCount extend)
        $row = [pscustomobject]@{ Name = 'not a video' }
        $row | Invoke-VideoRemix -Prompt 'p' -ErrorAction SilentlyContinue -ErrorVariable refused | Should -BeNullOrEmpty
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentTransformationError,*'
        $row | Invoke-VideoEdit -Prompt 'p' -ErrorAction SilentlyContinue -ErrorVariable refused | Should -BeNullOrEmpty
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentTransformationError,*'
        $row | Invoke-VideoExtension -Prompt 'p' -Seconds 4 -ErrorAction SilentlyContinue -ErrorVariable refused | Should -BeNullOrEmpty
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentTransformationError,*'
        (Get-RequestCount remix) + (Get-RequestCount edit) + (Get-RequestCount extend) | Should -Be $before
    }

    It 'a row with a video_id column binds by the alias' {
        $video = New-Video 'an id in a column'
        ([pscustomobject]@{ video_id = $video.Id } | Get-Video).Id | Should -Be $video.Id
    }

    It 'New-VideoCharacter takes Name and Path columns' {
        $characters = [pscustomobject]@{ Name = 'Captain Fox'; Path = $script:Mp4 }, [pscustomobject]@{ Name = 'Doctor Owl'; Path = $script:Mp4 } |
            New-VideoCharacter
        $characters.Name | Should -Be @('Captain Fox', 'Doctor Owl')
    }
}

Describe 'New-Video -Wait with several prompts' {
    It 'waits for them together: every video is created before the first one ends' {
        $videos = 'a first lantern', 'a second lantern', 'a third lantern' | New-Video -Wait -TimeoutSec 120
        $videos | Should -HaveCount 3
        $videos.Status | Should -Be @('completed', 'completed', 'completed')
        # One after another, each create would follow the previous video's end (jobs take 3 s, times are whole seconds).
        $lastCreated = ($videos.CreatedAt | Measure-Object -Maximum).Maximum
        $firstCompleted = ($videos.CompletedAt | Measure-Object -Minimum).Minimum
        $lastCreated | Should -BeLessThan $firstCompleted
    }
}

Describe 'Save-VideoContent -PassThru' {
    It 'writes the file as Get-Item would: a provider item that formats with Mode, Length and the Directory header' {
        $video = New-Video 'a saved lantern' -Wait -TimeoutSec 60
        $folder = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'saved') -Force
        $file = Save-VideoContent $video.Id -Path $folder.FullName -PassThru
        $file | Should -BeOfType System.IO.FileInfo
        $item = Get-Item -LiteralPath $file.FullName
        $file.PSPath | Should -Be $item.PSPath
        $file.PSParentPath | Should -Be $item.PSParentPath
        $file.PSProvider.Name | Should -Be 'FileSystem'
        $text = $file | Out-String -Width 120
        $text | Should -Match ([regex]::Escape("Directory: $($folder.FullName)"))
        $text | Should -Match "\b$($item.Length)\b"
        $text | Should -Be ($item | Out-String -Width 120)
    }
}

Describe 'Remove-Video -Force' {
    BeforeAll {
        # A runspace without a host UI cannot ask: a confirmation prompt there is an error, so asking is observable.
        $script:InRunspace = {
            param([string] $Script, [object[]] $Arguments)
            $ps = [powershell]::Create()
            try {
                $null = $ps.AddScript("Import-Module '$script:Manifest'").AddStatement().AddScript($Script)
                foreach ($argument in $Arguments) { $null = $ps.AddArgument($argument) }
                $output = $ps.Invoke()
                [pscustomobject]@{ Output = $output; Errors = @($ps.Streams.Error) }
            }
            finally { $ps.Dispose() }
        }
        $script:Remove = 'param($BaseUri, $Key, $Id, $Preference, $Switches) $ConfirmPreference = $Preference; Remove-Video $Id -BaseUri $BaseUri -ApiKey $Key -PassThru @Switches'
    }

    It 'suppresses the confirmation $ConfirmPreference asks for' {
        $video = New-Video 'to be removed by force' -Wait -TimeoutSec 60
        $asked = & $script:InRunspace $script:Remove @($script:BaseUri, $script:Emulator.ApiKey, $video.Id, 'Medium', @{})
        $asked.Errors | Should -Not -BeNullOrEmpty
        (Get-Video $video.Id).Id | Should -Be $video.Id
        $forced = & $script:InRunspace $script:Remove @($script:BaseUri, $script:Emulator.ApiKey, $video.Id, 'Medium', @{ Force = $true })
        $forced.Errors | Should -BeNullOrEmpty
        $forced.Output[0].Deleted | Should -BeTrue
    }

    It 'does not override an explicit -Confirm' {
        $video = New-Video 'asked about despite force' -Wait -TimeoutSec 60
        $asked = & $script:InRunspace $script:Remove @($script:BaseUri, $script:Emulator.ApiKey, $video.Id, 'High', @{ Force = $true; Confirm = $true })
        $asked.Errors | Should -Not -BeNullOrEmpty
        (Get-Video $video.Id).Id | Should -Be $video.Id
    }
}

Describe 'Times' {
    It 'a character''s CreatedAt is local, like a video''s' {
        $result = Invoke-FreshPowerShell -Environment @{ TZ = 'Asia/Kolkata' } -ArgumentList $script:Manifest, $script:BaseUri, $script:Emulator.ApiKey, $script:Mp4 -Script {
            param($Module, $BaseUri, $Key, $Mp4)
            Import-Module $Module
            $character = New-VideoCharacter -Name 'Local Fox' -Path $Mp4 -BaseUri $BaseUri -ApiKey $Key
            $video = New-Video 'a local fox' -BaseUri $BaseUri -ApiKey $Key
            [pscustomobject]@{
                Character = $character.CreatedAt.Offset.TotalMinutes
                Video = $video.CreatedAt.Offset.TotalMinutes
                List = ($character | Format-List | Out-String)
            }
        }
        $result.Character | Should -Be 330
        $result.Video | Should -Be 330
        $result.List | Should -Match '\+05:30'
    }
}

Describe 'Wait-Video when the server cannot be reached' {
    It 'says so on the bar and in a warning, and at -TimeoutSec fails with ConnectionFailed, not "goes on running"' {
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start()
        $closed = "http://127.0.0.1:$(([System.Net.IPEndPoint]$listener.LocalEndpoint).Port)/v1"
        $listener.Stop()
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript("Import-Module '$script:Manifest'").AddStatement().AddScript(
                'param($BaseUri) Wait-Video video_x -BaseUri $BaseUri -ApiKey sk-none -MaxRetries 0 -TimeoutSec 3').AddArgument($closed)
            $null = $ps.Invoke()
            $errors = @($ps.Streams.Error)
            $errors | Should -HaveCount 1
            $errors[0].FullyQualifiedErrorId | Should -BeLike 'ConnectionFailed,*'
            $errors[0].Exception.Message | Should -Match 'never reached'
            $errors[0].Exception.Message | Should -Not -Match 'goes on running'
            @($ps.Streams.Warning) | Should -HaveCount 1
            $ps.Streams.Warning[0].Message | Should -Match 'does not answer'
            @($ps.Streams.Progress | Where-Object StatusDescription -Match 'server unreachable, retrying') | Should -Not -BeNullOrEmpty
        }
        finally { $ps.Dispose() }
    }
}

Describe 'Refused arguments' {
    It 'read cleanly, without "(Parameter ''value'')", and say what to do' {
        { Get-Video -BaseUri 'ftp://example.com/v1' -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidConnectionParameter,*'
        $Error[0].ToString() | Should -Not -Match '\(Parameter '
        $Error[0].ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
        { Save-VideoContent video_x -Variant video, thumbnail -Path (Join-Path $TestDrive 'one.mp4') -ErrorAction Stop } |
            Should -Throw -ErrorId 'PathNotFolder,*'
        $Error[0].ToString() | Should -Not -Match '\(Parameter '
        $Error[0].ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
    }
}
