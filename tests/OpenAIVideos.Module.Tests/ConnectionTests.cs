using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Security;
using OpenAIVideos.Client;
using OpenAIVideos.Commands;
using OpenAIVideos.Commands.Connection;

namespace OpenAIVideos.Module.Tests
{
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class SessionCollection
    {
        public const string Name = "Session";
    }

    [Collection(SessionCollection.Name)]
    public sealed class ConnectionTests : IDisposable
    {
        private const string Secret = "sk-test-SECRET-value";
        private readonly Func<VideoClientOptions> _originalEnvironment = ConnectionResolver.Environment;

        public ConnectionTests()
        {
            VideoSession.Clear();
            ConnectionResolver.Environment = () => VideoClientOptions.FromEnvironment(Variables(("OPENAI_API_KEY", "env-key"), ("OPENAI_BASE_URL", "http://env.example/v1"), ("OPENAI_ORG_ID", "org-env")));
        }

        public void Dispose()
        {
            VideoSession.Clear();
            ConnectionResolver.Environment = _originalEnvironment;
        }

        [Fact]
        public void WithoutSessionOrParametersTheEnvironmentDecides()
        {
            var options = ConnectionResolver.Resolve(null, out var source);
            Assert.Equal(ConnectionSource.Environment, source);
            Assert.Equal(new Uri("http://env.example/v1"), options.BaseUri);
            Assert.Equal("org-env", options.Organization);
            Assert.NotNull(options.ApiKey);
        }

        [Fact]
        public void TheSessionDefaultBeatsTheEnvironment()
        {
            VideoSession.Set(new VideoClientOptions { BaseUri = new Uri("http://session.example/v1"), ApiKey = ApiKeySecret.FromPlainText("session-key") });
            var options = ConnectionResolver.Resolve(new VideoConnectionSettings(), out var source);
            Assert.Equal(ConnectionSource.Session, source);
            Assert.Equal(new Uri("http://session.example/v1"), options.BaseUri);
            Assert.Null(options.Organization);
        }

        [Fact]
        public void ExplicitParametersBeatTheSession()
        {
            VideoSession.Set(new VideoClientOptions { BaseUri = new Uri("http://session.example/v1"), Organization = "org-session", MaxRetries = 5 });
            var options = ConnectionResolver.Resolve(new VideoConnectionSettings { BaseUri = new Uri("http://explicit.example/v1"), MaxRetries = 0 }, out _);
            Assert.Equal(new Uri("http://explicit.example/v1"), options.BaseUri);
            Assert.Equal(0, options.MaxRetries);
            Assert.Equal("org-session", options.Organization);
        }

        [Fact]
        public void TheSessionIsACopy()
        {
            var given = new VideoClientOptions { BaseUri = new Uri("http://a.example/v1") };
            VideoSession.Set(given);
            given.BaseUri = new Uri("http://b.example/v1");
            VideoSession.Default!.BaseUri = new Uri("http://c.example/v1");
            Assert.Equal(new Uri("http://a.example/v1"), VideoSession.Default!.BaseUri);
            VideoSession.Clear();
            Assert.Null(VideoSession.Default);
        }

        [Fact]
        public void ApiKeysAreReadFromSecureStringsAndPlainTextThroughTheUnwrapper()
        {
            using var secure = new SecureString();
            foreach (var c in Secret)
            {
                secure.AppendChar(c);
            }

            var fromSecure = ConnectionResolver.ToApiKey(secure, v => v)!;
            Assert.Equal("xx***xx", fromSecure.Redact("xx" + Secret + "xx"));
            var wrapper = new Wrapper(Secret);
            var fromWrapped = ConnectionResolver.ToApiKey(wrapper, v => v is Wrapper w ? w.Value : v)!;
            Assert.Equal("***", fromWrapped.Redact(Secret));
            Assert.Null(ConnectionResolver.ToApiKey(null, v => v));
            Assert.Null(ConnectionResolver.ToApiKey("  ", v => v));
            var error = Assert.Throws<ArgumentException>(() => ConnectionResolver.ToApiKey(42, v => v));
            Assert.DoesNotContain("42", error.Message);
        }

        [Fact]
        public void TheConnectionInfoNeverContainsTheKey()
        {
            var options = new VideoClientOptions { ApiKey = ApiKeySecret.FromPlainText(Secret), Organization = "org", Project = "proj" };
            var info = OpenAIVideoConnection.From(options, ConnectionSource.Session);
            Assert.True(info.HasApiKey);
            Assert.DoesNotContain(Secret, info.ToString());
            foreach (var property in typeof(OpenAIVideoConnection).GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                Assert.NotEqual(typeof(ApiKeySecret), property.PropertyType);
                Assert.DoesNotContain(Secret, Convert.ToString(property.GetValue(info)) ?? string.Empty);
            }

            Assert.Equal(new[] { "AuthenticationStyle", "BaseUri", "HasApiKey", "MaxRetries", "Organization", "Project", "RequestTimeout", "Server", "Source" },
                typeof(OpenAIVideoConnection).GetProperties().Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal));
        }

        [Fact]
        public void AMissingKeyOnlyMattersForOpenAIsHost()
        {
            Assert.Contains("$env:OPENAI_API_KEY", ConnectionResolver.MissingKeyReason(new VideoClientOptions())!);
            Assert.Contains("Connect-OpenAIVideo", ConnectionResolver.MissingKeyReason(new VideoClientOptions())!);
            Assert.Null(ConnectionResolver.MissingKeyReason(new VideoClientOptions { ApiKey = ApiKeySecret.FromPlainText("k") }));
            Assert.Null(ConnectionResolver.MissingKeyReason(new VideoClientOptions { BaseUri = new Uri("http://127.0.0.1:5080/v1") }));
            Assert.Null(ConnectionResolver.MissingKeyReason(new VideoClientOptions { AuthenticationStyle = AuthenticationStyle.None }));
        }

        [Fact]
        public void EmulatorDefaultsItsAddressAndKeyUnlessGiven()
        {
            var environment = VideoClientOptions.FromEnvironment(Variables(("OPENAI_API_KEY", "env-key")));
            var options = ConnectionBuilder.Build(ConnectionKind.Emulator, new VideoConnectionSettings(), environment);
            Assert.Equal(new Uri("http://127.0.0.1:5080/v1"), options.BaseUri);
            Assert.Equal("Bearer ***", "Bearer " + options.ApiKey!.Redact("emulator"));
            Assert.Equal(AuthenticationStyle.Bearer, options.AuthenticationStyle);

            var given = ConnectionBuilder.Build(ConnectionKind.Emulator,
                new VideoConnectionSettings { BaseUri = new Uri("http://127.0.0.1:6000/v1"), ApiKey = ApiKeySecret.FromPlainText("pester-key") }, environment);
            Assert.Equal(new Uri("http://127.0.0.1:6000/v1"), given.BaseUri);
            Assert.Equal("***", given.ApiKey!.Redact("pester-key"));
        }

        [Fact]
        public void AzureUsesTheApiKeyHeaderAndTheV1RootOfAResourceEndpoint()
        {
            var environment = VideoClientOptions.FromEnvironment(Variables());
            var options = ConnectionBuilder.Build(ConnectionKind.Azure,
                new VideoConnectionSettings { BaseUri = new Uri("https://myres.openai.azure.com"), ApiKey = ApiKeySecret.FromPlainText("az") }, environment);
            Assert.Equal(AuthenticationStyle.ApiKeyHeader, options.AuthenticationStyle);
            Assert.Equal(new Uri("https://myres.openai.azure.com/openai/v1"), options.BaseUri);

            var full = ConnectionBuilder.Build(ConnectionKind.Azure, new VideoConnectionSettings { BaseUri = new Uri("https://myres.openai.azure.com/openai/v1") }, environment);
            Assert.Equal(new Uri("https://myres.openai.azure.com/openai/v1"), full.BaseUri);
            Assert.Throws<ArgumentException>(() => ConnectionBuilder.Build(ConnectionKind.Azure, new VideoConnectionSettings(), environment));
        }

        [Fact]
        public void DefaultConnectionAppliesEveryGivenValueOverTheEnvironment()
        {
            var environment = VideoClientOptions.FromEnvironment(Variables(("OPENAI_API_KEY", "env-key"), ("OPENAI_PROJECT_ID", "proj-env")));
            var options = ConnectionBuilder.Build(ConnectionKind.Default, new VideoConnectionSettings
            {
                BaseUri = new Uri("http://litellm.local:4000/v1"),
                Organization = "org-given",
                AuthenticationStyle = AuthenticationStyle.None,
                MaxRetries = 4,
                RequestTimeout = TimeSpan.FromSeconds(30),
            }, environment);
            Assert.Equal(new Uri("http://litellm.local:4000/v1"), options.BaseUri);
            Assert.Equal("org-given", options.Organization);
            Assert.Equal("proj-env", options.Project);
            Assert.Equal(AuthenticationStyle.None, options.AuthenticationStyle);
            Assert.Equal(4, options.MaxRetries);
            Assert.Equal(TimeSpan.FromSeconds(30), options.RequestTimeout);
            Assert.Throws<ArgumentException>(() => ConnectionBuilder.Build(ConnectionKind.Default, new VideoConnectionSettings { BaseUri = new Uri("ftp://x/") }, environment));
        }

        private static Func<string, string?> Variables(params (string Name, string Value)[] values)
        {
            var map = values.ToDictionary(v => v.Name, v => v.Value);
            return name => map.TryGetValue(name, out var value) ? value : null;
        }

        private sealed class Wrapper
        {
            public Wrapper(object value) => Value = value;

            public object Value { get; }
        }
    }
}
