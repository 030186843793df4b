<#
    Repair-MamlExample: puts each example's code where Get-Help looks for it. PlatyPS 1.x writes a whole markdown
    example (the <!-- runnable --> marker, the ``` fences, the output block and the text) into <maml:introduction>, with
    &#x80; paragraphs as line breaks and <dev:code> empty; its maintainers call that by design (PowerShell/platyPS#792,
    #799, #839). Get-Help -Examples then prints the fences and the marker, and (Get-Help X -Examples).Examples.Example.code
    is empty. This moves the first PowerShell fence into <dev:code> and the rest, fences and markers removed, into
    <dev:remarks>, as MAML written by hand has it.
#>

function Repair-MamlExample {
    param([Parameter(Mandatory)] [string] $Path)

    $xml = New-Object System.Xml.XmlDocument
    $xml.PreserveWhitespace = $true
    $xml.Load($Path)
    $ns = New-Object System.Xml.XmlNamespaceManager $xml.NameTable
    $ns.AddNamespace('maml', 'http://schemas.microsoft.com/maml/2004/10')
    $ns.AddNamespace('command', 'http://schemas.microsoft.com/maml/dev/command/2004/10')
    $ns.AddNamespace('dev', 'http://schemas.microsoft.com/maml/dev/2004/10')

    foreach ($example in @($xml.SelectNodes('//command:example', $ns))) {
        $introduction = $example.SelectSingleNode('maml:introduction', $ns)
        $code = $example.SelectSingleNode('dev:code', $ns)
        $remarks = $example.SelectSingleNode('dev:remarks', $ns)
        if ($null -eq $introduction -or $null -eq $code -or $null -eq $remarks -or $code.InnerText.Trim()) { continue }

        # The paragraphs as markdown lines again (a fence may span several: PlatyPS splits at blank lines).
        $lines = New-Object System.Collections.Generic.List[string]
        foreach ($para in @($introduction.SelectNodes('maml:para', $ns))) {
            if ($para.InnerText -eq [string][char]0x80) { continue }
            # Markdown comments (<!-- runnable -->) are for the docs' tests, not for readers.
            foreach ($line in $para.InnerText -split '\r?\n') {
                if ($line.Trim() -notmatch '^<!--.*-->$') { $lines.Add($line) }
            }
            $lines.Add('')
        }

        $codeText = $null
        $remarkTexts = New-Object System.Collections.Generic.List[string]
        $block = New-Object System.Collections.Generic.List[string]
        $fence = $null
        foreach ($line in $lines + @('')) {
            if ($null -ne $fence) {
                if ($line.Trim() -ne '```') { $block.Add($line); continue }
                $text = ($block -join "`n").TrimEnd()
                if ($null -eq $codeText -and $fence -match '^(powershell|pwsh|ps1)?$') { $codeText = $text } else { $remarkTexts.Add($text) }
                $block.Clear()
                $fence = $null
            }
            elseif ($line.Trim() -match '^```(.*)$') {
                if ($block.Count -gt 0) { $remarkTexts.Add(($block -join ' ')); $block.Clear() }
                $fence = $Matches[1].Trim()
            }
            elseif ($line.Trim()) { $block.Add($line.Trim()) }
            elseif ($block.Count -gt 0) { $remarkTexts.Add(($block -join ' ')); $block.Clear() }
        }
        if ($null -eq $codeText) { continue }

        $introduction.RemoveAll()
        $code.InnerText = $codeText
        $remarks.RemoveAll()
        foreach ($text in $remarkTexts) {
            $para = $xml.CreateElement('maml', 'para', 'http://schemas.microsoft.com/maml/2004/10')
            $para.InnerText = $text
            $null = $remarks.AppendChild($para)
        }
    }
    $xml.Save($Path)
}
