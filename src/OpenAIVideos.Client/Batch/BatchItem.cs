using System;
using System.Collections.Generic;

namespace OpenAIVideos.Client.Batch
{
    /// <summary>One video a batch run is to make: its inputs, its stable journal key, and the input object it came from.</summary>
    public sealed class BatchItem
    {
        /// <summary>An item; <see cref="Key"/> is computed by <see cref="BatchItemKey"/> from the inputs (or the name).</summary>
        public BatchItem(int index, VideoCreateRequest request, string? name, string key, object? input = null)
        {
            Index = index;
            Request = request ?? throw new ArgumentNullException(nameof(request));
            Name = name;
            Key = string.IsNullOrEmpty(key) ? throw new ArgumentException("A key is required.", nameof(key)) : key;
            Input = input;
        }

        /// <summary>Position in the input, from 1.</summary>
        public int Index { get; }

        /// <summary>What is sent to create the video.</summary>
        public VideoCreateRequest Request { get; }

        /// <summary>The user's name for it, when given; then also the key and the file name.</summary>
        public string? Name { get; }

        /// <summary>The journal key: the same inputs give the same key in every run.</summary>
        public string Key { get; }

        /// <summary>The pipeline object it came from (opaque to the engine; handed back in the result).</summary>
        public object? Input { get; }

        /// <summary>US dollars, or null when unknown; set by the caller, which knows the prices.</summary>
        public decimal? EstimatedCost { get; set; }

        /// <summary>The duration asked for, as the API's string, or null for the server's default.</summary>
        public string? Seconds => Request.Seconds;

        /// <summary>The item's key.</summary>
        public override string ToString() => Key;
    }

    /// <summary>The batch items of one run, each key made unique: a repeated input is a second video, not the same one twice.</summary>
    public static class BatchItems
    {
        /// <summary>
        /// Suffixes the second and later occurrences of a key with <c>#2</c>, <c>#3</c>…, in input order, so that the
        /// same CSV run twice maps each row to the same journal entry.
        /// </summary>
        public static IReadOnlyList<BatchItem> WithUniqueKeys(IEnumerable<BatchItem> items)
        {
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            var result = new List<BatchItem>();
            foreach (var item in items)
            {
                seen.TryGetValue(item.Key, out var count);
                seen[item.Key] = ++count;
                result.Add(count == 1 ? item : new BatchItem(item.Index, item.Request, item.Name, item.Key + "#" + count, item.Input) { EstimatedCost = item.EstimatedCost });
            }

            return result;
        }
    }
}
