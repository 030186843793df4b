using System.Collections.Generic;

namespace OpenAIVideos
{
    /// <summary>One item of a batch run: what went in, what the plan was, the video and files that came out, and any error.</summary>
    public sealed class VideoBatchResult
    {
        /// <summary>The item's position in the input, from 1.</summary>
        public int Index { get; set; }

        /// <summary>The item's stable journal key: its Name, or a hash of its inputs.</summary>
        public string Key { get; set; } = string.Empty;

        /// <summary>The item's Name, when the input had one.</summary>
        public string? Name { get; set; }

        /// <summary>The prompt.</summary>
        public string? Prompt { get; set; }

        /// <summary>The input object as it came down the pipeline.</summary>
        public object? Input { get; set; }

        /// <summary>What the run did for it.</summary>
        public VideoBatchAction Action { get; set; }

        /// <summary>How it ended.</summary>
        public VideoBatchItemStatus Status { get; set; }

        /// <summary>The item's video id, when it has one (also for a skipped item, from the journal).</summary>
        public string? VideoId { get; set; }

        /// <summary>The video as last seen, when this run saw it (null for a skipped item: nothing was sent).</summary>
        public Video? Video { get; set; }

        /// <summary>Seconds of video made, when it completed (from the video, or for a skipped item from the journal).</summary>
        public double? Seconds { get; set; }

        /// <summary>Full paths of the files saved (or verified) for it, one per variant.</summary>
        public IList<string> Files { get; set; } = new List<string>();

        /// <summary>The stable error id when it did not complete (e.g. VideoFailed, InvalidRequest, InvalidBatchItem).</summary>
        public string? ErrorId { get; set; }

        /// <summary>What went wrong, in the server's words where it gave them.</summary>
        public string? ErrorMessage { get; set; }

        /// <summary>Creates sent for it in this run (0 when it was skipped, resumed or recovered without one).</summary>
        public int CreatesSent { get; set; }

        /// <summary>US dollars by OpenAI's published prices, or null when the model or size has no known price.</summary>
        public decimal? EstimatedCost { get; set; }

        /// <summary>What the server says it charged for this item's video (<see cref="OpenAIVideos.Video.Cost"/>), when it says.</summary>
        public decimal? Cost => Video?.Cost;

        /// <summary>The video id, or the key.</summary>
        public override string ToString() => VideoId ?? Key;
    }
}
