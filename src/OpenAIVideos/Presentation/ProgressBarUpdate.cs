namespace OpenAIVideos.Commands
{
    /// <summary>One progress bar to draw or close: what Write-Progress needs, without PowerShell types (so it is testable).</summary>
    public sealed class ProgressBarUpdate
    {
        internal ProgressBarUpdate(int activityId, int parentActivityId, string activity, string status, int percentComplete, bool completed)
        {
            ActivityId = activityId;
            ParentActivityId = parentActivityId;
            Activity = activity;
            Status = status;
            PercentComplete = percentComplete;
            Completed = completed;
        }

        /// <summary>The bar's id; a child names its parent's.</summary>
        public int ActivityId { get; }

        /// <summary>The parent bar's id, or -1 for a top-level bar.</summary>
        public int ParentActivityId { get; }

        /// <summary>The bar's title.</summary>
        public string Activity { get; }

        /// <summary>The line under the title.</summary>
        public string Status { get; }

        /// <summary>0–100.</summary>
        public int PercentComplete { get; }

        /// <summary>Whether this closes the bar.</summary>
        public bool Completed { get; }
    }
}
