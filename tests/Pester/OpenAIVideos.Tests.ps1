#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
<#
    End-to-end tests of every cmdlet against the emulator.
    Expects a build laid out as out/OpenAIVideos/<version>/OpenAIVideos.psd1 and out/emulator/OpenAIVideos.Emulator.dll.
    The emulator finishes jobs after one second and fails any whose prompt contains [emulator:fail] (moderation_blocked).
#>

BeforeAll {
    . "$PSScriptRoot/TestEmulator.ps1"
    Import-BuiltModule
    $script:Emulator = Start-TestEmulator -LogFolder $TestDrive
    $script:BaseUri = $script:Emulator.BaseUri
    Connect-OpenAIVideo -Emulator -BaseUri $script:BaseUri -ApiKey 'pester-key'

    $script:Mp4 = Join-Path $TestDrive 'clip.mp4'
    [System.IO.File]::WriteAllBytes($script:Mp4, $script:Mp4StubBytes)

    $script:Completed = New-Video 'a lighthouse at dusk' -Wait -TimeoutSec 60
}

AfterAll {
    Disconnect-OpenAIVideo -ErrorAction SilentlyContinue
    Stop-TestEmulator $script:Emulator
    Remove-Module OpenAIVideos -Force -ErrorAction SilentlyContinue
}

Describe 'The module' {
    It 'exports exactly the nineteen cmdlets' {
        $expected = 'Connect-OpenAIVideo', 'Disconnect-OpenAIVideo', 'Get-OpenAIVideoConnection', 'Get-Video', 'Get-VideoCharacter', 'Get-VideoModel',
            'Invoke-VideoBatch', 'Invoke-VideoEdit', 'Invoke-VideoExtension', 'Invoke-VideoRemix', 'New-Video', 'New-VideoCharacter', 'Remove-Video',
            'Save-VideoContent', 'Wait-Video', 'Start-VideoEmulator', 'Get-VideoEmulator', 'Stop-VideoEmulator', 'Add-VideoEmulatorFault'
        (Get-Command -Module OpenAIVideos).Name | Sort-Object | Should -Be ($expected | Sort-Object)
    }
}

Describe 'Connection' {
    It 'Get-OpenAIVideoConnection shows the session default without the key' {
        $connection = Get-OpenAIVideoConnection
        $connection.BaseUri | Should -Be ([uri]$script:BaseUri)
        $connection.HasApiKey | Should -BeTrue
        $connection.Source | Should -Be 'Session'
        ($connection | Format-List * | Out-String) | Should -Not -Match 'pester-key'
        $connection.PSObject.Properties.Name | Should -Not -Contain 'ApiKey'
    }

    It 'Connect-OpenAIVideo -PassThru writes the connection; Disconnect-OpenAIVideo falls back to the environment' {
        $passed = Connect-OpenAIVideo -Emulator -BaseUri $script:BaseUri -ApiKey (ConvertTo-SecureString 'pester-key' -AsPlainText -Force) -PassThru
        $passed.GetType().FullName | Should -Be 'OpenAIVideos.Commands.OpenAIVideoConnection'
        $passed.AuthenticationStyle | Should -Be 'Bearer'
        try {
            Disconnect-OpenAIVideo
            (Get-OpenAIVideoConnection).Source | Should -Be 'Environment'
        }
        finally {
            Connect-OpenAIVideo -Emulator -BaseUri $script:BaseUri -ApiKey 'pester-key'
        }
    }

    It 'explicit parameters win over the session default' {
        { Get-Video -First 1 -BaseUri $script:BaseUri -ApiKey 'wrong-key' -MaxRetries 0 -ErrorAction Stop } |
            Should -Throw -ErrorId 'AuthenticationFailed,*'
    }

    It 'a missing key for OpenAI''s host is a terminating ApiKeyMissing error' {
        $saved = $env:OPENAI_API_KEY, $env:OPENAI_BASE_URL, $env:AZURE_OPENAI_API_KEY
        try {
            $env:OPENAI_API_KEY = $null; $env:OPENAI_BASE_URL = $null; $env:AZURE_OPENAI_API_KEY = $null
            Disconnect-OpenAIVideo
            { Get-Video -ErrorAction SilentlyContinue } | Should -Throw -ErrorId 'ApiKeyMissing,*'
        }
        finally {
            $env:OPENAI_API_KEY, $env:OPENAI_BASE_URL, $env:AZURE_OPENAI_API_KEY = $saved
            Connect-OpenAIVideo -Emulator -BaseUri $script:BaseUri -ApiKey 'pester-key'
        }
    }
}

Describe 'New-Video' {
    It 'creates one video per piped prompt' {
        $videos = 'a fox', 'a cat' | New-Video -Seconds 4
        $videos | Should -HaveCount 2
        $videos[0] | Should -BeOfType 'OpenAIVideos.Video'
        $videos.Prompt | Should -Be @('a fox', 'a cat')
        $videos.Seconds | Should -Be @('4', '4')
    }

    It 'takes an integer -Seconds and sends it as the API''s string' {
        (New-Video 'a dog' -Seconds 8 -Model sora-2 -Size 1280x720).Seconds | Should -Be '8'
    }

    It '-WhatIf creates nothing' {
        $before = @(Get-Video).Count
        New-Video 'never made' -Model sora-2-pro -Size 1792x1024 -WhatIf
        @(Get-Video).Count | Should -Be $before
    }

    It '-Wait writes the finished video' {
        $script:Completed.Status | Should -Be 'completed'
        $script:Completed.Progress | Should -Be 100
    }

    It 'a failing job with -Wait -ErrorAction Stop throws VideoFailed with the API''s code' {
        { New-Video '[emulator:fail] a forbidden scene' -Wait -ErrorAction Stop } | Should -Throw -ErrorId 'VideoFailed,*'
        $Error[0].Exception.Message | Should -Match 'moderation_blocked'
    }

    It 'a failing job is still written to output' {
        $video = New-Video '[emulator:fail] also forbidden' -Wait -ErrorAction SilentlyContinue -ErrorVariable failure
        $video.Status | Should -Be 'failed'
        $video.Error.Code | Should -Be 'moderation_blocked'
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'VideoFailed,*'
        $failure[0].TargetObject.Id | Should -Be $video.Id
    }

    It 'passes -AdditionalProperties through: the strict (OpenAI) emulator names the field it does not know' {
        New-Video 'with extras' -AdditionalProperties @{ negative_prompt = 'blur' } -ErrorAction SilentlyContinue -ErrorVariable rejected |
            Should -BeNullOrEmpty
        $rejected[0].FullyQualifiedErrorId | Should -BeLike 'InvalidRequest,*'
        $rejected[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $rejected[0].Exception.Message | Should -Match "Unknown parameter: 'negative_prompt'"
    }

    It 'passes -AdditionalProperties through: a gateway accepts them' {
        $gateway = Start-TestEmulator -LogFolder (New-Item -ItemType Directory -Path (Join-Path $TestDrive 'gateway') -Force).FullName -Flavor gateway
        try {
            $video = New-Video 'with extras' -BaseUri $gateway.BaseUri -ApiKey $gateway.ApiKey -AdditionalProperties @{ seed = 7; negative_prompt = 'blur' }
            $video.Id | Should -Match '^video_'
            $video.Status | Should -Be 'queued'
        }
        finally {
            Stop-TestEmulator $gateway
        }
    }
}

Describe 'Get-Video' {
    It 'gets by id, by pipeline value and by property name' {
        (Get-Video $script:Completed.Id).Id | Should -Be $script:Completed.Id
        ($script:Completed.Id | Get-Video).Id | Should -Be $script:Completed.Id
        ($script:Completed | Get-Video).Id | Should -Be $script:Completed.Id
    }

    It 'lists, filters by status and pages with -First/-Skip' {
        @(Get-Video).Count | Should -BeGreaterThan 1
        Get-Video -Status COMPLETED | ForEach-Object { $_.Status | Should -Be 'completed' }
        @(Get-Video -First 1).Count | Should -Be 1
        @(Get-Video -First 2 -PageSize 1).Count | Should -Be 2
        (Get-Video -Skip 1 -First 1 -Order asc).Id | Should -Be (Get-Video -First 2 -Order asc)[1].Id
    }

    It 'an unknown id is a non-terminating VideoNotFound (ObjectNotFound)' {
        $result = Get-Video 'video_does_not_exist' -ErrorAction SilentlyContinue
        $result | Should -BeNullOrEmpty
        $Error[0].FullyQualifiedErrorId | Should -BeLike 'VideoNotFound,*'
        $Error[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $Error[0].TargetObject | Should -Be 'video_does_not_exist'
    }

    It 'keeps going after a failed id' {
        $found = Get-Video 'video_does_not_exist', $script:Completed.Id -ErrorAction SilentlyContinue
        $found.Id | Should -Be $script:Completed.Id
    }

    It 'logs each request to the verbose stream only when verbose is wanted, never with the key' {
        $id = $script:Completed.Id
        $lines = @(Get-Video $id -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message
        ($lines -join "`n") | Should -Match "GET videos/$id -> 200"
        ($lines -join "`n") | Should -Not -Match 'pester-key'
        @(Get-Video $id 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Count | Should -Be 0
        $VerbosePreference = 'Continue'
        try {
            @(Get-Video $id 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -join "`n" | Should -Match "GET videos/$id -> 200"
            @(Get-Video $id -Verbose:$false 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Count | Should -Be 0
        }
        finally {
            $VerbosePreference = 'SilentlyContinue'
        }
    }

    It 'a listing stopped downstream asks for no further page' {
        $null = 'another lighthouse', 'a third lighthouse' | New-Video
        $root = $script:BaseUri -replace '/v1/?$', ''
        $lists = { (Invoke-RestMethod -Uri "$root/_emulator/stats" -Headers @{ Authorization = 'Bearer pester-key' }).requests_by_operation.list }
        $before = & $lists
        @(Get-Video -PageSize 1 | Select-Object -First 2).Count | Should -Be 2
        # One video per page: the two pages those came from, and not one more.
        (& $lists) - $before | Should -Be 2
    }

    It 'fits the default table in 120 columns' {
        $text = Get-Video | Format-Table | Out-String -Width 120
        $text | Should -Match 'Prompt'
        ($text -split '\r?\n' | Measure-Object -Property Length -Maximum).Maximum | Should -BeLessOrEqual 120
    }
}

Describe 'Wait-Video' {
    It 'waits for several piped videos and writes each' {
        $videos = 'one', 'two', 'three' | New-Video | Wait-Video -TimeoutSec 60
        $videos | Should -HaveCount 3
        $videos.Status | Should -Be @('completed', 'completed', 'completed')
    }

    It 'reports a failed video as VideoFailed and still writes it' {
        $video = New-Video '[emulator:fail] doomed' | Wait-Video -ErrorAction SilentlyContinue -ErrorVariable failure
        $video.Status | Should -Be 'failed'
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'VideoFailed,*'
        { $video | Wait-Video -ErrorAction Stop } | Should -Throw -ErrorId 'VideoFailed,*'
    }
}

Describe 'Save-VideoContent' {
    It 'New-Video | Wait-Video | Save-VideoContent saves the MP4 named after the video' {
        $file = New-Video 'a red fox' | Wait-Video | Save-VideoContent -Path $TestDrive -PassThru
        $file | Should -BeOfType 'System.IO.FileInfo'
        $file.Name | Should -Match '^.+\.mp4$'
        $file.Length | Should -BeGreaterThan 0
    }

    It 'saves the thumbnail and spritesheet beside it' {
        $files = Save-VideoContent $script:Completed.Id -Variant thumbnail, spritesheet -Path $TestDrive -PassThru
        $files.Name | Should -Be @("$($script:Completed.Id).thumbnail.webp", "$($script:Completed.Id).spritesheet.jpg")
    }

    It 'saves to a file name, refuses to overwrite without -Force, overwrites with it' {
        $target = Join-Path $TestDrive 'named.mp4'
        (Save-VideoContent $script:Completed.Id -Path $target -PassThru).FullName | Should -Be $target
        Save-VideoContent $script:Completed.Id -Path $target -ErrorAction SilentlyContinue -ErrorVariable exists
        $exists[0].FullyQualifiedErrorId | Should -BeLike 'FileExists,*'
        (Save-VideoContent $script:Completed.Id -Path $target -Force -PassThru).FullName | Should -Be $target
    }

    It 'resolves a relative -Path against the PowerShell location' {
        Push-Location $TestDrive
        try {
            New-Item -ItemType Directory -Name 'relative' | Out-Null
            (Save-VideoContent $script:Completed.Id -Path 'relative' -PassThru).DirectoryName | Should -Be (Join-Path $TestDrive 'relative')
        }
        finally { Pop-Location }
    }
}

Describe 'Remix, extension and edit' {
    It 'Invoke-VideoRemix makes a remix of a piped video' {
        $remix = $script:Completed | Invoke-VideoRemix 'make it blue' -Wait -TimeoutSec 60
        $remix.RemixedFromVideoId | Should -Be $script:Completed.Id
        $remix.Status | Should -Be 'completed'
    }

    It 'Invoke-VideoExtension extends by id and by file' {
        ($script:Completed | Invoke-VideoExtension 'the sun sets' -Seconds 4 -Wait -TimeoutSec 60).Status | Should -Be 'completed'
        (Invoke-VideoExtension 'and goes on' -Path $script:Mp4 -Seconds 4) | Should -BeOfType 'OpenAIVideos.Video'
    }

    It 'Invoke-VideoEdit edits by id' {
        ($script:Completed | Invoke-VideoEdit 'add rain') | Should -BeOfType 'OpenAIVideos.Video'
    }

    It '-WhatIf spends nothing' {
        $before = @(Get-Video).Count
        $script:Completed | Invoke-VideoRemix 'nope' -WhatIf
        $script:Completed | Invoke-VideoExtension 'nope' -Seconds 4 -WhatIf
        $script:Completed | Invoke-VideoEdit 'nope' -WhatIf
        @(Get-Video).Count | Should -Be $before
    }
}

Describe 'Characters' {
    It 'New-VideoCharacter creates one and Get-VideoCharacter reads it back by pipeline' {
        $character = New-VideoCharacter -Name 'Captain Fox' -Path $script:Mp4
        $character | Should -BeOfType 'OpenAIVideos.VideoCharacter'
        ($character | Get-VideoCharacter).Name | Should -Be 'Captain Fox'
    }

    It 'an unknown character is CharacterNotFound' {
        Get-VideoCharacter 'char_missing' -ErrorAction SilentlyContinue -ErrorVariable missing
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'CharacterNotFound,*'
        $missing[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}

Describe 'Remove-Video' {
    It '-WhatIf removes nothing' {
        $script:Completed | Remove-Video -WhatIf
        (Get-Video $script:Completed.Id).Id | Should -Be $script:Completed.Id
    }

    It 'Get-Video | Where Status -eq failed | Remove-Video removes every failed video' {
        $null = New-Video '[emulator:fail] to be removed' | Wait-Video -ErrorAction SilentlyContinue
        @(Get-Video -Status failed).Count | Should -BeGreaterThan 0
        Get-Video | Where-Object Status -eq failed | Remove-Video -Confirm:$false
        @(Get-Video -Status failed).Count | Should -Be 0
    }

    It '-PassThru writes the deletion result; a second removal is a non-terminating VideoNotFound' {
        $video = New-Video 'short lived' | Wait-Video
        $result = $video | Remove-Video -Force -PassThru
        $result | Should -BeOfType 'OpenAIVideos.VideoDeletionResult'
        $result.Deleted | Should -BeTrue
        $video | Remove-Video -Force -ErrorAction SilentlyContinue -ErrorVariable gone
        $gone[0].FullyQualifiedErrorId | Should -BeLike 'VideoNotFound,*'
    }
}

Describe 'Completion' {
    It 'completes models, sizes, variants and video ids' {
        foreach ($case in @(
                @{ Line = 'New-Video x -Model sora-2-p'; Expected = 'sora-2-pro' }
                @{ Line = 'New-Video x -Size 1792'; Expected = '1792x1024' }
                @{ Line = 'New-Video x -Seconds 1'; Expected = '12' }
                @{ Line = 'Save-VideoContent x -Variant thu'; Expected = 'thumbnail' }
                @{ Line = 'Get-Video -Status in_'; Expected = 'in_progress' })) {
            (TabExpansion2 $case.Line $case.Line.Length).CompletionMatches.CompletionText | Should -Contain $case.Expected
        }
        $line = "Get-Video $($script:Completed.Id.Substring(0, $script:Completed.Id.Length - 1))"
        (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText | Should -Contain $script:Completed.Id
    }
}
