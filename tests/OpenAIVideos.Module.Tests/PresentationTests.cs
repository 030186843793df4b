using System.Collections.Generic;
using System;
using System.Linq;
using OpenAIVideos.Commands;

namespace OpenAIVideos.Module.Tests
{
    public sealed class PresentationTests
    {
        [Theory]
        [InlineData(null, null, null, "$0.40")]
        [InlineData("sora-2", "1280x720", "8", "$0.80")]
        [InlineData("sora-2-2025-10-06", "720x1280", "12", "$1.20")]
        [InlineData("sora-2-pro", "720x1280", "4", "$1.20")]
        [InlineData("sora-2-pro", "1792x1024", "4", "$2.00")]
        [InlineData("sora-2-pro-2025-10-06", "1920x1080", "8", "$4.00")]
        [InlineData("sora-2", "1792x1024", "4", "unknown")]
        [InlineData("wan2.1", "720x1280", "4", "unknown")]
        [InlineData("sora-2", "720x1280", "many", "$0.10/s (duration unknown)")]
        public void CostEstimates(string? model, string? size, string? seconds, string expected) =>
            Assert.Equal(expected, VideoCostEstimator.Estimate(model, size, seconds).ToString());

        [Fact]
        public void Estimates_follow_the_connected_server_never_Soras_table_elsewhere()
        {
            var sora = new OpenAIVideos.Client.VideoCreateRequest { Prompt = "p", Model = "sora-2", Size = "720x1280", Seconds = "8" };
            Assert.Equal("$0.80", VideoCostEstimator.Estimate(OpenAIVideos.Client.ServerProfile.For(ServerKind.Azure), null, sora).ToString());
            foreach (var kind in new[] { ServerKind.Gemini, ServerKind.VllmOmni, ServerKind.SGLang, ServerKind.OpenRouter })
            {
                var profile = OpenAIVideos.Client.ServerProfile.For(kind);
                Assert.Equal("unknown", VideoCostEstimator.Estimate(profile, profile.DocumentedModels, sora).ToString());
                Assert.Contains("estimated cost unknown", CreateDescription.Describe(profile, profile.DocumentedModels, new OpenAIVideos.Client.VideoCreateRequest { Prompt = "p" }));
            }

            // Issue 17 item 12's companion: the Sora defaults fill in only where the server speaks Sora.
            Assert.Equal("Create a 4 s video (sora-2, 720x1280), estimated cost $0.40",
                CreateDescription.Describe(OpenAIVideos.Client.ServerProfile.For(ServerKind.Generic), null, new OpenAIVideos.Client.VideoCreateRequest { Prompt = "p" }));
            Assert.Equal("Create a video (veo-3.1-generate-preview) on Gemini API, estimated cost unknown",
                CreateDescription.Describe(OpenAIVideos.Client.ServerProfile.For(ServerKind.Gemini), null, new OpenAIVideos.Client.VideoCreateRequest { Prompt = "p" }));
        }

        [Theory]
        [InlineData("8", "1080p", null, "$6.00")]                         // per-video-second-1080p: 0.75 x 8
        [InlineData("8", "720p", null, "$4.00")]                          // no 720p SKU: per-video-second 0.50
        [InlineData("8", null, null, "up to $6.00")]                      // resolution not given: the dearest
        [InlineData(null, "720p", null, "$0.50/s (duration unknown)")]
        public void Published_prices_are_read_from_the_skus(string? seconds, string? resolution, bool? audio, string expected)
        {
            var model = new VideoModel
            {
                Id = "google/veo-3.1",
                Resolutions = new[] { "720p", "1080p" },
                Prices = new Dictionary<string, decimal> { ["per-video-second"] = 0.50m, ["per-video-second-1080p"] = 0.75m },
            };
            double? duration = seconds is null ? null : double.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(expected, VideoCostEstimator.SkuEstimate(model, duration, resolution, audio).ToString());
        }

        [Theory]
        [InlineData(true, "720p", "$0.40")]
        [InlineData(false, "720p", "$0.24")]
        [InlineData(false, "1080p", "$0.40")]
        public void Audio_and_resolution_skus_as_public_clients_show_them(bool audio, string resolution, string expected)
        {
            var model = new VideoModel
            {
                Id = "google/veo-3.1-lite",
                Resolutions = new[] { "720p", "1080p" },
                Prices = new Dictionary<string, decimal>
                {
                    ["duration_seconds_with_audio"] = 0.08m, ["duration_seconds_without_audio"] = 0.05m,
                    ["duration_seconds_with_audio_720p"] = 0.05m, ["duration_seconds_without_audio_720p"] = 0.03m,
                },
            };
            Assert.Equal(expected, VideoCostEstimator.SkuEstimate(model, 8, resolution, audio).ToString());
        }

        [Fact]
        public void PromptCellIsOneLineAndFitsItsWidth()
        {
            Assert.Equal("a red fox", VideoFormatter.PromptCell("  a   red\r\n\tfox "));
            var cut = VideoFormatter.PromptCell(new string('x', 200));
            Assert.Equal(VideoFormatter.PromptWidth, cut.Length);
            Assert.EndsWith("…", cut);
            Assert.Equal(string.Empty, VideoFormatter.PromptCell(null));
            Assert.Equal("abc", VideoFormatter.PromptCell("abc", 3));
            Assert.Equal("ab…", VideoFormatter.PromptCell("abcd", 3));
        }

        [Theory]
        [InlineData("video_68e1a4c2b9f04d3e8a7c61f0d2b5e917", 20, "video_…c61f0d2b5e917")]
        [InlineData("video_68e1a4c2b9f04d3e8a7c61f0d2b5e917", 38, "video_68e1a4c2b9f04d3e8a7c61f0d2b5e917")]
        [InlineData("video_abc", 20, "video_abc")]
        [InlineData("char_0123456789abcdef0123", 12, "…9abcdef0123")]
        [InlineData("3f2a9c1b04d7e8a1b2c3d4e5", 10, "…1b2c3d4e5")]
        [InlineData("a_very_long_kind_prefix_then_tail", 12, "a_…then_tail")]
        [InlineData(null, 20, "")]
        public void IdCellKeepsTheKindAndTheTail(string? id, int width, string expected)
        {
            var cell = VideoFormatter.IdCell(id, width);
            Assert.Equal(expected, cell);
            Assert.True(cell.Length <= width);
            if (id is not null && cell.Contains('…'))
            {
                Assert.EndsWith(cell.Substring(cell.IndexOf('…') + 1), id, StringComparison.Ordinal);
            }
        }

        [Fact]
        public void LiteLLMIdsThatShareTheirHeadAreToldApartByTheirCells()
        {
            // The reported symptom: every row read video_bGl0ZWxsbTpjdXN0b21fbGxtX3Byb3Z… (the base64 of the shared head).
            var ids = new[] { "video_68e1a4c2b9f04d3e8a7c61f0d2b5e917", "video_68e1a4c2b9f04d3e8a7c61f0d2b5e918", "video_0c1d" }
                .Select(WaitProgressBoardTests.LiteLLMId).ToList();
            Assert.All(ids, id => Assert.StartsWith("video_bGl0ZWxsbTpjdXN0b21fbGxtX3Byb3Z", id, StringComparison.Ordinal));
            var cells = ids.Select(id => VideoFormatter.IdCell(id)).ToList();
            Assert.Equal(cells.Count, cells.Distinct(StringComparer.Ordinal).Count());
            Assert.All(cells, cell => Assert.Equal(VideoFormatter.IdWidth, cell.Length));
            Assert.All(cells, cell => Assert.StartsWith("video_…", cell, StringComparison.Ordinal));
        }

        [Fact]
        public void ProgressTitlesAndItemCells()
        {
            const string id = "video_68e1a4c2b9f04d3e8a7c61f0d2b5e917";
            Assert.Equal("'a paper boat on a river' (video_…c61f0d2b5e917)", VideoFormatter.ProgressTitle(id, "a paper  boat\non a river"));
            Assert.Equal("video_…c61f0d2b5e917", VideoFormatter.ProgressTitle(id, "  "));
            Assert.Equal(VideoFormatter.ProgressPromptWidth + 2, VideoFormatter.ProgressTitle(id, new string('x', 300)).IndexOf(" (", StringComparison.Ordinal));
            Assert.Equal("boat", VideoFormatter.ItemCell("boat", "a paper boat", 20));
            Assert.Equal("a paper…", VideoFormatter.ItemCell(null, "a paper boat", 8));
            Assert.Equal(string.Empty, VideoFormatter.ChargedCell(null));
            Assert.Equal("$0.40", VideoFormatter.ChargedCell(0.4m));
        }

        [Theory]
        [InlineData(0, "  0%")]
        [InlineData(45, " 45%")]
        [InlineData(100, "100%")]
        [InlineData(140, "100%")]
        [InlineData(-3, "  0%")]
        public void ProgressCellIsFourCharacters(int progress, string expected) => Assert.Equal(expected, VideoFormatter.ProgressCell(progress));

        [Fact]
        public void CreatedCellIsLocalAndShort()
        {
            var zone = TimeZoneInfo.CreateCustomTimeZone("Plus2", TimeSpan.FromHours(2), "Plus2", "Plus2");
            var now = new DateTimeOffset(2026, 8, 21, 12, 0, 0, TimeSpan.Zero);
            Assert.Equal("Aug 21 11:05", VideoFormatter.CreatedCell(new DateTimeOffset(2026, 8, 21, 9, 5, 0, TimeSpan.Zero), now, zone));
            Assert.Equal("2025-12-31", VideoFormatter.CreatedCell(new DateTimeOffset(2025, 12, 31, 9, 5, 0, TimeSpan.Zero), now, zone));
            Assert.Equal(string.Empty, VideoFormatter.CreatedCell(default, now, zone));
        }

        [Fact]
        public void RelativeAndLocalTimeTexts()
        {
            var now = new DateTimeOffset(2026, 8, 21, 12, 0, 0, TimeSpan.Zero);
            Assert.Equal("just now", VideoFormatter.RelativeText(now.AddSeconds(-10), now));
            Assert.Equal("3 min ago", VideoFormatter.RelativeText(now.AddMinutes(-3), now));
            Assert.Equal("in 45 min", VideoFormatter.RelativeText(now.AddMinutes(45), now));
            Assert.Equal("5 h ago", VideoFormatter.RelativeText(now.AddHours(-5), now));
            Assert.Equal("3 d ago", VideoFormatter.RelativeText(now.AddDays(-3), now));
            Assert.Equal("2026-08-21 11:57:00 (3 min ago)", VideoFormatter.LocalTimeText(now.AddMinutes(-3), now, TimeZoneInfo.Utc));
            Assert.Equal(string.Empty, VideoFormatter.LocalTimeText(null, now, TimeZoneInfo.Utc));
        }

        [Fact]
        public void BytesAndStatusTexts()
        {
            Assert.Equal("512 B", VideoFormatter.BytesText(512));
            Assert.Equal("1.5 KiB", VideoFormatter.BytesText(1536));
            Assert.Equal("12.0 MiB", VideoFormatter.BytesText(12L * 1024 * 1024));
            Assert.Equal("1.0 MiB of 2.0 MiB", VideoFormatter.DownloadStatus(1024 * 1024, 2 * 1024 * 1024));
            Assert.Equal("1.0 KiB", VideoFormatter.DownloadStatus(1024, null));
            // Powers of 1024 are labelled as such: 3 × 10⁹ bytes is 2.8 GiB, never "2.8 GB".
            Assert.Equal("2.8 GiB", VideoFormatter.BytesText(3_000_000_000));
            Assert.Equal("in_progress, 45%", VideoFormatter.ProgressStatus(new Video { Status = "in_progress", Progress = 45 }));
            Assert.Equal("failed, 100% (moderation_blocked)", VideoFormatter.ProgressStatus(new Video { Status = "failed", Progress = 100, Error = new VideoError { Code = "moderation_blocked" } }));
        }

        [Fact]
        public void BatchCells()
        {
            Assert.Equal("$0.40", VideoFormatter.CostCell(0.4m));
            Assert.Equal("unknown", VideoFormatter.CostCell(null));
            Assert.Equal("VideoFailed 2, InvalidRequest 1, RateLimited 1",
                VideoFormatter.FailuresCell(new System.Collections.Generic.Dictionary<string, int> { ["RateLimited"] = 1, ["VideoFailed"] = 2, ["InvalidRequest"] = 1 }));
            Assert.Equal(string.Empty, VideoFormatter.FailuresCell(null));
        }

        [Fact]
        public void TheDefaultTableFitsA120ColumnTerminal()
        {
            var path = System.IO.Path.Combine(AppContext.BaseDirectory, "OpenAIVideos.Format.ps1xml");
            var document = System.Xml.Linq.XDocument.Load(path);
            foreach (var table in document.Descendants("TableControl"))
            {
                var widths = new System.Collections.Generic.List<int>();
                foreach (var header in table.Descendants("TableColumnHeader"))
                {
                    var width = header.Element("Width");
                    Assert.NotNull(width); // every column sized: no column can grow past the sum
                    widths.Add(int.Parse(width!.Value, System.Globalization.CultureInfo.InvariantCulture));
                }

                var total = 0;
                widths.ForEach(w => total += w);
                Assert.True(total + widths.Count - 1 <= 120, $"A table is {total + widths.Count - 1} columns wide.");
            }

            Assert.Contains("[OpenAIVideos.Commands.VideoFormatter]::PromptCell($_.Prompt)", System.IO.File.ReadAllText(path));
            var promptHeader = System.Linq.Enumerable.Single(System.Linq.Enumerable.First(document.Descendants("TableControl")).Descendants("TableColumnHeader"),
                header => header.Element("Label")!.Value == "Prompt");
            Assert.Equal(VideoFormatter.PromptWidth.ToString(System.Globalization.CultureInfo.InvariantCulture), promptHeader.Element("Width")!.Value);
        }
    }
}
