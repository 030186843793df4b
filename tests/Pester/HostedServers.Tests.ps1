#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
<#
    Issue 16's "done when" in a real PowerShell: the cmdlets speaking the hosted services' dialects (-Server Gemini,
    -Server OpenRouter) against the emulator's matching flavors. Each flavor refuses what its server refuses (Gemini:
    Sora's `seconds` field, a non-integer `duration_seconds`; OpenRouter: a string `duration`, a form body), so a create
    that works shows the fields and types the module chose; the same create with -Server Generic shows Sora's failing.
    That the storage host never sees the key is asserted on the emulator's storage request log in
    tests/OpenAIVideos.Client.Tests/Integration/HostedServicesTests.cs; here the verbose log shows where the file came from.
    "Sends nothing" is read from the emulator's request count (/_emulator/stats).
#>

BeforeDiscovery {
    $script:Hosted = @(
        # OpenRouter ignores fields it does not know (a Zod object strips them), so only Gemini shows Sora's refused.
        @{ Server = 'Gemini'; Flavor = 'gemini'; Running = 'processing'; RefusesSoraFields = $true }
        @{ Server = 'OpenRouter'; Flavor = 'openrouter'; Running = 'pending'; RefusesSoraFields = $false }
    )
}

BeforeAll {
    . "$PSScriptRoot/TestEmulator.ps1"
    Import-BuiltModule

    function Get-EmulatorRequestCount {
        param($Emulator)
        $root = ([Uri]$Emulator.BaseUri).GetLeftPart([UriPartial]::Authority)
        $byOperation = (Invoke-RestMethod -Uri "$root/_emulator/stats" -Headers @{ Authorization = "Bearer $($Emulator.ApiKey)" }).requests_by_operation
        ($byOperation.PSObject.Properties | Where-Object Name -ne 'admin' | Measure-Object -Property Value -Sum).Sum
    }
}

Describe '-Server <Server> against the <Flavor> flavor' -ForEach $script:Hosted {
    BeforeAll {
        $script:Emulator = Start-TestEmulator -LogFolder $TestDrive -Flavor $Flavor -JobSeconds 1
        Connect-OpenAIVideo -BaseUri $script:Emulator.BaseUri -ApiKey $script:Emulator.ApiKey -Server $Server
    }

    AfterAll {
        Disconnect-OpenAIVideo -ErrorAction SilentlyContinue
        Stop-TestEmulator $script:Emulator
    }

    It 'is inferred from the service''s own address' {
        $host_ = if ($Server -eq 'Gemini') { 'https://generativelanguage.googleapis.com' } else { 'https://openrouter.ai' }
        Connect-OpenAIVideo -BaseUri $host_ -ApiKey 'not-used'
        try {
            $connection = Get-OpenAIVideoConnection
            $connection.Server | Should -Be $Server
            $connection.BaseUri.AbsolutePath | Should -Be $(if ($Server -eq 'Gemini') { '/v1beta/openai' } else { '/api/v1' })
        }
        finally {
            Connect-OpenAIVideo -BaseUri $script:Emulator.BaseUri -ApiKey $script:Emulator.ApiKey -Server $Server
        }
    }

    It 'New-Video ''a koi pond'' -Seconds 8 -AspectRatio 16:9 -Resolution 720p | Wait-Video | Save-VideoContent writes the MP4 from the result URL' {
        $folder = New-Item -ItemType Directory -Path (Join-Path $TestDrive "save-$Flavor") -Force
        $created = New-Video 'a koi pond' -Seconds 8 -AspectRatio 16:9 -Resolution 720p
        $created.Status | Should -Be $Running
        $verbose = $created | Wait-Video -TimeoutSec 60 -PollIntervalSec 1 | Save-VideoContent -Path $folder.FullName -Verbose 4>&1
        $saved = Get-ChildItem -Path $folder.FullName -Filter '*.mp4'
        $saved | Should -HaveCount 1
        $bytes = [System.IO.File]::ReadAllBytes($saved.FullName)
        [System.Text.Encoding]::ASCII.GetString($bytes, 4, 4) | Should -Be 'ftyp'
        # The file came from the storage origin the server named, not from a /content route.
        ($verbose.Message | Where-Object { $_ -like "GET $($script:Emulator.StorageUri)files/*" }) | Should -Not -BeNullOrEmpty
        ($verbose.Message -join "`n") | Should -Not -Match ([regex]::Escape($script:Emulator.ApiKey))
    }

    if ($RefusesSoraFields) {
        It 'the same create in Sora''s fields (-Server Generic) is refused by this server' {
            $failure = $null
            New-Video 'a koi pond' -Seconds 8 -Model veo-3.1-generate-preview -Server Generic -ErrorAction SilentlyContinue -ErrorVariable failure | Out-Null
            $failure | Should -HaveCount 1
            $failure[0].Exception.Message | Should -Match 'HTTP 400'
            $failure[0].Exception.Message | Should -Match 'seconds'
        }
    }

    It 'a job that ends <Status> ends Wait-Video at once with <ErrorId>' -ForEach @(
        @{ Marker = '[emulator:cancel]'; Status = 'cancelled'; ErrorId = 'VideoCancelled' }
        @{ Marker = '[emulator:expire]'; Status = 'expired'; ErrorId = 'VideoExpired' }
    ) {
        $failure = $null
        $video = New-Video "$Marker a koi pond" | Wait-Video -TimeoutSec 120 -PollIntervalSec 1 -ErrorAction SilentlyContinue -ErrorVariable failure
        $video.Status | Should -Be $Status
        $failure | Should -HaveCount 1
        $failure[0].FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
    }

    It 'a parameter the server does not take is refused naming server and parameter, and nothing is sent' {
        $parameter = if ($Server -eq 'Gemini') { @{ Audio = $true } } else { @{ NegativePrompt = 'blur' } }
        $before = Get-EmulatorRequestCount $script:Emulator
        $failure = $null
        New-Video 'a koi pond' @parameter -ErrorAction SilentlyContinue -ErrorVariable failure | Out-Null
        $failure | Should -HaveCount 1
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'ParameterNotSupported,*'
        $failure[0].Exception.Message | Should -BeLike "*-Server $Server*-$($parameter.Keys[0])*"
        Get-EmulatorRequestCount $script:Emulator | Should -Be $before
    }

    It 'what the service lacks is refused up front: Get-Video lists nothing and sends nothing' {
        $before = Get-EmulatorRequestCount $script:Emulator
        { Get-Video -ErrorAction Stop } | Should -Throw -ErrorId 'OperationNotSupported,*'
        Get-EmulatorRequestCount $script:Emulator | Should -Be $before
    }
}

Describe 'OpenRouter: the catalogue, the check before billing, and the charge' {
    BeforeAll {
        $script:Emulator = Start-TestEmulator -LogFolder $TestDrive -Flavor openrouter -JobSeconds 1
        Connect-OpenAIVideo -BaseUri $script:Emulator.BaseUri -ApiKey $script:Emulator.ApiKey -Server OpenRouter
    }

    AfterAll {
        Disconnect-OpenAIVideo -ErrorAction SilentlyContinue
        Stop-TestEmulator $script:Emulator
    }

    It 'Get-VideoModel lists the flavor''s catalogue with its values and prices' {
        $models = @(Get-VideoModel)
        $models.Id | Should -Contain 'google/veo-3.1'
        $models.Count | Should -BeGreaterOrEqual 2
        $veo = Get-VideoModel 'google/*'
        $veo.Seconds | Should -Be @('4', '6', '8')
        $veo.Prices['per-video-second-1080p'] | Should -Be 0.75
        $veo.Source | Should -Be 'server'
    }

    It 'Tab completes -Seconds from the model typed' {
        $line = "New-Video 'x' -Model google/veo-3.1 -Seconds "
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('4', '6', '8')
    }

    It 'an out-of-set -Seconds is refused listing the allowed values, and nothing is sent' {
        $null = Get-VideoModel # the catalogue is read (and cached) first; the refusal must send nothing more
        $before = Get-EmulatorRequestCount $script:Emulator
        $failure = $null
        New-Video 'a koi pond' -Model google/veo-3.1 -Seconds 7 -ErrorAction SilentlyContinue -ErrorVariable failure | Out-Null
        $failure | Should -HaveCount 1
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'InvalidArgument,*'
        $failure[0].Exception.Message | Should -BeLike '*Allowed: 4, 6, 8*'
        Get-EmulatorRequestCount $script:Emulator | Should -Be $before
    }

    It '-WhatIf prices from pricing_skus, not Sora''s table' {
        # "What if:" lines go to the host, not to a stream: a transcript is what sees them.
        $transcript = Join-Path $TestDrive 'whatif.txt'
        $null = Start-Transcript -Path $transcript
        try { New-Video 'a koi pond' -Model google/veo-3.1 -Seconds 8 -Resolution 1080p -WhatIf }
        finally { $null = Stop-Transcript }
        Get-Content -Raw $transcript | Should -Match 'Create a 8 s video \(google/veo-3\.1, 1080p\) on OpenRouter, estimated cost \$6\.00'
    }

    It 'Video.Cost equals the server''s usage.cost' {
        $video = New-Video 'a koi pond' -Seconds 8 -Resolution 1080p | Wait-Video -TimeoutSec 60 -PollIntervalSec 1
        $raw = Invoke-RestMethod -Uri "$($script:Emulator.BaseUri)/videos/$($video.Id)" -Headers @{ Authorization = "Bearer $($script:Emulator.ApiKey)" }
        $raw.usage.cost | Should -Not -BeNullOrEmpty
        $video.Cost | Should -Be ([decimal]$raw.usage.cost)
    }
}

Describe 'Remix and extension -WhatIf show a cost (issue 17 item 12)' {
    BeforeAll {
        $script:Emulator = Start-TestEmulator -LogFolder $TestDrive -Flavor openai -JobSeconds 1
        Connect-OpenAIVideo -BaseUri $script:Emulator.BaseUri -ApiKey $script:Emulator.ApiKey
        $script:Source = New-Video 'a lighthouse at dusk' -Model sora-2 -Size 720x1280 -Seconds 4 | Wait-Video -TimeoutSec 60 -PollIntervalSec 1
    }

    AfterAll {
        Disconnect-OpenAIVideo -ErrorAction SilentlyContinue
        Stop-TestEmulator $script:Emulator
    }

    It '<Command> -WhatIf prices the new video from its source and creates nothing' -ForEach @(
        @{ Command = 'Invoke-VideoRemix'; Arguments = @{ Prompt = 'make it night' }; Expected = 'estimated cost \$0\.40' }
        @{ Command = 'Invoke-VideoExtension'; Arguments = @{ Prompt = 'the camera pulls back'; Seconds = '8' }; Expected = 'estimated cost \$0\.80' }
    ) {
        $transcript = Join-Path $TestDrive "$Command.txt"
        $null = Start-Transcript -Path $transcript
        try { & $Command -VideoId $script:Source.Id @Arguments -WhatIf }
        finally { $null = Stop-Transcript }
        Get-Content -Raw $transcript | Should -Match $Expected
        $stats = Invoke-RestMethod -Uri "$(([Uri]$script:Emulator.BaseUri).GetLeftPart([UriPartial]::Authority))/_emulator/stats" -Headers @{ Authorization = "Bearer $($script:Emulator.ApiKey)" }
        $stats.requests_by_operation.remix | Should -BeNullOrEmpty
        $stats.requests_by_operation.extend | Should -BeNullOrEmpty
    }
}
