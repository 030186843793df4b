using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using OpenAIVideos.Client.Batch;
using OpenAIVideos.Commands.Pipeline;

namespace OpenAIVideos.Module.Tests
{
    /// <summary>How Invoke-VideoBatch reads its inputs: strings, CSV rows (properties), hashtables; bad rows say why.</summary>
    public sealed class BatchInputReaderTests
    {
        private static readonly BatchInputReader Reader = new BatchInputReader(value => value, path => Path.Combine("/ps/location", path), _ => false);

        // A CSV row as Import-Csv makes it: every column a string property, blank cells empty.
        private static Func<string, object?> Row(Dictionary<string, string> cells) =>
            name => cells.TryGetValue(name, out var value) ? value : null;

        [Fact]
        public void A_string_is_a_prompt_with_the_servers_defaults()
        {
            var item = Reader.Read(1, "a red fox", _ => null, out var problem)!;
            Assert.Null(problem);
            Assert.Equal(("a red fox", null, null, null), (item.Request.Prompt, item.Request.Model, item.Request.Seconds, item.Request.Size));
            Assert.Equal(BatchItemKey.For(item.Request, null), item.Key);
            Assert.Equal("a red fox", item.Input);
        }

        [Fact]
        public void A_csv_row_gives_every_column_and_blank_cells_count_as_not_given()
        {
            var cells = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["Prompt"] = " a red fox ", ["Model"] = "sora-2-pro", ["Seconds"] = "8", ["Size"] = "", ["Name"] = "fox",
                ["AdditionalProperties"] = "{\"seed\": 42}", ["InputReference"] = "https://example.com/fox.png",
            };
            var item = Reader.Read(3, new object(), Row(cells), out _)!;
            Assert.Equal(("a red fox", "sora-2-pro", "8", null, "fox", 3), (item.Request.Prompt, item.Request.Model, item.Request.Seconds, item.Request.Size, item.Key, item.Index));
            Assert.Equal(42, ((JsonElement)item.Request.AdditionalProperties["seed"]!).GetInt32());
            Assert.Equal("https://example.com/fox.png", item.Request.InputReference!.ImageUrl);
        }

        [Fact]
        public void The_vocabulary_columns_are_read_by_the_names_of_New_Videos_parameters()
        {
            var cells = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["Prompt"] = "a koi pond", ["Duration"] = "8", ["AspectRatio"] = "16:9", ["Resolution"] = "720p", ["NegativePrompt"] = "blur",
                ["Seed"] = "42", ["Audio"] = "false", ["LastFrame"] = "https://example.com/end.png",
                ["ReferenceImage"] = "https://example.com/a.png; https://example.com/b.png",
            };
            var request = Reader.Read(1, new object(), Row(cells), out var problem)!.Request;
            Assert.Null(problem);
            Assert.Equal(("8", "16:9", "720p", "blur", 42L, false), (request.Seconds, request.AspectRatio, request.Resolution, request.NegativePrompt, request.Seed, request.Audio));
            Assert.Equal("https://example.com/end.png", request.LastFrame!.ImageUrl);
            Assert.Equal(new[] { "https://example.com/a.png", "https://example.com/b.png" }, request.ReferenceImages.Select(r => r.ImageUrl));
        }

        [Theory]
        [InlineData("Seed", "forty-two", "-Seed must be a whole number")]
        [InlineData("Audio", "maybe", "Audio must be true or false")]
        [InlineData("ReferenceImage", "https://e.com/1.png;https://e.com/2.png;https://e.com/3.png;https://e.com/4.png", "at most 3 reference images")]
        public void A_vocabulary_cell_that_cannot_be_read_says_why(string column, string value, string expected)
        {
            var cells = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Prompt"] = "a koi pond", [column] = value };
            Assert.Null(Reader.Read(2, new object(), Row(cells), out var problem));
            Assert.Contains(expected, problem);
        }

        [Fact]
        public void A_hashtable_is_read_by_key_without_case_and_numbers_become_the_apis_strings()
        {
            var table = new Hashtable { ["prompt"] = "a calm sea", ["SECONDS"] = 12, ["AdditionalProperties"] = new Hashtable { ["fps"] = 24 } };
            var item = Reader.Read(1, table, _ => null, out _)!;
            Assert.Equal(("a calm sea", "12"), (item.Request.Prompt, item.Request.Seconds));
            Assert.Equal(24L, Convert.ToInt64(item.Request.AdditionalProperties["fps"], System.Globalization.CultureInfo.InvariantCulture));
        }

        [Theory]
        [InlineData("", null, "has no prompt")]
        [InlineData("a fox", "[1, 2]", "AdditionalProperties must be")]
        [InlineData("a fox", "{not json", "cannot be sent")]
        public void A_row_that_cannot_be_a_video_says_why(string prompt, string? extra, string expected)
        {
            var cells = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Prompt"] = prompt };
            if (extra is not null)
            {
                cells["AdditionalProperties"] = extra;
            }

            Assert.Null(Reader.Read(7, new object(), Row(cells), out var problem));
            Assert.Contains(expected, problem, StringComparison.Ordinal);
            Assert.StartsWith("Row 7", problem, StringComparison.Ordinal);
        }
    }
}
