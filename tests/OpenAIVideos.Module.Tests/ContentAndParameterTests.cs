using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using OpenAIVideos.Client;
using OpenAIVideos.Commands.Content;
using OpenAIVideos.Commands.Pipeline;

namespace OpenAIVideos.Module.Tests
{
    public sealed class ContentAndParameterTests
    {
        private static readonly string Folder = Path.Combine(Path.GetTempPath(), "ovid-tests");

        [Fact]
        public void AFolderGetsFilesNamedAfterTheVideo()
        {
            var targets = ContentPathPlanner.Plan("video_123", new[] { VideoContentVariant.Video, VideoContentVariant.Thumbnail, VideoContentVariant.Spritesheet, VideoContentVariant.Video }, Folder, _ => true);
            Assert.Equal(new[] { "video_123.mp4", "video_123.thumbnail.webp", "video_123.spritesheet.jpg" }, targets.Select(t => Path.GetFileName(t.Path)));
            Assert.All(targets, t => Assert.Equal(Folder, Path.GetDirectoryName(t.Path)));
        }

        [Fact]
        public void ATrailingSeparatorMeansAFolderEvenIfItDoesNotExistYet()
        {
            var path = Folder + Path.DirectorySeparatorChar;
            var target = Assert.Single(ContentPathPlanner.Plan("video_1", new[] { VideoContentVariant.Video }, path, _ => false));
            Assert.Equal(Path.Combine(path, "video_1.mp4"), target.Path);
        }

        [Fact]
        public void AFilePathIsUsedAsIsForOneVariantAndRefusedForSeveral()
        {
            var file = Path.Combine(Folder, "fox.mp4");
            Assert.Equal(file, Assert.Single(ContentPathPlanner.Plan("video_1", new[] { VideoContentVariant.Video }, file, _ => false)).Path);
            var error = Assert.Throws<ArgumentException>(() => ContentPathPlanner.Plan("video_1", new[] { VideoContentVariant.Video, VideoContentVariant.Thumbnail }, file, _ => false));
            Assert.Contains("video_1.thumbnail.webp", error.Message);
        }

        [Fact]
        public void UnknownVariantsAndHostileIdsGetSafeNames()
        {
            Assert.Equal("video_1.preview.bin", ContentPathPlanner.FileName("video_1", VideoContentVariant.Parse("preview")));
            var name = ContentPathPlanner.FileName("../../etc/passwd", VideoContentVariant.Video);
            Assert.DoesNotContain("/", name);
            Assert.DoesNotContain("\\", name);
            Assert.Equal(name, Path.GetFileName(name));
        }

        [Fact]
        public void InputReferencesResolvePathsAgainstPowerShellsLocation()
        {
            var resolved = new List<string>();
            Func<string, string> resolve = p => { resolved.Add(p); return "/ps/location/" + p; };
            Assert.Equal("https://example.com/a.png", InputReferenceResolver.Resolve("https://example.com/a.png", resolve, _ => false).ImageUrl);
            Assert.Equal("data:image/png;base64,AAAA", InputReferenceResolver.Resolve("data:image/png;base64,AAAA", resolve, _ => false).ImageUrl);
            Assert.Empty(resolved);
            Assert.Equal("file-abc123", InputReferenceResolver.Resolve("file-abc123", resolve, _ => false).FileId);
            var missing = Assert.Throws<VideoApiException>(() => InputReferenceResolver.Resolve("start.png", resolve, _ => false));
            Assert.Contains("/ps/location/start.png", missing.Message);
        }

        [Fact]
        public void InputReferenceReadsARealImageFromTheResolvedPath()
        {
            var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "ovid-" + Guid.NewGuid().ToString("N"))).FullName;
            try
            {
                var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0, 0, 0 };
                File.WriteAllBytes(Path.Combine(folder, "start.png"), png);
                var reference = InputReferenceResolver.Resolve("start.png", p => Path.Combine(folder, p), File.Exists);
                Assert.Equal("image/png", reference.File!.ContentType);
            }
            finally
            {
                Directory.Delete(folder, true);
            }
        }

        [Fact]
        public void AdditionalPropertiesAreUnwrappedRecursively()
        {
            Func<object?, object?> unwrap = v => v is Box b ? b.Inner : v;
            var table = new Hashtable
            {
                ["seed"] = new Box(42),
                [new Box("negative_prompt")] = "blur",
                ["nested"] = new Hashtable { ["fps"] = new Box(new Box(24)), ["list"] = new object[] { new Box("a"), 2 } },
                ["nothing"] = null,
            };
            var plain = ParameterValues.ToAdditionalProperties(table, unwrap);
            Assert.Equal(42, plain["seed"]);
            Assert.Equal("blur", plain["negative_prompt"]);
            var nested = Assert.IsType<Dictionary<string, object?>>(plain["nested"]);
            Assert.Equal(24, nested["fps"]);
            Assert.Equal(new object?[] { "a", 2 }, Assert.IsType<List<object?>>(nested["list"]));
            Assert.Null(plain["nothing"]);
            Assert.Empty(ParameterValues.ToAdditionalProperties(null, unwrap));
            Assert.Throws<ArgumentException>(() => ParameterValues.ToAdditionalProperties(new Hashtable { [" "] = 1 }, unwrap));
        }

        [Fact]
        public void TheListWindowFiltersSkipsAndStopsAtFirst()
        {
            var videos = Enumerable.Range(1, 10).Select(i => new Video { Id = "v" + i, Status = i % 2 == 0 ? "failed" : "completed" }).ToList();
            var window = new VideoListWindow(new[] { "FAILED" }, 1, 2);
            var emitted = new List<string>();
            var offered = 0;
            foreach (var video in videos)
            {
                offered++;
                var decision = window.Offer(video);
                if (decision.Emit)
                {
                    emitted.Add(video.Id);
                }

                if (decision.Stop)
                {
                    break;
                }
            }

            Assert.Equal(new[] { "v4", "v6" }, emitted);
            Assert.Equal(6, offered); // stops requesting once -First is satisfied
            Assert.Null(window.SuggestedPageSize());
        }

        [Fact]
        public void TheListWindowSuggestsAPageSizeOnlyWhenTheCountIsPredictable()
        {
            Assert.Equal(5, new VideoListWindow(null, 2, 3).SuggestedPageSize());
            Assert.Equal(100, new VideoListWindow(null, 0, 1000).SuggestedPageSize());
            Assert.Null(new VideoListWindow(null, 0, ulong.MaxValue).SuggestedPageSize());
            Assert.True(new VideoListWindow(null, 0, 0).IsSatisfied);
            var all = new VideoListWindow(Array.Empty<string>(), 0, ulong.MaxValue);
            Assert.True(all.Offer(new Video { Status = "whatever" }).Emit);
        }

        private sealed class Box
        {
            public Box(object inner) => Inner = inner;

            public object Inner { get; }
        }
    }
}
