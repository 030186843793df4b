@{
    # The cmdlet assembly. On import its module initializer points the engine's dependencies at
    # Dependencies/Core (PowerShell 7.4+, private AssemblyLoadContext) or Dependencies/Desktop (Windows PowerShell 5.1).
    RootModule             = 'OpenAIVideos.dll'

    # Stamped with the build's version when the module is laid out (build/OpenAIVideos.Layout.targets).
    ModuleVersion          = '0.1.0'

    CompatiblePSEditions   = @('Core', 'Desktop')

    GUID                   = '3f6b2c9e-8d41-4a7b-9c2e-5b1f0a7d4e63'

    Author                 = 'OpenAIVideos contributors'

    CompanyName            = 'OpenAIVideos'

    Copyright              = '(c) 2026 OpenAIVideos contributors. MIT licence.'

    Description            = 'Create, remix, extend, edit, wait for and download videos with the OpenAI Videos API wire format as the Gemini API (Veo), OpenRouter, LiteLLM, vLLM-Omni and SGLang Diffusion serve it, from Windows PowerShell 5.1 and PowerShell 7.4+. On PowerShell 7.4+, Start-VideoEmulator runs a local emulator of those servers inside the session, for tests and offline scripting.'

    PowerShellVersion      = '5.1'

    # Windows PowerShell 5.1 only: the netstandard2.0 assemblies need the netstandard facade that 4.7.2 ships.
    DotNetFrameworkVersion = '4.7.2'

    FormatsToProcess       = @('OpenAIVideos.Format.ps1xml')

    # Listed explicitly, never with wildcards, so command discovery does not have to load the assembly.
    CmdletsToExport        = @(
        'Connect-OpenAIVideo'
        'Disconnect-OpenAIVideo'
        'Get-OpenAIVideoConnection'
        'New-Video'
        'Get-Video'
        'Remove-Video'
        'Invoke-VideoRemix'
        'Invoke-VideoExtension'
        'Invoke-VideoEdit'
        'Save-VideoContent'
        'Wait-Video'
        'New-VideoCharacter'
        'Get-VideoCharacter'
        'Get-VideoModel'
        'Invoke-VideoBatch'
        'Start-VideoEmulator'
        'Get-VideoEmulator'
        'Stop-VideoEmulator'
        'Add-VideoEmulatorFault'
    )

    FunctionsToExport      = @()

    AliasesToExport        = @()

    VariablesToExport      = @()

    PrivateData            = @{
        PSData = @{
            Tags         = @('OpenAI', 'Sora', 'Veo', 'Gemini', 'OpenRouter', 'vLLM', 'Video', 'AI', 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS')

            LicenseUri   = 'https://github.com/openaivideos/OpenAIVideos/blob/main/LICENSE'

            ProjectUri   = 'https://github.com/openaivideos/OpenAIVideos'

            ReleaseNotes = 'First release: the Videos API (create, list, get, delete, remix, extend, edit, download, wait) and characters, with a local emulator.'
        }
    }
}
