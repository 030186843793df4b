using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using OpenAIVideos.Client.Serialization;

namespace OpenAIVideos.Client.Tests.Unit
{
    public class RequestBodyTests
    {
        [Fact]
        public async System.Threading.Tasks.Task Without_a_file_the_body_is_JSON_and_seconds_stay_a_string()
        {
            var body = new RequestBody().Field("prompt", "a fox").Field("seconds", "8").Field("model", null)
                .ExtraFields(new Dictionary<string, object?> { ["num_frames"] = 48, ["fps"] = 12.5, ["flags"] = new Hashtable { ["hd"] = true }, ["seeds"] = new[] { 1, 2 } });
            using var content = body.CreateContent();
            Assert.Equal("application/json", content.Headers.ContentType!.MediaType);
            using var json = JsonDocument.Parse(await content.ReadAsStringAsync());
            var root = json.RootElement;
            Assert.Equal(JsonValueKind.String, root.GetProperty("seconds").ValueKind);
            Assert.False(root.TryGetProperty("model", out _));
            Assert.Equal(48, root.GetProperty("num_frames").GetInt32());
            Assert.Equal(12.5, root.GetProperty("fps").GetDouble());
            Assert.True(root.GetProperty("flags").GetProperty("hd").GetBoolean());
            Assert.Equal(2, root.GetProperty("seeds").GetArrayLength());
        }

        [Fact]
        public async System.Threading.Tasks.Task Multipart_always_sends_text_only_as_form_fields_and_nested_values_as_JSON_text()
        {
            var body = new RequestBody().Field("prompt", "a fox").Field("seconds", "4")
                .ExtraFields(new Dictionary<string, object?> { ["seed"] = 42, ["lora"] = new Dictionary<string, object?> { ["name"] = "style", ["scale"] = 0.5 } });
            using var content = body.CreateContent(RequestEncoding.Multipart);
            var form = Assert.IsType<MultipartFormDataContent>(content);
            var fields = new Dictionary<string, string>();
            foreach (var part in form)
            {
                fields[part.Headers.ContentDisposition!.Name!.Trim('"')] = await part.ReadAsStringAsync();
            }

            Assert.Equal(new[] { "lora", "prompt", "seconds", "seed" }, new SortedSet<string>(fields.Keys));
            Assert.Equal("42", fields["seed"]);
            Assert.Equal("{\"name\":\"style\",\"scale\":0.5}", fields["lora"]);
        }

        [Fact]
        public void An_extra_field_may_not_replace_an_API_field()
        {
            var body = new RequestBody().Field("prompt", "a fox");
            var error = Assert.Throws<VideoApiException>(() => body.ExtraFields(new Dictionary<string, object?> { ["prompt"] = "other" }));
            Assert.Equal(VideoErrorIds.InvalidArgument, error.ErrorId);
        }

        [Fact]
        public async System.Threading.Tasks.Task With_a_file_the_body_is_multipart_with_nested_fields_flattened_and_a_typed_file_part()
        {
            var file = new UploadFile("ref.png", "image/png", () => new MemoryStream(new byte[] { 1, 2, 3 }));
            var body = new RequestBody().Field("prompt", "a fox").Field("video", new Dictionary<string, object?> { ["id"] = "video_1" }).File("input_reference", file);
            using var content = body.CreateContent();
            var form = Assert.IsType<MultipartFormDataContent>(content);
            var parts = new List<HttpContent>(form);
            Assert.Equal(3, parts.Count);
            Assert.Equal("prompt", parts[0].Headers.ContentDisposition!.Name!.Trim('"'));
            Assert.Null(parts[0].Headers.ContentType);
            Assert.Equal("video[id]", parts[1].Headers.ContentDisposition!.Name!.Trim('"'));
            Assert.Equal("video_1", await parts[1].ReadAsStringAsync());
            Assert.Equal("image/png", parts[2].Headers.ContentType!.MediaType);
            Assert.Contains("ref.png", parts[2].Headers.ContentDisposition!.FileName);
        }

        [Fact]
        public void Each_attempt_reopens_the_file()
        {
            var opened = 0;
            var file = new UploadFile("ref.png", "image/png", () => { opened++; return new MemoryStream(Encoding.ASCII.GetBytes("png")); });
            var body = new RequestBody().Field("prompt", "p").File("input_reference", file);
            body.CreateContent().Dispose();
            body.CreateContent().Dispose();
            Assert.Equal(2, opened);
        }
    }
}
