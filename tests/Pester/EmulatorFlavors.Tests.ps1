<#
    The standalone emulator's hosted-service flavors as a script sees them (no module involved): gemini and openrouter
    serve their own API roots, print and run the storage origin, and hand out result URLs there that need no key.
#>

BeforeDiscovery {
    $script:Flavors = @(
        @{ Flavor = 'gemini'; Root = 'v1beta/openai'; Running = 'processing'; UrlField = 'url' }
        @{ Flavor = 'openrouter'; Root = 'api/v1'; Running = 'in_progress'; UrlField = 'urls' }
    )
}

BeforeAll {
    . "$PSScriptRoot/TestEmulator.ps1"

    function New-FlavorVideo([string] $Flavor, [object] $Emulator, [string] $Prompt) {
        $headers = @{ Authorization = "Bearer $($Emulator.ApiKey)" }
        if ($Flavor -eq 'gemini') {
            # The Gemini API's REST example posts a form: model and prompt top-level, the rest as extra fields.
            $form = @{ model = 'veo-3.1-generate-preview'; prompt = $Prompt; duration_seconds = '8'; aspect_ratio = '16:9' }
            return Invoke-RestMethod -Method Post -Uri "$($Emulator.BaseUri)/videos" -Headers $headers -Form $form
        }

        $body = @{ model = 'google/veo-3.1'; prompt = $Prompt; duration = 8; resolution = '720p' } | ConvertTo-Json
        return Invoke-RestMethod -Method Post -Uri "$($Emulator.BaseUri)/videos" -Headers $headers -Body $body -ContentType 'application/json'
    }

    function Wait-FlavorVideo([object] $Emulator, [string] $Id) {
        $deadline = [DateTime]::UtcNow.AddSeconds(30)
        do {
            $video = Invoke-RestMethod -Uri "$($Emulator.BaseUri)/videos/$Id" -Headers @{ Authorization = "Bearer $($Emulator.ApiKey)" }
            if ($video.status -notin 'pending', 'processing', 'in_progress') { return $video }
            Start-Sleep -Milliseconds 100
        } while ([DateTime]::UtcNow -lt $deadline)
        throw "Video $Id did not finish within 30 s."
    }
}

Describe 'The <Flavor> flavor of the standalone emulator' -ForEach $script:Flavors {
    BeforeAll {
        $script:Emulator = Start-TestEmulator -LogFolder $TestDrive -Flavor $Flavor -JobSeconds 0.5
    }

    AfterAll {
        Stop-TestEmulator $script:Emulator
    }

    It 'serves the API under /<Root> and prints a second origin for results' {
        $script:Emulator.BaseUri | Should -BeLike "*/$Root"
        $script:Emulator.StorageUri | Should -Match '^http://127\.0\.0\.1:\d+/$'
        ([Uri]$script:Emulator.StorageUri).Port | Should -Not -Be ([Uri]$script:Emulator.BaseUri).Port
    }

    It 'finishes a job and serves its result on the second origin without a key' {
        $created = New-FlavorVideo -Flavor $Flavor -Emulator $script:Emulator -Prompt 'a koi pond'
        $done = Wait-FlavorVideo -Emulator $script:Emulator -Id $created.id
        $done.status | Should -Be 'completed'
        $url = @($done.$UrlField)[0]
        $url | Should -BeLike "$($script:Emulator.StorageUri)files/*.mp4"
        $file = Join-Path $TestDrive "$Flavor.mp4"
        Invoke-WebRequest -Uri $url -OutFile $file
        $bytes = [System.IO.File]::ReadAllBytes($file)
        [System.Text.Encoding]::ASCII.GetString($bytes, 4, 4) | Should -Be 'ftyp'
    }

    It 'ends a job <Status> when the prompt carries [emulator:<Marker>]' -ForEach @(@{ Marker = 'cancel'; Status = 'cancelled' }, @{ Marker = 'expire'; Status = 'expired' }) {
        $created = New-FlavorVideo -Flavor $Flavor -Emulator $script:Emulator -Prompt "a koi pond [emulator:$Marker]"
        (Wait-FlavorVideo -Emulator $script:Emulator -Id $created.id).status | Should -Be $Status
    }
}
