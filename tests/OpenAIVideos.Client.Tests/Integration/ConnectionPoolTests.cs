using System;
using System.Threading.Tasks;

namespace OpenAIVideos.Client.Tests.Integration
{
    /// <summary>
    /// Every client in a process draws on one pool of connections (Transport/HttpClientPool.cs): a cmdlet call makes a
    /// client and disposes it, and the next call must not open a new TCP connection, or a loop of calls would pay a
    /// handshake each time and leave sockets in TIME_WAIT behind it.
    /// </summary>
    public class ConnectionPoolTests : EmulatorTestBase
    {
        [Fact]
        public async Task A_second_client_reuses_the_connection_the_first_one_opened()
        {
            using (var first = Client())
            {
                await first.ListPageAsync();
            }

            using (var second = Client())
            {
                await second.ListPageAsync();
                await second.ListPageAsync();
            }

            Assert.Equal(3, Emulator.Statistics.RequestsFor("list"));
            Assert.Equal(1, Emulator.Statistics.ConnectionsAccepted);
        }

        [Fact]
        public async Task A_client_with_another_connect_timeout_gets_a_pool_of_its_own()
        {
            using (var first = Client())
            {
                await first.ListPageAsync();
            }

            var options = Options();
            options.ConnectTimeout = TimeSpan.FromMilliseconds(4321); // the timeout belongs to the pool's handler
            using (var other = new VideosClient(options))
            {
                await other.ListPageAsync();
            }

            Assert.Equal(2, Emulator.Statistics.ConnectionsAccepted);
        }
    }
}
