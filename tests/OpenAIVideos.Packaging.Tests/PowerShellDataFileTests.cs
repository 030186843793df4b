using System;
using System.Collections.Generic;

namespace OpenAIVideos.Packaging.Tests
{
    public class PowerShellDataFileTests
    {
        [Fact]
        public void ReadsTheDataFileSubset()
        {
            var data = PowerShellDataFile.ParseHashtable(@"
<# block
   comment #>
@{
    # line comment
    Single = 'it''s'
    Double = ""say """"hi"""" `n""; Number = 42
    Real = 1.5
    'Quoted Key' = $true
    Empty = @()
    Bare = 'a', 'b',
        'c'
    Nested = @{ Inner = @('x'
        'y', 'z'
        @('deep')) }
    Nothing = $null
}");
            Assert.Equal("it's", data["single"]);
            Assert.Equal("say \"hi\" \n", data["Double"]);
            Assert.Equal(42L, data["Number"]);
            Assert.Equal(1.5, data["Real"]);
            Assert.Equal(true, data["Quoted Key"]);
            Assert.Empty((List<object?>)data["Empty"]!);
            Assert.Equal(new object[] { "a", "b", "c" }, (List<object?>)data["Bare"]!);
            var inner = (List<object?>)((IReadOnlyDictionary<string, object?>)data["Nested"]!)["Inner"]!;
            Assert.Equal(4, inner.Count);
            Assert.Equal(new object[] { "deep" }, (List<object?>)inner[3]!);
            Assert.Null(data["Nothing"]);
        }

        [Theory]
        [InlineData("@{ A = $env:PATH }", "variable")]
        [InlineData("@{ A = \"$(Get-Date)\" }", "not allowed")]
        [InlineData("@{ A = Get-Date }", "not allowed")]
        [InlineData("@{ A = 1; a = 2 }", "Duplicate key")]
        [InlineData("@{ A = 'x' ", "missing '}'")]
        [InlineData("@{ A = 'x }", "Unterminated")]
        [InlineData("@('x')", "hashtable")]
        public void RejectsWhatDataFilesDoNotAllow(string text, string reason)
        {
            var error = Assert.Throws<FormatException>(() => PowerShellDataFile.ParseHashtable(text));
            Assert.Contains(reason, error.Message, StringComparison.OrdinalIgnoreCase);
        }
    }
}
