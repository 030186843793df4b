namespace OpenAIVideos.Benchmarks.Harness
{
    /// <summary>Sizes of every scenario; <c>--quick</c> shrinks them for developing the harness, not for reporting.</summary>
    internal sealed class BenchSettings
    {
        public bool Quick { get; init; }

        public int RetrieveWarmup => Quick ? 100 : 500;

        public System.TimeSpan RetrieveWarmupTime => System.TimeSpan.FromSeconds(Quick ? 1 : 3);

        public int RetrieveRounds => Quick ? 4 : 40;

        public int RetrievePerRound => Quick ? 100 : 150;

        public int ColdRuns => Quick ? 3 : 9;

        public int ListTotal => Quick ? 2000 : 10000;

        public int ListSmall => 1000;

        public int ListRounds => Quick ? 2 : 3;

        public long DownloadBytes => Quick ? 64L * 1024 * 1024 : 1024L * 1024 * 1024;

        public int DownloadRounds => Quick ? 1 : 8;

        public int WaitJobs => Quick ? 200 : 1000;

        public double WaitJobSeconds => Quick ? 3 : 5;

        public int PollAfterMs => 500;

        public double HammerSeconds => Quick ? 1.5 : 3;

        public string? DownloadFolder { get; init; }

        // The shell scenarios (the cmdlets in the pinned pwsh against Invoke-RestMethod and friends).
        public int ShellRetrieveWarmup => Quick ? 100 : 300;

        public int ShellRetrieveRounds => Quick ? 4 : 20;

        public int ShellRetrievePerRound => 50;

        public int ShellListTotal => Quick ? 2000 : 10000;

        public int ShellListRounds => Quick ? 1 : 3;

        public int ShellRemoveTotal => 1000;

        public int ShellRemoveFailed => 100;

        public int ShellRemoveRounds => Quick ? 1 : 5;

        public long ShellDownloadBytes => Quick ? 64L * 1024 * 1024 : 1024L * 1024 * 1024;

        public int ShellDownloadRounds => Quick ? 1 : 5;

        public int ShellWaitJobs => Quick ? 200 : 1000;

        /// <summary>Pairs of whole pwsh processes per row of shell-cold (the issue asks for at least 20).</summary>
        public int ShellColdPairs => Quick ? 3 : 20;
    }
}
