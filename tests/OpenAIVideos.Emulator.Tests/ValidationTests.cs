using System;
using System.Net.Http;
using System.Threading.Tasks;

namespace OpenAIVideos.Emulator.Tests
{
    /// <summary>Each request rule of the spec yields the documented 400.</summary>
    public sealed class ValidationTests : IAsyncLifetime
    {
        private TestHost _host = null!;

        public async Task InitializeAsync() => _host = await TestHost.StartAsync();

        public async Task DisposeAsync() => await _host.DisposeAsync();

        [Fact]
        public async Task Seconds_as_a_json_number_is_invalid_type()
        {
            var result = await _host.PostJsonAsync("videos", "{\"prompt\":\"cat\",\"seconds\":8}");
            TestHost.AssertError(400, "invalid_type", "seconds", result);
            Assert.Equal(0, _host.Emulator.Statistics.VideosCreated);
        }

        [Fact]
        public async Task Seconds_5_lists_the_supported_values()
        {
            var result = await _host.PostJsonAsync("videos", "{\"prompt\":\"cat\",\"seconds\":\"5\"}");
            TestHost.AssertError(400, "invalid_value", "seconds", result);
            Assert.Equal("Invalid value: '5'. Supported values are: '4', '8', and '12'.", result.Body.GetProperty("error").GetProperty("message").GetString());
            Assert.Equal("invalid_request_error", result.Body.GetProperty("error").GetProperty("type").GetString());
        }

        [Theory]
        [InlineData("{\"prompt\":\"cat\",\"size\":\"abc\"}", "size")]
        [InlineData("{\"prompt\":\"cat\",\"model\":\"sora-2\",\"size\":\"1792x1024\"}", "size")]
        [InlineData("{\"prompt\":\"cat\",\"model\":\"sora-3\"}", "model")]
        public async Task Bad_size_or_model_is_invalid_value(string json, string param) =>
            TestHost.AssertError(400, "invalid_value", param, await _host.PostJsonAsync("videos", json));

        [Fact]
        public async Task Prompt_missing_empty_and_too_long()
        {
            TestHost.AssertError(400, "missing_required_parameter", "prompt", await _host.PostJsonAsync("videos", "{}"));
            TestHost.AssertError(400, "string_below_min_length", "prompt", await _host.PostJsonAsync("videos", "{\"prompt\":\"\"}"));
            TestHost.AssertError(400, "string_above_max_length", "prompt", await _host.PostJsonAsync("videos", $"{{\"prompt\":\"{new string('a', 32001)}\"}}"));
            Assert.Equal(200, (await _host.PostJsonAsync("videos", $"{{\"prompt\":\"{new string('a', 32000)}\"}}")).Status);
        }

        [Fact]
        public async Task Unknown_fields_are_rejected_in_the_openai_flavor() =>
            TestHost.AssertError(400, "unknown_parameter", "seed", await _host.PostJsonAsync("videos", "{\"prompt\":\"cat\",\"seed\":1}"));

        [Fact]
        public async Task Input_reference_needs_exactly_one_of_image_url_and_file_id()
        {
            TestHost.AssertError(400, "invalid_value", "input_reference",
                await _host.PostJsonAsync("videos", "{\"prompt\":\"cat\",\"input_reference\":{\"image_url\":\"https://example.com/a.png\",\"file_id\":\"file-1\"}}"));
            Assert.Equal(200, (await _host.PostJsonAsync("videos", "{\"prompt\":\"cat\",\"input_reference\":{\"file_id\":\"file-1\"}}")).Status);
            Assert.Equal(200, (await _host.PostJsonAsync("videos", "{\"prompt\":\"cat\",\"input_reference\":{\"image_url\":\"https://example.com/a.png\"}}")).Status);
        }

        [Fact]
        public async Task Uploaded_png_of_the_wrong_size_is_rejected()
        {
            using var form = TestHost.Multipart(new[] { ("prompt", "cat") }, ("input_reference", "ref.png", "image/png", TestImages.Png(1280, 720)));
            var result = await _host.SendAsync(HttpMethod.Post, "videos", form);
            TestHost.AssertError(400, "invalid_value", "input_reference", result);
            Assert.Contains("1280x720", result.Body.GetProperty("error").GetProperty("message").GetString());
        }

        [Fact]
        public async Task Data_url_image_is_decoded_and_checked()
        {
            string wrong = Convert.ToBase64String(TestImages.Png(64, 64));
            TestHost.AssertError(400, "invalid_value", "input_reference",
                await _host.PostJsonAsync("videos", $"{{\"prompt\":\"cat\",\"input_reference\":{{\"image_url\":\"data:image/png;base64,{wrong}\"}}}}"));
            string right = Convert.ToBase64String(TestImages.Png(720, 1280));
            Assert.Equal(200, (await _host.PostJsonAsync("videos", $"{{\"prompt\":\"cat\",\"input_reference\":{{\"image_url\":\"data:image/png;base64,{right}\"}}}}")).Status);
        }

        [Fact]
        public async Task Non_image_upload_is_invalid_image()
        {
            using var form = TestHost.Multipart(new[] { ("prompt", "cat") }, ("input_reference", "ref.png", "image/png", new byte[] { 1, 2, 3, 4, 5 }));
            TestHost.AssertError(400, "invalid_image", "input_reference", await _host.SendAsync(HttpMethod.Post, "videos", form));
        }

        [Fact]
        public async Task Reference_part_without_filename_is_rejected()
        {
            using var form = TestHost.Multipart(new[] { ("prompt", "cat"), ("input_reference", "not-a-file") });
            TestHost.AssertError(400, "invalid_type", "input_reference", await _host.SendAsync(HttpMethod.Post, "videos", form));
        }

        [Fact]
        public async Task Octet_stream_part_is_rejected()
        {
            using var form = TestHost.Multipart(new[] { ("prompt", "cat") }, ("input_reference", "ref.png", "application/octet-stream", TestImages.Png(720, 1280)));
            TestHost.AssertError(400, "unsupported_file_type", "input_reference", await _host.SendAsync(HttpMethod.Post, "videos", form));
        }

        [Fact]
        public async Task More_than_two_characters_is_rejected() =>
            TestHost.AssertError(400, "array_above_max_length", "characters",
                await _host.PostJsonAsync("videos", "{\"prompt\":\"cat\",\"characters\":[{\"id\":\"a\"},{\"id\":\"b\"},{\"id\":\"c\"}]}"));

        [Fact]
        public async Task Extension_seconds_allow_20_but_not_24()
        {
            string source = await _host.CreateCompletedAsync();
            TestHost.AssertError(400, "invalid_value", "seconds",
                await _host.PostJsonAsync("videos/extensions", $"{{\"video\":{{\"id\":\"{source}\"}},\"prompt\":\"p\",\"seconds\":\"24\"}}"));
            Assert.Equal(200, (await _host.PostJsonAsync("videos/extensions", $"{{\"video\":{{\"id\":\"{source}\"}},\"prompt\":\"p\",\"seconds\":\"20\"}}")).Status);
        }

        [Fact]
        public async Task Invalid_json_and_wrong_content_type()
        {
            TestHost.AssertError(400, "invalid_json", null, await _host.PostJsonAsync("videos", "{\"prompt\":"));
            TestHost.AssertError(400, "unsupported_content_type", null,
                await _host.SendAsync(HttpMethod.Post, "videos", new StringContent("prompt=cat")));
        }
    }
}
