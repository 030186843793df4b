<#
    Shared by Help.Tests.ps1 (the laid-out module) and Installed.Tests.ps1 (the copy installed through PSResourceGet):
    what Get-Help shows for a module's commands and about topic, reduced to what the tests judge. Dot-source it in the
    session that imported the module, or in a fresh PowerShell through Invoke-FreshPowerShell.
#>

function Get-CommandHelpReport {
    # One report per cmdlet the loaded module exports: whether Get-Help -Full found the MAML (PowerShell makes up a
    # synopsis from the syntax when it has none), its examples, and the parameters it leaves undescribed.
    param([Parameter(Mandatory)] [string] $ModuleName)

    $module = Get-Module -Name $ModuleName
    if (-not $module) { throw "$ModuleName is not imported." }
    foreach ($name in @($module.ExportedCmdlets.Keys | Sort-Object)) {
        $full = Get-Help -Name "$ModuleName\$name" -Full
        $examples = @((Get-Help -Name "$ModuleName\$name" -Examples).Examples.Example)
        $common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
        $undescribed = @($full.parameters.parameter | Where-Object {
                $_.name -notin $common -and -not ("$($_.description.Text)".Trim())
            } | ForEach-Object name)
        [pscustomobject]@{
            Name                   = $name
            Synopsis               = "$($full.Synopsis)".Trim()
            Description            = (@($full.description.Text) -join ' ').Trim()
            ExampleCount           = $examples.Count
            ExampleCodeCount       = @($examples | Where-Object { "$($_.code)".Trim() }).Count
            UndescribedParameters  = $undescribed
            FullText               = ($full | Out-String -Width 120)
            ExamplesText           = (Get-Help -Name "$ModuleName\$name" -Examples | Out-String -Width 120)
        }
    }
}

function Get-AboutTopicReport {
    # The about topic as Get-Help prints it: its lines, and the longest of them.
    param([Parameter(Mandatory)] [string] $Name)

    $text = Get-Help -Name $Name | Out-String -Width 200
    $lines = @($text -split '\r?\n')
    [pscustomobject]@{
        Lines       = $lines
        LongestLine = ($lines | Measure-Object -Property Length -Maximum).Maximum
    }
}
