using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using OpenAIVideos.Client;
using OpenAIVideos.Client.Batch;
using OpenAIVideos.Commands.Completion;
using OpenAIVideos.Commands.Errors;
using OpenAIVideos.Commands.Pipeline;

namespace OpenAIVideos.Commands
{
    /// <summary>
    /// <para type="synopsis">Makes a video for every input row — created, waited for and downloaded — resumably, throttled to the server.</para>
    /// <para type="description">Each input (a prompt string, or an object such as a CSV row with Prompt and optionally Model, Seconds, Size, InputReference, AdditionalProperties and Name) becomes one video, saved to -Path. An append-only journal (-Journal) records every create before it is sent and its video after, so running the same command again after a crash, Ctrl+C or a reboot skips completed items (re-downloading missing or broken files), waits for the videos already made, and finds the videos of creates whose answers were lost before creating anything again. At most -ThrottleLimit jobs are in flight, and a 429 slows the whole run. One result is written per item as it finishes, then a summary.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "VideoBatch", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = DefaultSet)]
    [OutputType(typeof(VideoBatchResult), typeof(VideoBatchSummary))]
    public sealed class InvokeVideoBatchCommand : VideoApiCmdlet
    {
        private const string DefaultSet = "Default";
        private const int OverallActivityId = WaitProgressBoard.OverallActivityId;
        private const string OverallActivity = "Video batch";
        private readonly List<BatchItem> _items = new List<BatchItem>();
        private readonly List<VideoBatchResult> _invalid = new List<VideoBatchResult>();
        private BatchInputReader? _reader;
        private int _index;

        /// <summary>A prompt, or an object with a Prompt property (and optionally Model, Seconds, Size, InputReference, AdditionalProperties, Name).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [AllowNull]
        public PSObject? InputObject { get; set; }

        /// <summary>The journal file (JSON lines) that makes reruns safe; created when missing. Use the same one for every rerun of a batch.</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string Journal { get; set; } = string.Empty;

        /// <summary>The folder the files are saved in (created when missing); default the current location. Files are named after the item's Name, else the video id.</summary>
        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }

        /// <summary>Which assets to save for each video: video (MP4, the default), thumbnail, spritesheet.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(VariantCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] Variant { get; set; } = { "video" };

        /// <summary>Jobs in flight at once; default the server profile's (e.g. 4 for OpenAI, 2 for Azure, 1 for self-hosted servers).</summary>
        [Parameter]
        [ValidateRange(1, 256)]
        public int ThrottleLimit { get; set; }

        /// <summary>Creates again (billed) the items whose job failed or whose create the server refused in an earlier run.</summary>
        [Parameter]
        public SwitchParameter RetryFailed { get; set; }

        /// <summary>Seconds between polls of each job; by default the server's hint, else 1.</summary>
        [Parameter]
        [ValidateRange(0.1, 3600.0)]
        public double PollIntervalSec { get; set; }

        /// <summary>Gives up waiting for one item's job after this many seconds (it goes on running; a rerun waits again); 0 waits until it ends.</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int TimeoutSec { get; set; }

        /// <summary>Prepares the input reader.</summary>
        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            _reader = new BatchInputReader(UnwrapPSObject, ResolvePath, File.Exists);
        }

        /// <summary>Reads one input; a row that cannot be a video is reported now and the rest go on.</summary>
        protected override void ProcessRecord()
        {
            _index++;
            var input = InputObject;
            var item = _reader!.Read(_index, input, name => input?.Properties[name]?.Value, out var problem);
            if (item is not null)
            {
                item.EstimatedCost = VideoCostEstimator.Estimate(Client.Profile, ModelsForEstimate(), item.Request).Amount;
                _items.Add(item);
                return;
            }

            var invalid = new VideoBatchResult
            {
                Index = _index,
                Input = input,
                Prompt = input?.BaseObject as string,
                Status = VideoBatchItemStatus.Invalid,
                ErrorId = BatchErrorIds.InvalidBatchItem,
                ErrorMessage = problem,
            };
            _invalid.Add(invalid);
            WriteError(ErrorRecordFactory.Create(new ArgumentException(problem),
                VideoErrorReport.Of(BatchErrorIds.InvalidBatchItem, VideoErrorCategory.InvalidArgument, problem!, input)));
            WriteObject(invalid);
        }

        /// <summary>Plans the run from the journal and runs it (or with -WhatIf, prints the plan and its cost).</summary>
        protected override void EndProcessing()
        {
            var items = BatchItems.WithUniqueKeys(_items);
            var journalPath = ResolvePath(Journal);
            var options = new BatchRunOptions
            {
                OutputFolder = Path is null ? SessionState.Path.CurrentFileSystemLocation.ProviderPath : ResolvePath(Path),
                Variants = Variant.Select(VideoContentVariant.Parse).Distinct().ToArray(),
                RetryFailed = RetryFailed.IsPresent,
                ThrottleLimit = MyInvocation.BoundParameters.ContainsKey(nameof(ThrottleLimit)) ? ThrottleLimit : (int?)null,
                Wait = new VideoWaitOptions
                {
                    PollInterval = MyInvocation.BoundParameters.ContainsKey(nameof(PollIntervalSec)) ? TimeSpan.FromSeconds(PollIntervalSec) : (TimeSpan?)null,
                    Timeout = TimeoutSec > 0 ? TimeSpan.FromSeconds(TimeoutSec) : (TimeSpan?)null,
                },
            };

            try
            {
                BatchRunner.EnsureRunnable(Client.Options.Profile, options);
            }
            catch (VideoApiException exception)
            {
                ThrowTerminatingError(ErrorRecordFactory.FromApiException(exception, Variant));
                return;
            }

            if (IsWhatIf())
            {
                ShowPlan(items, journalPath, options);
            }
            else
            {
                RunBatch(items, journalPath, options);
            }

            base.EndProcessing();
        }

        private List<BatchPlanStep> Plan(IReadOnlyList<BatchItem> items, Func<string, BatchItemHistory?> history, BatchRunOptions options) =>
            items.Select(item => BatchPlanner.Plan(item, history(item.Key), options.Variants, options.RetryFailed, BatchPlanner.FileLengthOnDisk)).ToList();

        private void ShowPlan(IReadOnlyList<BatchItem> items, string journalPath, BatchRunOptions options)
        {
            IReadOnlyDictionary<string, BatchItemHistory> histories;
            try
            {
                histories = BatchJournal.Read(journalPath);
            }
            catch (VideoApiException exception)
            {
                ThrowTerminatingError(ErrorRecordFactory.FromApiException(exception, journalPath));
                return;
            }

            var steps = Plan(items, key => histories.TryGetValue(key, out var found) ? found : null, options);
            decimal total = 0;
            var unknown = 0;
            foreach (var step in steps)
            {
                var cost = step.MayCreate ? step.Item.EstimatedCost : 0m;
                total += cost ?? 0m;
                unknown += cost is null ? 1 : 0;
                ShouldProcess($"item {step.Item.Index} '{VideoFormatter.PromptCell(step.Item.Request.Prompt, 50)}' ({step.Item.Key})",
                    $"{step.Action}: {step.Reason}" + (step.MayCreate ? $", estimated cost {VideoFormatter.CostCell(step.Item.EstimatedCost)}" : string.Empty));
            }

            var creates = steps.Count(step => step.MayCreate);
            ShouldProcess($"the batch of {steps.Count} item(s), journal {journalPath}",
                $"Create up to {creates} video(s), estimated cost {VideoFormatter.CostCell(total)}{(unknown > 0 ? $" plus {unknown} of unknown price" : string.Empty)}"
                + $"; {steps.Count(s => s.Action == VideoBatchAction.Skip)} skipped, {steps.Count(s => s.Action == VideoBatchAction.Resume)} resumed");
        }

        private void RunBatch(IReadOnlyList<BatchItem> items, string journalPath, BatchRunOptions options)
        {
            BatchJournal journal;
            try
            {
                journal = BatchJournal.Open(journalPath);
            }
            catch (VideoApiException exception)
            {
                ThrowTerminatingError(ErrorRecordFactory.FromApiException(exception, journalPath));
                return;
            }

            using (journal)
            using (var runner = new BatchRunner(Client.Options, line => Dispatcher.Post(() => WriteVerbose(line))))
            {
                if (journal.SkippedLines > 0)
                {
                    WriteVerbose($"The journal had {journal.SkippedLines} torn or foreign line(s) (a kill mid-write); they were skipped.");
                }

                // -Confirm asks once per item that may be billed; -WhatIf was handled before.
                var steps = Plan(items, journal.Find, options).Where(step => !step.MayCreate || ShouldProcess(
                    $"item {step.Item.Index} '{VideoFormatter.PromptCell(step.Item.Request.Prompt, 50)}'",
                    $"{step.Action}: estimated cost {VideoFormatter.CostCell(step.Item.EstimatedCost)}")).ToList();
                WriteVerbose($"Batch of {steps.Count}: {steps.Count(s => s.MayCreate)} to create or recover, {steps.Count(s => s.Action == VideoBatchAction.Resume)} to resume, "
                    + $"{steps.Count(s => s.Action == VideoBatchAction.Skip)} to skip; at most {runner.ThrottleLimitFor(options)} jobs in flight.");
                var board = new WaitProgressBoard(Array.Empty<string>());
                var overall = new DispatchingProgress<BatchProgress>(Dispatcher, progress => WriteOverall(progress, completed: false));
                var videos = new DispatchingProgress<Video>(Dispatcher, video =>
                {
                    board.Track(video.Id);
                    if (board.Polled(video) is { } bar)
                    {
                        WriteProgressBar(bar);
                    }

                    WriteOverall(runner.Progress(), completed: false);
                });
                try
                {
                    var results = Run((_, token) => runner.RunAsync(steps, journal, options, (result, error) => Dispatcher.PostAsync(() =>
                    {
                        if (result.VideoId is { } videoId)
                        {
                            foreach (var bar in board.Finished(videoId).Where(bar => bar.ActivityId != OverallActivityId))
                            {
                                WriteProgressBar(bar);
                            }
                        }

                        WriteObject(result);
                        if (error is not null)
                        {
                            WriteApiError(error, result);
                        }
                    }, token), overall, videos, token));
                    Dispatcher.Drain();
                    WriteObject(BatchSummary.Of(_invalid.Concat(results), runner.Progress().Elapsed, journal.Path));
                }
                finally
                {
                    WriteOverall(runner.Progress(), completed: true);
                }
            }
        }

        private void WriteOverall(BatchProgress progress, bool completed) =>
            WriteProgress(new ProgressRecord(OverallActivityId, OverallActivity, completed ? "Done" : progress.ToString())
            {
                PercentComplete = progress.Percent,
                RecordType = completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
            });
    }
}
