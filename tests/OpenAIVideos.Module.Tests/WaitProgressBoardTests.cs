using System;
using System.Linq;
using OpenAIVideos.Commands;

namespace OpenAIVideos.Module.Tests
{
    public sealed class WaitProgressBoardTests
    {
        private static readonly string[] Ids = Enumerable.Range(1, 25).Select(i => $"video_{i:00}").ToArray();

        private static Video Running(string id, int progress = 40) => new Video { Id = id, Status = "in_progress", Progress = progress };

        private static WaitProgressBoard BoardWhereAllHaveReported()
        {
            var board = new WaitProgressBoard(Ids);
            foreach (var id in Ids)
            {
                board.Polled(Running(id));
            }

            return board;
        }

        [Fact]
        public void Only_the_first_ten_videos_to_report_get_a_bar_each_under_the_overall_one()
        {
            var board = new WaitProgressBoard(Ids);
            var bars = Ids.Select(id => board.Polled(Running(id))).ToArray();

            Assert.Equal(WaitProgressBoard.MaxVideoBars, bars.Count(bar => bar is not null));
            Assert.All(bars.Take(WaitProgressBoard.MaxVideoBars), bar =>
            {
                Assert.Equal(WaitProgressBoard.OverallActivityId, bar!.ParentActivityId);
                Assert.False(bar.Completed);
                Assert.Equal(40, bar.PercentComplete);
                Assert.Equal("in_progress, 40%", bar.Status);
            });
            Assert.Equal(WaitProgressBoard.MaxVideoBars, bars.Where(bar => bar is not null).Select(bar => bar!.ActivityId).Distinct().Count());
            Assert.DoesNotContain(bars, bar => bar?.ActivityId == WaitProgressBoard.OverallActivityId);
            Assert.Null(bars[WaitProgressBoard.MaxVideoBars]);

            // A video that has a bar keeps it on its next poll.
            Assert.Equal(bars[0]!.ActivityId, board.Polled(Running(Ids[0], 70))!.ActivityId);
        }

        [Fact]
        public void A_finished_video_closes_its_bar_and_frees_its_place_for_the_next_to_report()
        {
            var board = BoardWhereAllHaveReported();
            var updates = board.Finished(Ids[3]);

            Assert.Equal(2, updates.Count);
            Assert.True(updates[0].Completed);
            Assert.Equal(Ids[3], updates[0].Activity);
            Assert.Equal(WaitProgressBoard.OverallActivityId, updates[1].ActivityId);
            Assert.Equal("1 of 25 done", updates[1].Status);
            // One done (100) and 24 at 40 %: the overall bar is their mean, not just the share done.
            Assert.Equal((100 + 24 * 40) / 25, updates[1].PercentComplete);
            Assert.NotNull(board.Polled(Running(Ids[20])));
            Assert.Null(board.Polled(Running(Ids[21])));
        }

        [Fact]
        public void A_video_without_a_bar_moves_only_the_overall_one_and_nothing_finishes_twice_or_comes_back()
        {
            var board = BoardWhereAllHaveReported();
            var updates = board.Finished(Ids[24]);
            Assert.Equal(WaitProgressBoard.OverallActivityId, Assert.Single(updates).ActivityId);
            Assert.Empty(board.Finished(Ids[24]));
            Assert.Empty(board.Finished("video_unknown"));
            Assert.Null(board.Polled(Running(Ids[24])));
            Assert.Null(board.Polled(Running("video_unknown")));
            Assert.Equal(1, board.Done);
        }

        [Fact]
        public void The_overall_bar_counts_to_all_done_and_closes()
        {
            var board = new WaitProgressBoard(new[] { "video_a", "video_b", "video_a" });
            Assert.Equal("0 of 2 done", board.Overall().Status);
            board.Finished("video_a");
            board.Finished("video_b");
            Assert.Equal(100, board.Overall().PercentComplete);
            Assert.Equal("2 of 2 done", board.Overall().Status);
            var close = board.Close();
            Assert.True(close.Completed);
            Assert.Equal(-1, close.ParentActivityId);
        }

        [Fact]
        public void A_video_tracked_after_the_board_was_made_gets_a_bar_and_counts()
        {
            var board = new WaitProgressBoard(Array.Empty<string>());
            Assert.Null(board.Polled(Running("video_late")));
            board.Track("video_late");
            board.Track("video_late");
            var bar = board.Polled(Running("video_late"));
            Assert.NotNull(bar);
            Assert.Equal(WaitProgressBoard.OverallActivityId, bar!.ParentActivityId);
            Assert.Equal("1 of 1 done", board.Finished("video_late").Last().Status);
        }

        [Fact]
        public void The_overall_bar_moves_while_jobs_of_equal_length_run_and_is_redrawn_only_when_it_moves()
        {
            var ids = new[] { "video_a", "video_b", "video_c" };
            var board = new WaitProgressBoard(ids);
            Assert.Equal(0, board.Overall().PercentComplete);
            Assert.Null(board.OverallIfMoved());

            foreach (var id in ids)
            {
                board.Polled(Running(id, 60));
            }

            var moved = board.OverallIfMoved();
            Assert.NotNull(moved);
            Assert.Equal(60, moved!.PercentComplete);
            Assert.Equal("0 of 3 done", moved.Status);
            Assert.Null(board.OverallIfMoved());

            // A completed poll counts 99 until the wait reports it finished; then 100.
            board.Polled(new Video { Id = "video_a", Status = "completed", Progress = 100 });
            Assert.Equal((99 + 60 + 60) / 3, board.OverallIfMoved()!.PercentComplete);
            Assert.Equal((100 + 60 + 60) / 3, board.Finished("video_a").Last().PercentComplete);
        }

        [Fact]
        public void Bars_are_titled_by_prompt_and_the_part_of_the_id_that_differs()
        {
            var ids = new[] { LiteLLMId("video_5f0c2d"), LiteLLMId("video_9a71be") };
            var board = new WaitProgressBoard(ids);
            var first = board.Polled(new Video { Id = ids[0], Status = "in_progress", Prompt = "a paper boat on a river" })!;
            var second = board.Polled(new Video { Id = ids[1], Status = "in_progress", Prompt = "a paper boat on a river" })!;

            Assert.StartsWith("'a paper boat on a river' (video_…", first.Activity, StringComparison.Ordinal);
            Assert.NotEqual(first.Activity, second.Activity);
            // The closing update names the bar as it was drawn.
            Assert.Equal(first.Activity, board.Finished(ids[0])[0].Activity);
        }

        /// <summary>A LiteLLM managed id (BerriAI/litellm litellm/types/videos/utils.py, encode_video_id_with_provider).</summary>
        internal static string LiteLLMId(string providerId) =>
            "video_" + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"litellm:custom_llm_provider:openai;model_id:sora-2;video_id:{providerId}"));
    }
}
