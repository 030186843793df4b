using System;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using OpenAIVideos.Emulator.Storage;

namespace OpenAIVideos.Emulator.Tests
{
    /// <summary>Downloads from the storage origin the way a careful client does (no key) and checks what the origin recorded.</summary>
    internal static class StorageOriginAssertions
    {
        /// <summary>
        /// Fetches <paramref name="url"/> without credentials, checks it is on the emulator's second origin (another port
        /// than the API), serves an MP4 with ranges, and that the origin saw no credential. Returns the whole body.
        /// </summary>
        public static async Task<byte[]> DownloadWithoutKeyAsync(TestHost host, string url)
        {
            var uri = new Uri(url);
            Assert.Equal(host.Emulator.StorageUri!.GetLeftPart(UriPartial.Authority), uri.GetLeftPart(UriPartial.Authority));
            Assert.NotEqual(host.Emulator.BaseUri.Port, uri.Port);
            using var http = new HttpClient();
            byte[] whole = await http.GetByteArrayAsync(uri);
            Assert.Equal(new[] { "ftyp" }, Mp4Boxes.TopLevel(whole).Take(1));

            using var ranged = new HttpRequestMessage(HttpMethod.Get, uri);
            ranged.Headers.Range = new RangeHeaderValue(10, 29);
            using HttpResponseMessage partial = await http.SendAsync(ranged);
            Assert.Equal(206, (int)partial.StatusCode);
            Assert.Equal($"bytes 10-29/{whole.Length}", partial.Content.Headers.ContentRange!.ToString());
            Assert.Equal(whole.AsSpan(10, 20).ToArray(), await partial.Content.ReadAsByteArrayAsync());

            StorageRequest[] seen = host.Emulator.StorageRequestLog.Entries.Where(entry => entry.PathAndQuery == uri.PathAndQuery).ToArray();
            Assert.Equal(2, seen.Length);
            Assert.All(seen, entry => Assert.False(entry.HadAuthorization || entry.HadCredential || entry.ContainedApiKey));
            return whole;
        }

        /// <summary>Sends the key to the storage origin on purpose: the log must say so, or a leak test could not fail.</summary>
        public static async Task AssertKeyWouldBeSeenAsync(TestHost host, string url)
        {
            using HttpResponseMessage response = await host.Http.GetAsync(url);
            Assert.Equal(200, (int)response.StatusCode);
            StorageRequest last = host.Emulator.StorageRequestLog.Entries.Last();
            Assert.True(last.HadAuthorization && last.HadCredential && last.ContainedApiKey);
            Assert.Contains("Authorization", last.HeaderNames);
        }
    }
}
