using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using OpenAIVideos.Commands.Connection;
using OpenAIVideos.Commands.Content;
using OpenAIVideos.Commands.Errors;
using OpenAIVideos.Emulator.Faults;
using OpenAIVideos.Resilience.Tests.Infrastructure;

namespace OpenAIVideos.Resilience.Tests.Inputs
{
    /// <summary>
    /// The invalid inputs a user will try, and what each one gets: a specific error id and category (the same through
    /// the cmdlet layer's <see cref="VideoErrorReport"/>, whose category name is PowerShell's <c>ErrorCategory</c>), a
    /// message that names the offending value or field, no crash, no video created and no file written.
    /// </summary>
    public sealed class BadInputTableTests : EmulatorFixture
    {
        /// <summary>One row: what the user does, and what they must get back.</summary>
        public sealed record BadInput(string Description, Func<BadInputTableTests, Task> Act, string? ErrorId, VideoErrorCategory Category, string MessageNames)
        {
            public override string ToString() => Description; // the test name xunit shows
        }

        private const string UnknownId = "video_00000000000000000000000000000000";

        public static TheoryData<BadInput> Rows => new TheoryData<BadInput>
        {
            // What                                                     Does                                                                  ErrorId                         Category                                 Message names
            new BadInput("an empty prompt",                             t => t.CreateAsync(new VideoCreateRequest { Prompt = "  " }),          VideoErrorIds.InvalidArgument,  VideoErrorCategory.InvalidArgument,      "prompt is empty"),
            new BadInput("a prompt of 32,001 characters",               t => t.CreateAsync(new VideoCreateRequest { Prompt = new string('a', 32001) }), VideoErrorIds.InvalidArgument, VideoErrorCategory.InvalidArgument, "32,001"),
            new BadInput("seconds '5' (not 4, 8 or 12)",                t => t.CreateAsync(new VideoCreateRequest { Prompt = "p", Seconds = "5" }), VideoErrorIds.InvalidRequest, VideoErrorCategory.InvalidArgument,  "'5'"),
            new BadInput("seconds '4.0'",                               t => t.CreateAsync(new VideoCreateRequest { Prompt = "p", Seconds = "4.0" }), VideoErrorIds.InvalidRequest, VideoErrorCategory.InvalidArgument, "'4.0'"),
            new BadInput("seconds sent as the number 8",                t => t.CreateAsync(new VideoCreateRequest { Prompt = "p", AdditionalProperties = { ["seconds"] = 8 } }), VideoErrorIds.InvalidRequest, VideoErrorCategory.InvalidArgument, "seconds"),
            new BadInput("size 'abc'",                                  t => t.CreateAsync(new VideoCreateRequest { Prompt = "p", Size = "abc" }), VideoErrorIds.InvalidRequest, VideoErrorCategory.InvalidArgument,  "'abc'"),
            new BadInput("sora-2 with the pro-only size 1792x1024",     t => t.CreateAsync(new VideoCreateRequest { Prompt = "p", Model = "sora-2", Size = "1792x1024" }), VideoErrorIds.InvalidRequest, VideoErrorCategory.InvalidArgument, "1792x1024"),
            new BadInput("a reference image that does not exist",       t => t.CreateWithReferenceAsync("missing.png", null),                 VideoErrorIds.InvalidArgument,  VideoErrorCategory.ObjectNotFound,       "missing.png"),
            new BadInput("a reference 'image' that is a text file",     t => t.CreateWithReferenceAsync("notes.png", System.Text.Encoding.UTF8.GetBytes("just some notes")), VideoErrorIds.InvalidArgument, VideoErrorCategory.InvalidArgument, "notes.png"),
            new BadInput("a 640x480 PNG reference for a 720x1280 video", t => t.CreateWithReferenceAsync("small.png", Images.Png(640, 480)),   VideoErrorIds.InvalidRequest,   VideoErrorCategory.InvalidArgument,      "640x480"),
            new BadInput("an unknown video id",                         t => t.WithClient(c => c.RetrieveAsync(UnknownId)),                   VideoErrorIds.VideoNotFound,    VideoErrorCategory.ObjectNotFound,       UnknownId),
            new BadInput("deleting a video still in progress",          t => t.OnRunningVideoAsync((c, id) => c.DeleteAsync(id)),             VideoErrorIds.VideoNotReady,    VideoErrorCategory.InvalidOperation,     "queued"),
            new BadInput("downloading a video still in progress",       t => t.OnRunningVideoAsync((c, id) => t.DownloadAsync(c, id)),        VideoErrorIds.VideoNotReady,    VideoErrorCategory.InvalidOperation,     "queued"),
            new BadInput("downloading expired content",                 t => t.OnExpiredVideoAsync((c, id) => t.DownloadAsync(c, id)),        VideoErrorIds.ContentExpired,   VideoErrorCategory.ResourceUnavailable,  "expired"),
            new BadInput("a base URL that is not a URL (cmdlet layer)", t => t.ConnectAsync("not a url"),                                    null,                           VideoErrorCategory.InvalidArgument,      "'not a url'"),
            new BadInput("an unreachable base URL (closed port)",       t => t.WithClient(c => c.RetrieveAsync(UnknownId), ClosedLoopbackPort()), VideoErrorIds.ConnectionFailed, VideoErrorCategory.ConnectionError,   "127.0.0.1"),
            new BadInput("a wrong key",                                 t => t.WithClient(c => c.ListPageAsync(), key: "sk-wrong-key-0000"),  VideoErrorIds.AuthenticationFailed, VideoErrorCategory.AuthenticationError, "API key"),
            new BadInput("a proxy answering 200 with an HTML page",     t => t.FaultedAsync(FaultKind.HtmlPage, 200),                         VideoErrorIds.InvalidResponse,  VideoErrorCategory.ProtocolError,        "HTML page"),
            new BadInput("a proxy answering 200 with plain text",       t => t.FaultedAsync(FaultKind.PlainText, 200),                        VideoErrorIds.InvalidResponse,  VideoErrorCategory.ProtocolError,        "text/plain"),
            new BadInput("a proxy's 502 HTML page (a server failure)",  t => t.FaultedAsync(FaultKind.HtmlPage),                              VideoErrorIds.ServerError,      VideoErrorCategory.ResourceUnavailable,  "HTML page"),
            new BadInput("a proxy's 502 plain text (a server failure)", t => t.FaultedAsync(FaultKind.PlainText),                             VideoErrorIds.ServerError,      VideoErrorCategory.ResourceUnavailable,  "upstream connect error"),
            new BadInput("a truncated JSON body",                       t => t.FaultedAsync(FaultKind.TruncatedJson),                         VideoErrorIds.InvalidResponse,  VideoErrorCategory.ProtocolError,        "truncated or malformed"),
            new BadInput("an enormous JSON body (over 16 MiB)",         t => t.EnormousJsonAsync(),                                           VideoErrorIds.InvalidResponse,  VideoErrorCategory.ProtocolError,        "16,777,216"),
        };

        [Theory]
        [MemberData(nameof(Rows))]
        public async Task Refused_specifically_and_harmlessly(BadInput row)
        {
            var filesBefore = Scratch.Files().ToHashSet();
            var exception = await Record.ExceptionAsync(() => row.Act(this));

            Assert.NotNull(exception);
            if (row.ErrorId is null)
            {
                // Refused by the cmdlet layer before any client exists.
                var argument = Assert.IsType<ArgumentException>(exception);
                Assert.Contains(row.MessageNames, argument.Message, StringComparison.Ordinal);
            }
            else
            {
                var error = Assert.IsType<VideoApiException>(exception); // not a NullReferenceException, JsonException, ...
                Assert.Equal(row.ErrorId, error.ErrorId);
                Assert.Equal(row.Category, error.Category);
                Assert.Contains(row.MessageNames, error.Message, StringComparison.OrdinalIgnoreCase);

                var report = VideoErrorReport.From(error);
                Assert.Equal(row.ErrorId, report.ErrorId);
                Assert.Equal(row.Category.ToString(), report.CategoryName);
                Assert.Contains(row.MessageNames, report.Message, StringComparison.OrdinalIgnoreCase);
            }

            // Nothing was written: no video but those the row set up, no file but those it set up.
            Assert.Equal(_setupVideos, Emulator.Statistics.VideosCreated);
            Assert.Equal(filesBefore.Union(_setupFiles).OrderBy(f => f), Scratch.Files().OrderBy(f => f));
        }

        private long _setupVideos;
        private readonly List<string> _setupFiles = new List<string>();

        private async Task CreateAsync(VideoCreateRequest request)
        {
            using var client = Client(maxRetries: 0);
            await client.CreateAsync(request);
        }

        private async Task CreateWithReferenceAsync(string fileName, byte[]? content)
        {
            var path = Scratch.File(fileName);
            if (content is not null)
            {
                Scratch.Write(fileName, content);
                _setupFiles.Add(path);
            }

            // The cmdlet layer resolves what the user typed; the engine (or the server) judges the image.
            var reference = InputReferenceResolver.Resolve(fileName, relative => Path.Combine(Scratch.Path, relative), File.Exists);
            await CreateAsync(new VideoCreateRequest { Prompt = "p", Size = "720x1280", InputReference = reference });
        }

        private async Task WithClient(Func<VideosClient, Task> act, Uri? baseUri = null, string key = Key)
        {
            using var client = Client(maxRetries: 0, key: key, baseUri: baseUri);
            await act(client);
        }

        private async Task OnRunningVideoAsync(Func<VideosClient, string, Task> act)
        {
            using var client = Client(maxRetries: 0);
            var video = await client.CreateAsync(new VideoCreateRequest { Prompt = "still rendering" });
            _setupVideos++;
            // The job runs five minutes, so it is still queued now.
            await act(client, video.Id);
        }

        private async Task OnExpiredVideoAsync(Func<VideosClient, string, Task> act)
        {
            using var client = Client(maxRetries: 0);
            var video = await CompletedVideoAsync(client);
            _setupVideos++;
            Assert.True(Emulator.ExpireNow(video.Id));
            await act(client, video.Id);
        }

        private Task DownloadAsync(VideosClient client, string id) =>
            client.DownloadContentToFileAsync(id, VideoContentVariant.Video, Scratch.File("video.mp4"), overwrite: false);

        private Task ConnectAsync(string baseUri)
        {
            ConnectionBuilder.Build(ConnectionKind.Default, new VideoConnectionSettings { BaseUri = new Uri(baseUri, UriKind.RelativeOrAbsolute) }, new VideoClientOptions());
            return Task.CompletedTask;
        }

        private async Task FaultedAsync(FaultKind kind, int? status = null)
        {
            Emulator.Faults.Add(new FaultRule { Kind = kind, Operation = "list", Status = status });
            await WithClient(c => c.ListPageAsync());
        }

        private async Task EnormousJsonAsync()
        {
            // The emulator has no fault that sends a huge body, so a stub on loopback streams 20 MiB of one JSON string.
            await using var stub = new LoopbackStub(async (head, stream, ct) =>
            {
                await LoopbackStub.WriteAsync(stream, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n", ct);
                var chunk = new string('x', 1024 * 1024);
                await LoopbackStub.WriteAsync(stream, $"{3:x}\r\n{{\"a\r\n", ct);
                for (var i = 0; i < 20; i++)
                {
                    await LoopbackStub.WriteAsync(stream, $"{chunk.Length:x}\r\n{chunk}\r\n", ct);
                }

                await LoopbackStub.WriteAsync(stream, "2\r\n\"}\r\n0\r\n\r\n", ct);
            });
            await WithClient(c => c.ListPageAsync(), stub.BaseUri);
        }

        /// <summary>A loopback port nothing listens on: bound, read, released.</summary>
        private static Uri ClosedLoopbackPort()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            return new Uri($"http://127.0.0.1:{port}/v1/");
        }
    }
}
