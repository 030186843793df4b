using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;

namespace OpenAIVideos.Emulator.Tests
{
    /// <summary>List pages follow limit, order and the after cursor across page boundaries.</summary>
    public sealed class PagingTests
    {
        private static List<string> Ids(JsonElement page) => page.GetProperty("data").EnumerateArray().Select(v => v.GetProperty("id").GetString()!).ToList();

        [Fact]
        public async Task Pages_cover_every_video_once_in_both_orders()
        {
            await using var host = await TestHost.StartAsync();
            var created = new List<string>();
            for (int i = 0; i < 5; i++)
            {
                created.Add(await host.CreateAsync());
            }

            foreach (string order in new[] { "asc", "desc" })
            {
                var seen = new List<string>();
                string query = $"videos?limit=2&order={order}";
                while (true)
                {
                    var (status, page, _) = await host.GetAsync(query);
                    Assert.Equal(200, status);
                    Assert.Equal("list", page.GetProperty("object").GetString());
                    List<string> ids = Ids(page);
                    Assert.Equal(ids.First(), page.GetProperty("first_id").GetString());
                    Assert.Equal(ids.Last(), page.GetProperty("last_id").GetString());
                    seen.AddRange(ids);
                    if (!page.GetProperty("has_more").GetBoolean())
                    {
                        break;
                    }

                    query = $"videos?limit=2&order={order}&after={page.GetProperty("last_id").GetString()}";
                }

                Assert.Equal(order == "asc" ? created : Enumerable.Reverse(created).ToList(), seen);
            }
        }

        [Fact]
        public async Task Default_order_is_desc_and_empty_list_has_null_ids()
        {
            await using var host = await TestHost.StartAsync();
            var (_, empty, _) = await host.GetAsync("videos");
            Assert.Equal(JsonValueKind.Null, empty.GetProperty("first_id").ValueKind);
            Assert.Equal(JsonValueKind.Null, empty.GetProperty("last_id").ValueKind);
            Assert.False(empty.GetProperty("has_more").GetBoolean());
            string first = await host.CreateAsync();
            string second = await host.CreateAsync();
            var (_, page, _) = await host.GetAsync("videos");
            Assert.Equal(new[] { second, first }, Ids(page));
            EndpointTests.AssertVideoShape(page.GetProperty("data")[0]);
        }

        [Fact]
        public async Task A_limit_of_zero_answers_an_empty_page_that_says_whether_videos_exist()
        {
            await using var host = await TestHost.StartAsync();
            var (status, empty, _) = await host.GetAsync("videos?limit=0");
            Assert.Equal(200, status);
            Assert.Empty(Ids(empty));
            Assert.False(empty.GetProperty("has_more").GetBoolean());

            await host.CreateAsync();
            (status, var page, _) = await host.GetAsync("videos?limit=0");
            Assert.Equal(200, status);
            Assert.Empty(Ids(page));
            Assert.True(page.GetProperty("has_more").GetBoolean());
            Assert.Equal(JsonValueKind.Null, page.GetProperty("first_id").ValueKind);
            Assert.Equal(JsonValueKind.Null, page.GetProperty("last_id").ValueKind);
        }

        [Fact]
        public async Task Bad_limit_order_and_cursor_are_rejected()
        {
            await using var host = await TestHost.StartAsync();
            TestHost.AssertError(400, "invalid_value", "limit", await host.GetAsync("videos?limit=101"));
            TestHost.AssertError(400, "invalid_value", "limit", await host.GetAsync("videos?limit=-1"));
            TestHost.AssertError(400, "invalid_value", "order", await host.GetAsync("videos?order=up"));
            TestHost.AssertError(400, "invalid_value", "after", await host.GetAsync("videos?after=video_nope"));
        }
    }
}
