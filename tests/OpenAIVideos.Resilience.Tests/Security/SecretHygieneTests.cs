using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using OpenAIVideos.Commands;
using OpenAIVideos.Commands.Connection;
using OpenAIVideos.Commands.Errors;
using OpenAIVideos.Emulator;
using OpenAIVideos.Emulator.Faults;
using OpenAIVideos.Resilience.Tests.Infrastructure;

namespace OpenAIVideos.Resilience.Tests.Security
{
    /// <summary>
    /// Every operation, and every way to fail, with a recognisable key: the key must appear nowhere a user or a log
    /// could see it — log lines, exception messages and ToString (inner exceptions too), error reports, connection
    /// descriptions, files written, and the emulator's request log.
    /// </summary>
    public sealed class SecretHygieneTests : EmulatorFixture
    {
        private readonly List<Exception> _failures = new List<Exception>();

        [Fact]
        public async Task The_key_appears_nowhere_whatever_succeeds_or_fails()
        {
            using var client = Client(maxRetries: 1);

            // Every operation succeeding.
            var video = await CompletedVideoAsync(client);
            await client.WaitAsync(video.Id);
            await foreach (var _ in client.ListAsync(new VideoListQuery { PageSize = 1 }))
            {
            }

            foreach (var variant in VideoContentVariant.Known)
            {
                await client.DownloadContentToFileAsync(video.Id, variant, Scratch.File("out" + variant.FileExtension), overwrite: false);
            }

            var remix = await client.RemixAsync(video.Id, "the same, at night");
            Emulator.CompleteNow(remix.Id);
            await client.ExtendAsync(new VideoExtendRequest { VideoId = video.Id, Prompt = "and then", Seconds = "4" });
            await client.EditAsync(new VideoEditRequest { VideoId = video.Id, Prompt = "in sepia" });
            await client.DeleteAsync(remix.Id);

            // Every way to fail.
            await Fails(() => client.RetrieveAsync("video_missing"));
            await Fails(() => client.RetrieveCharacterAsync("char_missing"));
            foreach (var kind in new[] { FaultKind.HtmlPage, FaultKind.PlainText, FaultKind.TruncatedJson, FaultKind.DropConnection })
            {
                Emulator.Faults.Add(new FaultRule { Kind = kind, Operation = "retrieve", Count = 2 });
                await Fails(() => client.RetrieveAsync(video.Id));
            }

            Emulator.Faults.Add(new FaultRule { Kind = FaultKind.ErrorStatus, Status = 500, Operation = "create", Count = 2, RetryAfterMs = 10 });
            await Fails(() => client.CreateAsync(new VideoCreateRequest { Prompt = "p" }));
            Emulator.Faults.Add(new FaultRule { Kind = FaultKind.TruncateBody, Operation = "create", BodyBytes = 10 });
            await Fails(() => client.CreateAsync(new VideoCreateRequest { Prompt = "p" }));
            Emulator.Faults.Add(new FaultRule { Kind = FaultKind.ErrorStatus, Status = 429, Operation = "list", ErrorMessage = "You exceeded your current quota (key " + Key + ")" });
            await Fails(() => client.ListPageAsync());
            Emulator.Faults.Add(new FaultRule { Kind = FaultKind.Delay, Operation = "retrieve", DelayMs = 1500, Count = 2 });
            using (var impatient = new VideosClient(new VideoClientOptions { BaseUri = Emulator.BaseUri, ApiKey = ApiKeySecret.FromPlainText(Key), MaxRetries = 0, RequestTimeout = TimeSpan.FromMilliseconds(300) }, Log.Add))
            {
                await Fails(() => impatient.RetrieveAsync(video.Id));
            }

            await Fails(() => client.DownloadContentToFileAsync(video.Id, VideoContentVariant.Video, Scratch.File("out.mp4"), overwrite: false));

            // A wrong key (the server knows another one), and a proxy that echoes the request headers back.
            await using (var strict = await VideoApiEmulator.StartAsync(new EmulatorOptions { ApiKey = "sk-the-right-one" }))
            using (var wrong = Client(maxRetries: 0, baseUri: strict.BaseUri))
            {
                await Fails(() => wrong.ListPageAsync());
                AssertClean(strict.RequestLog.Entries.SelectMany(Describe), "the second emulator's request log");
            }

            foreach (var (status, type) in new[] { (502, "text/html"), (200, "text/plain"), (400, "application/json"), (401, "application/json") })
            {
                await using var echo = new LoopbackStub(async (head, stream, ct) =>
                {
                    var body = type == "application/json" ? "{\"error\":{\"message\":\"" + head.Replace("\r\n", " ") + "\"}}" : "<html><pre>" + head + "</pre></html>";
                    await LoopbackStub.WriteAsync(stream, $"HTTP/1.1 {status} Echo\r\nContent-Type: {type}\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\nConnection: close\r\n\r\n{body}", ct);
                });
                using var proxied = Client(maxRetries: 0, baseUri: echo.BaseUri);
                await Fails(() => proxied.RetrieveAsync("video_echo"));
            }

            Assert.True(_failures.Count >= 14, $"Only {_failures.Count} failures were provoked.");
            Assert.All(_failures, failure => Assert.IsType<VideoApiException>(failure));
            Assert.Contains(_failures, failure => failure.Message.Contains("***", StringComparison.Ordinal)); // an echo was scrubbed, not lost

            AssertClean(Log.Lines, "the client's log");
            foreach (var failure in _failures)
            {
                AssertClean(Texts(failure), "an exception");
                var report = VideoErrorReport.From((VideoApiException)failure);
                AssertClean(new[] { report.Message, report.RecommendedAction, report.Target?.ToString(), report.ErrorId, report.CategoryName }, "an error report");
            }

            var options = client.Options;
            var connection = OpenAIVideoConnection.From(options, ConnectionSource.Session);
            AssertClean(new[] { options.ToString(), options.ApiKey?.ToString(), connection.ToString() }, "the connection description");
            AssertClean(typeof(OpenAIVideoConnection).GetProperties().Select(property => property.GetValue(connection)?.ToString()), "the connection's properties");
            AssertClean(Scratch.Files().Select(path => Encoding.Latin1.GetString(File.ReadAllBytes(path))), "the files written");
            AssertClean(Emulator.RequestLog.Entries.SelectMany(Describe), "the emulator's request log");
            Assert.Contains(Emulator.RequestLog.Entries, entry => entry.Headers.TryGetValue("Authorization", out var value) && value == "[REDACTED]");
        }

        private async Task Fails(Func<Task> act)
        {
            var failure = await Record.ExceptionAsync(act);
            Assert.NotNull(failure);
            _failures.Add(failure);
        }

        private static IEnumerable<string?> Texts(Exception exception)
        {
            for (var current = exception; current is not null; current = current.InnerException)
            {
                yield return current.Message;
                yield return current.ToString();
                if (current is VideoApiException api)
                {
                    yield return api.ApiMessage;
                    yield return api.Param;
                    yield return api.Video?.ToString();
                }
            }
        }

        private static IEnumerable<string> Describe(Emulator.Diagnostics.RecordedRequest entry) =>
            entry.Headers.Select(header => header.Key + ": " + header.Value)
                .Append(entry.PathAndQuery)
                .Append(Encoding.Latin1.GetString(entry.Body));

        private static void AssertClean(IEnumerable<string?> texts, string where)
        {
            foreach (var text in texts)
            {
                Assert.False(text?.Contains(Key, StringComparison.Ordinal) ?? false, $"The key leaked into {where}: {text}");
                Assert.False(text?.Contains(Key.Substring(3, 20), StringComparison.Ordinal) ?? false, $"Part of the key leaked into {where}: {text}");
            }
        }
    }
}
