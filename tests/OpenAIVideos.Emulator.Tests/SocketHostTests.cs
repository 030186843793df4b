using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using OpenAIVideos.Emulator.Hosting;
using OpenAIVideos.Emulator.Http;

namespace OpenAIVideos.Emulator.Tests
{
    /// <summary>
    /// The emulator's own HTTP/1.1 host and router (Hosting/SocketHost, Http/): what ASP.NET Core used to do for it,
    /// checked over real loopback connections.
    /// </summary>
    public class SocketHostTests
    {
        [Fact]
        public async Task Serves_several_requests_on_one_kept_alive_connection()
        {
            await using TestHost host = await TestHost.StartAsync();
            using var client = new TcpClient();
            await client.ConnectAsync(host.Emulator.RootUri.Host, host.Emulator.RootUri.Port);
            NetworkStream stream = client.GetStream();
            var reader = new StreamReader(stream, Encoding.ASCII);
            for (int i = 0; i < 2; i++)
            {
                string request = $"GET /v1/videos HTTP/1.1\r\nHost: {host.Emulator.RootUri.Authority}\r\nAuthorization: Bearer {TestHost.Key}\r\n\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
                Assert.Equal("HTTP/1.1 200 OK", await reader.ReadLineAsync());
                int length = 0;
                for (string? line = await reader.ReadLineAsync(); !string.IsNullOrEmpty(line); line = await reader.ReadLineAsync())
                {
                    if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                    {
                        length = int.Parse(line.Substring(15).Trim(), System.Globalization.CultureInfo.InvariantCulture);
                    }
                }

                char[] body = new char[length];
                await reader.ReadBlockAsync(body);
                Assert.StartsWith("{\"object\":\"list\"", new string(body));
            }

            Assert.Equal(2, host.Emulator.Statistics.RequestsFor("list"));
        }

        [Fact]
        public async Task Answers_carry_a_date_from_the_emulator_clock_and_no_server_header()
        {
            await using TestHost host = await TestHost.StartAsync();
            var (_, _, response) = await host.GetAsync("videos");
            Assert.Equal(host.Clock.GetUtcNow().ToString("r", System.Globalization.CultureInfo.InvariantCulture), response.Headers.Date!.Value.ToString("r", System.Globalization.CultureInfo.InvariantCulture));
            Assert.Empty(response.Headers.Server);
        }

        [Fact]
        public async Task Reads_chunked_bodies_and_answers_expect_100_continue()
        {
            await using TestHost host = await TestHost.StartAsync();
            using var request = new HttpRequestMessage(HttpMethod.Post, "videos") { Content = TestHost.Json("{\"prompt\":\"a chunked paper boat\"}") };
            request.Headers.TransferEncodingChunked = true;
            request.Headers.ExpectContinue = true;
            using HttpResponseMessage response = await host.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("a chunked paper boat", await response.Content.ReadAsStringAsync());
        }

        [Fact]
        public async Task A_literal_segment_wins_over_a_parameter_and_route_values_are_decoded()
        {
            await using TestHost host = await TestHost.StartAsync();
            // /videos/characters/{id} and /videos/{id}/content both fit this path; the literal "characters" decides.
            TestHost.AssertError(404, "character_not_found", null, await host.GetAsync("videos/characters/content"));
            var (status, body, _) = await host.GetAsync("videos/video%5Fencoded");
            Assert.Equal(404, status);
            Assert.Contains("'video_encoded'", body.GetProperty("error").GetProperty("message").GetString());
        }

        [Fact]
        public async Task A_malformed_multipart_body_is_a_400_in_the_error_envelope()
        {
            await using TestHost host = await TestHost.StartAsync();
            var content = new StringContent("--b\r\nContent-Disposition: form-data; name=\"prompt\"\r\n\r\nno closing boundary", Encoding.UTF8);
            content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");
            TestHost.AssertError(400, "invalid_multipart", null, await host.SendAsync(HttpMethod.Post, "videos", content));
        }

        [Fact]
        public async Task A_port_in_use_is_refused_and_port_0_takes_a_free_one()
        {
            await using VideoApiEmulator first = await VideoApiEmulator.StartAsync();
            await using VideoApiEmulator second = await VideoApiEmulator.StartAsync(null, 0);
            Assert.NotEqual(first.RootUri.Port, second.RootUri.Port);
            var error = await Assert.ThrowsAsync<EmulatorPortInUseException>(() => VideoApiEmulator.StartAsync(null, first.RootUri.Port));
            Assert.Equal(first.RootUri.Port, error.Port);
            Assert.Contains($"Port {first.RootUri.Port} on 127.0.0.1 is already in use", error.Message);
        }

        [Fact]
        public async Task A_stopped_emulator_refuses_connections()
        {
            VideoApiEmulator emulator = await VideoApiEmulator.StartAsync();
            Uri root = emulator.RootUri;
            await emulator.DisposeAsync();
            using var client = new TcpClient();
            await Assert.ThrowsAsync<SocketException>(() => client.ConnectAsync(root.Host, root.Port));
        }

        [Fact]
        public void The_form_reader_separates_fields_and_files()
        {
            string body = "--xyz\r\nContent-Disposition: form-data; name=\"prompt\"\r\n\r\na fox\r\n"
                + "--xyz\r\nContent-Disposition: form-data; name=\"input_reference\"; filename=\"ref.png\"\r\nContent-Type: image/png\r\n\r\nPNGDATA\r\n"
                + "--xyz\r\nContent-Disposition: form-data; name=\"empty\"; filename=\"\"\r\n\r\nnot a file\r\n--xyz--\r\n";
            FormData form = FormReader.Read("multipart/form-data; boundary=\"xyz\"", Encoding.UTF8.GetBytes(body));
            Assert.Equal("a fox", form["prompt"].ToString());
            Assert.Equal("not a file", form["empty"].ToString());
            FormFile file = Assert.Single(form.Files);
            Assert.Equal(("input_reference", "ref.png", "image/png", 7L), (file.Name, file.FileName, file.ContentType, file.Length));
            Assert.Equal("b c", FormReader.Read("application/x-www-form-urlencoded", Encoding.UTF8.GetBytes("a=b+c"))["a"].ToString());
        }
    }
}
