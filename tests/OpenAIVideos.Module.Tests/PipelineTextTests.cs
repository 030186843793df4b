using System;
using System.Collections;
using System.Collections.Generic;
using OpenAIVideos.Commands.Pipeline;

namespace OpenAIVideos.Module.Tests
{
    /// <summary>What makes a bound value a prompt or an id, and what is refused rather than turned into its ToString().</summary>
    public sealed class PipelineTextTests
    {
        private static readonly string[] PromptNames = { "Prompt" };
        private static readonly string[] IdNames = { "VideoId", "Id", "video_id" };

        // Plain objects stand in for PowerShell's: their public properties are what PSObject would show. The finder is
        // handed the value as bound, wrapper and all (a PSCustomObject's properties live on its PSObject).
        private static bool FindProperty(object value, string name, out object? propertyValue)
        {
            value = value is Wrapper wrapper ? wrapper.Inner : value;
            var property = value.GetType().GetProperty(name, System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.IgnoreCase);
            propertyValue = property?.GetValue(value);
            return property is not null;
        }

        private static object? Resolve(object? value, string[] names, bool many = false) =>
            PipelineText.Resolve(value, names, FindProperty, v => v is Wrapper w ? w.Inner : v, many);

        private sealed class Wrapper
        {
            public Wrapper(object inner) => Inner = inner;

            public object Inner { get; }
        }

        private sealed class CsvRow
        {
            public string? Prompt { get; set; }

            public string? Seconds { get; set; }
        }

        private sealed class Untitled
        {
            public string Title { get; set; } = "a paper boat";

            public override string ToString() => "@{Title=a paper boat}";
        }

        [Fact]
        public void A_string_is_its_own_text_and_a_wrapped_one_is_unwrapped()
        {
            Assert.Equal("a paper boat", Resolve("a paper boat", PromptNames));
            Assert.Equal("a paper boat", Resolve(new Wrapper("a paper boat"), PromptNames));
            Assert.Equal("42", Resolve(42, PromptNames));
            Assert.Null(Resolve(null, PromptNames));
        }

        [Fact]
        public void An_object_gives_its_property_of_the_parameters_name_never_its_ToString()
        {
            Assert.Equal("a paper boat on a river", Resolve(new CsvRow { Prompt = "a paper boat on a river", Seconds = "4" }, PromptNames));
            Assert.Equal("video_1", Resolve(new Wrapper(new { Id = "video_1", Status = "completed" }), IdNames));
            Assert.Equal("video_2", Resolve(new { video_id = "video_2" }, IdNames));
        }

        [Fact]
        public void An_object_without_the_property_is_refused_naming_what_it_lacks()
        {
            var error = Assert.Throws<ArgumentException>(() => Resolve(new Untitled(), PromptNames));
            Assert.Contains("no Prompt property", error.Message);
            Assert.DoesNotContain("@{", error.Message);
            Assert.Throws<ArgumentException>(() => Resolve(new CsvRow { Prompt = null }, PromptNames));
            Assert.Throws<ArgumentException>(() => Resolve(true, PromptNames));
            Assert.Throws<ArgumentException>(() => Resolve(DateTime.UtcNow, IdNames));
        }

        [Fact]
        public void A_hashtable_is_refused_because_it_binds_nothing_else_by_name()
        {
            var error = Assert.Throws<ArgumentException>(() => Resolve(new Hashtable { ["Prompt"] = "a fox", ["Seconds"] = 8 }, PromptNames));
            Assert.Contains("[pscustomobject]", error.Message);
        }

        [Fact]
        public void An_array_parameter_resolves_each_element_and_a_scalar_one_refuses_a_list()
        {
            var ids = Assert.IsType<string?[]>(Resolve(new object[] { "video_1", new { Id = "video_2" } }, IdNames, many: true));
            Assert.Equal(new[] { "video_1", "video_2" }, ids);
            Assert.Throws<ArgumentException>(() => Resolve(new List<object> { "video_1", new Untitled() }, IdNames, many: true));
            Assert.Throws<ArgumentException>(() => Resolve(new[] { "a", "b" }, PromptNames));
        }
    }
}
