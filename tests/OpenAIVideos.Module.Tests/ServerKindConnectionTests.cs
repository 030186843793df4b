using System;
using OpenAIVideos.Client;
using OpenAIVideos.Commands.Connection;

namespace OpenAIVideos.Module.Tests
{
    /// <summary>How the server kind of a connection is decided: named with -Server, else read off the address.</summary>
    [Collection(SessionCollection.Name)]
    public sealed class ServerKindConnectionTests : IDisposable
    {
        private readonly Func<VideoClientOptions> _originalEnvironment = ConnectionResolver.Environment;

        public ServerKindConnectionTests()
        {
            VideoSession.Clear();
            ConnectionResolver.Environment = () => new VideoClientOptions { BaseUri = new Uri("http://env.example/v1"), Server = ServerKind.Generic };
        }

        public void Dispose()
        {
            VideoSession.Clear();
            ConnectionResolver.Environment = _originalEnvironment;
        }

        [Theory]
        [InlineData("http://gpu-box:8000/v1", ServerKind.Generic)]
        [InlineData("https://api.openai.com/v1", ServerKind.OpenAI)]
        [InlineData("https://contoso.openai.azure.com/openai/v1", ServerKind.Azure)]
        [InlineData("http://127.0.0.1:5080/openai/v1", ServerKind.Azure)]
        public void Without_Server_the_kind_is_read_off_the_address(string baseUri, ServerKind expected)
        {
            var options = ConnectionBuilder.Build(ConnectionKind.Default, new VideoConnectionSettings { BaseUri = new Uri(baseUri) }, new VideoClientOptions());
            Assert.Equal(expected, options.Server);
        }

        [Fact]
        public void A_named_server_brings_its_key_style_and_shapes_an_Azure_root()
        {
            var vllm = ConnectionBuilder.Build(ConnectionKind.Default,
                new VideoConnectionSettings { BaseUri = new Uri("http://gpu-box:8000/v1"), Server = ServerKind.VllmOmni }, new VideoClientOptions());
            Assert.Equal(ServerKind.VllmOmni, vllm.Server);
            Assert.Equal(AuthenticationStyle.Bearer, vllm.AuthenticationStyle);

            var azure = ConnectionBuilder.Build(ConnectionKind.Default,
                new VideoConnectionSettings { BaseUri = new Uri("https://contoso.example.com"), Server = ServerKind.Azure }, new VideoClientOptions());
            Assert.Equal(ServerKind.Azure, azure.Server);
            Assert.Equal(AuthenticationStyle.ApiKeyHeader, azure.AuthenticationStyle);
            Assert.Equal("https://contoso.example.com/openai/v1", azure.BaseUri.AbsoluteUri.TrimEnd('/'));
        }

        [Fact]
        public void The_Azure_switch_and_the_emulator_switch_decide_the_kind()
        {
            var azure = ConnectionBuilder.Build(ConnectionKind.Azure, new VideoConnectionSettings { BaseUri = new Uri("https://contoso.openai.azure.com") }, new VideoClientOptions());
            Assert.Equal(ServerKind.Azure, azure.Server);
            var emulator = ConnectionBuilder.Build(ConnectionKind.Emulator, new VideoConnectionSettings { Server = ServerKind.SGLang }, new VideoClientOptions());
            Assert.Equal(ServerKind.SGLang, emulator.Server);
            Assert.Equal(ConnectionBuilder.EmulatorBaseUri, emulator.BaseUri);
        }

        [Fact]
        public void A_cmdlets_BaseUri_keeps_a_named_kind_but_rereads_an_inferred_one()
        {
            VideoSession.Set(new VideoClientOptions { BaseUri = new Uri("http://gpu-box:8000/v1"), Server = ServerKind.VllmOmni });
            Assert.Equal(ServerKind.VllmOmni, ConnectionResolver.Resolve(new VideoConnectionSettings { BaseUri = new Uri("http://other:8000/v1") }, out _).Server);

            VideoSession.Set(new VideoClientOptions { BaseUri = new Uri("http://gpu-box:8000/v1"), Server = ServerKind.Generic });
            Assert.Equal(ServerKind.OpenAI, ConnectionResolver.Resolve(new VideoConnectionSettings { BaseUri = new Uri("https://api.openai.com/v1") }, out _).Server);
            Assert.Equal(ServerKind.SGLang, ConnectionResolver.Resolve(new VideoConnectionSettings { Server = ServerKind.SGLang }, out _).Server);
        }

        [Fact]
        public void The_environment_infers_Azure_from_its_variables()
        {
            var options = VideoClientOptions.FromEnvironment(name => name switch
            {
                "AZURE_OPENAI_API_KEY" => "azure-key",
                "AZURE_OPENAI_ENDPOINT" => "https://contoso.openai.azure.com",
                _ => null,
            });
            Assert.Equal(ServerKind.Azure, options.Server);
        }
    }
}
