using System.Collections.Generic;
using System.Linq;
using OpenAIVideos.Client.Batch;

namespace OpenAIVideos.Client.Tests.Unit.Batch
{
    /// <summary>An item's key is stable across runs and changes with anything that changes what is created.</summary>
    public sealed class BatchItemKeyTests
    {
        private static string Key(string prompt, string? model = null, string? size = null, string? seconds = null, IDictionary<string, object?>? extra = null) =>
            BatchItemKey.For(new VideoCreateRequest
            {
                Prompt = prompt,
                Model = model,
                Size = size,
                Seconds = seconds,
                AdditionalProperties = extra ?? new Dictionary<string, object?>(),
            }, null);

        [Fact]
        public void The_same_inputs_give_the_same_key_however_they_are_spaced_or_cased()
        {
            Assert.Equal(Key("a fox", "sora-2", "720x1280", "8"), Key("  a fox ", "SORA-2", "720X1280", " 8"));
            Assert.Matches("^sha256:[0-9a-f]{32}$", Key("a fox"));
        }

        [Fact]
        public void Any_input_that_changes_the_video_changes_the_key()
        {
            var keys = new[]
            {
                Key("a fox"), Key("a fox!"), Key("a fox", model: "sora-2-pro"), Key("a fox", size: "1280x720"), Key("a fox", seconds: "8"),
                Key("a fox", extra: new Dictionary<string, object?> { ["seed"] = 1 }),
            };
            Assert.Equal(keys.Length, keys.Distinct().Count());
        }

        [Fact]
        public void Extra_fields_in_another_order_give_the_same_key() =>
            Assert.Equal(
                Key("a fox", extra: new Dictionary<string, object?> { ["seed"] = 1, ["fps"] = 24 }),
                Key("a fox", extra: new Dictionary<string, object?> { ["fps"] = 24, ["seed"] = 1 }));

        [Fact]
        public void A_name_is_the_key() =>
            Assert.Equal("intro", BatchItemKey.For(new VideoCreateRequest { Prompt = "a fox" }, " intro "));

        [Fact]
        public void Repeated_inputs_become_distinct_items_numbered_in_input_order()
        {
            var request = new VideoCreateRequest { Prompt = "a fox" };
            var key = BatchItemKey.For(request, null);
            var items = BatchItems.WithUniqueKeys(new[] { new BatchItem(1, request, null, key), new BatchItem(2, request, null, key), new BatchItem(3, request, null, "other") });
            Assert.Equal(new[] { key, key + "#2", "other" }, items.Select(item => item.Key));
        }
    }
}
