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
        public async Task Clients_made_one_after_another_reuse_the_connections_of_those_before_them()
        {
            for (int i = 0; i < 10; i++)
            {
                using var client = Client();
                await client.ListPageAsync();
            }

            // One connection serves them all, but not exactly one every time: a connection goes back to the pool as the
            // previous answer is finished with, and a request that comes a moment before that makes the pool open
            // another (a run of the whole suite saw 2 for two clients). A client with a pool of its own opens ten.
            Assert.Equal(10, Emulator.Statistics.RequestsFor("list"));
            Assert.True(Emulator.Statistics.ConnectionsAccepted <= 3, $"{Emulator.Statistics.ConnectionsAccepted} connections for 10 clients");
        }
    }
}
