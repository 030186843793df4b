#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
<#
    The cmdlets speaking each self-hosted server's dialect (-Server VllmOmni, -Server SGLang) against the emulator's
    matching flavor (--flavor vllm-omni, --flavor sglang). The flavors refuse the encoding their server refuses
    (vLLM-Omni: anything but multipart; SGLang as of the older source: a multipart create without a file), so a create
    that works shows the encoding the module chose; the same create with -Server Generic shows the other one failing.
    "Sends nothing" is read from the emulator's request count (/_emulator/stats).
#>

BeforeDiscovery {
    $script:Servers = @(
        @{ Server = 'VllmOmni'; Flavor = 'vllm-omni'; Encoding = 'multipart'; Other = 'Generic'; OtherEncoding = 'JSON' }
        @{ Server = 'SGLang'; Flavor = 'sglang'; Encoding = 'JSON'; Other = 'VllmOmni'; OtherEncoding = 'multipart' }
    )
}

BeforeAll {
    . "$PSScriptRoot/TestEmulator.ps1"
    Import-BuiltModule

    # API requests so far: every operation but the admin calls (this one included).
    function Get-EmulatorRequestCount {
        param($Emulator)
        $root = $Emulator.BaseUri -replace '/v1$', ''
        $byOperation = (Invoke-RestMethod -Uri "$root/_emulator/stats" -Headers @{ Authorization = "Bearer $($Emulator.ApiKey)" }).requests_by_operation
        ($byOperation.PSObject.Properties | Where-Object Name -ne 'admin' | Measure-Object -Property Value -Sum).Sum
    }
}

Describe '-Server <Server> against the <Flavor> flavor' -ForEach $script:Servers {
    BeforeAll {
        $script:Emulator = Start-TestEmulator -LogFolder $TestDrive -Flavor $Flavor
        Connect-OpenAIVideo -BaseUri $script:Emulator.BaseUri -ApiKey $script:Emulator.ApiKey -Server $Server
        $script:Completed = New-Video 'a lighthouse at dusk' | Wait-Video -TimeoutSec 60
    }

    AfterAll {
        Disconnect-OpenAIVideo -ErrorAction SilentlyContinue
        Stop-TestEmulator $script:Emulator
    }

    It 'shows the server kind in the connection' {
        (Get-OpenAIVideoConnection).Server | Should -Be $Server
    }

    It 'New-Video | Wait-Video | Save-VideoContent writes the MP4 (sent as <Encoding>)' {
        $folder = New-Item -ItemType Directory -Path (Join-Path $TestDrive "save-$Flavor") -Force
        $saved = New-Video 'a fox' | Wait-Video -TimeoutSec 60 | Save-VideoContent -Path $folder.FullName -PassThru
        $saved | Should -HaveCount 1
        $bytes = [System.IO.File]::ReadAllBytes($saved.FullName)
        [System.Text.Encoding]::ASCII.GetString($bytes, 4, 4) | Should -Be 'ftyp'
        $saved.Name | Should -BeLike '*.mp4'
    }

    It 'the same create sent as <OtherEncoding> (-Server <Other>) is refused by this server' {
        $failure = $null
        New-Video 'a fox' -Server $Other -ErrorAction SilentlyContinue -ErrorVariable failure | Out-Null
        $failure | Should -HaveCount 1
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'InvalidRequest,*'
        $failure[0].Exception.Message | Should -Match 'HTTP 400'
    }

    It 'Get-Video lists every video, page after page' {
        1..3 | ForEach-Object { New-Video "video $_" } | Out-Null
        $all = @(Get-Video -PageSize 100)
        $paged = @(Get-Video -PageSize 2)
        $paged.Count | Should -Be $all.Count
        $paged.Count | Should -BeGreaterOrEqual 5
        ($paged.Id | Sort-Object -Unique).Count | Should -Be $paged.Count
    }

    It 'Remove-Video reports the deletion' {
        $video = New-Video 'to be deleted' | Wait-Video -TimeoutSec 60
        $result = $video | Remove-Video -Confirm:$false -PassThru
        $result.Deleted | Should -BeTrue
        $result.Id | Should -Be $video.Id
        { Get-Video $video.Id -ErrorAction Stop } | Should -Throw -ErrorId 'VideoNotFound,*'
    }

    It 'an unknown id is VideoNotFound' {
        { Get-Video 'video_0000000000000000000000000000beef' -ErrorAction Stop } | Should -Throw -ErrorId 'VideoNotFound,*'
    }

    It 'a failed job is VideoFailed with the server''s message' {
        $failure = $null
        $video = New-Video '[emulator:fail] a forbidden scene' | Wait-Video -TimeoutSec 60 -ErrorAction SilentlyContinue -ErrorVariable failure
        $video.Status | Should -Be 'failed'
        $failure | Should -HaveCount 1
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'VideoFailed,*'
        $failure[0].Exception.Message | Should -BeLike '*blocked by our moderation system*'
    }

    It 'Invoke-VideoRemix fails fast with OperationNotSupported and sends nothing' {
        $before = Get-EmulatorRequestCount $script:Emulator
        $failure = $null
        $script:Completed | Invoke-VideoRemix 'make it night' -ErrorAction SilentlyContinue -ErrorVariable failure | Out-Null
        $failure | Should -HaveCount 1
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'OperationNotSupported,*'
        $failure[0].CategoryInfo.Category | Should -Be 'NotImplemented'
        $failure[0].Exception.Message | Should -BeLike "*-Server $Server*remix*"
        Get-EmulatorRequestCount $script:Emulator | Should -Be $before
    }

    It 'Save-VideoContent -Variant thumbnail fails fast with OperationNotSupported, sends nothing and writes nothing' {
        $folder = New-Item -ItemType Directory -Path (Join-Path $TestDrive "thumb-$Flavor") -Force
        $before = Get-EmulatorRequestCount $script:Emulator
        { $script:Completed | Save-VideoContent -Variant thumbnail -Path $folder.FullName -ErrorAction Stop } | Should -Throw -ErrorId 'OperationNotSupported,*'
        Get-EmulatorRequestCount $script:Emulator | Should -Be $before
        Get-ChildItem -Force $folder.FullName | Should -BeNullOrEmpty
    }
}

Describe '-Server completion' {
    It 'completes the server kinds on <Command>' -ForEach @(@{ Command = 'Connect-OpenAIVideo' }, @{ Command = 'Get-Video' }, @{ Command = 'Save-VideoContent' }) {
        $line = "$Command -Server "
        $completions = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
        $completions | Sort-Object | Should -Be ('Generic', 'OpenAI', 'Azure', 'LiteLLM', 'VllmOmni', 'SGLang', 'Gemini', 'OpenRouter' | Sort-Object)
    }
}
