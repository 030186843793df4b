using System;
using System.Collections.Generic;
using System.Security;

namespace OpenAIVideos.Client.Tests.Unit
{
    public class ConfigurationTests
    {
        private static Func<string, string?> Env(Dictionary<string, string> values) => name => values.TryGetValue(name, out var v) ? v : null;

        [Theory]
        [InlineData("https://generativelanguage.googleapis.com", ServerKind.Gemini, "/v1beta/openai")]
        [InlineData("https://generativelanguage.googleapis.com/v1beta/openai", ServerKind.Gemini, "/v1beta/openai")]
        [InlineData("https://openrouter.ai", ServerKind.OpenRouter, "/api/v1")]
        [InlineData("https://openrouter.ai/api/v1", ServerKind.OpenRouter, "/api/v1")]
        [InlineData("https://api.openai.com/v1", ServerKind.OpenAI, "/v1")]
        [InlineData("http://127.0.0.1:8000/v1", ServerKind.Generic, "/v1")]
        public void The_hosted_services_are_told_from_their_address_and_get_their_root(string address, ServerKind kind, string root)
        {
            var uri = new Uri(address);
            var inferred = ServerProfile.Infer(uri, AuthenticationStyle.Bearer);
            Assert.Equal(kind, inferred);
            Assert.Equal(root, ServerProfile.For(inferred).ApiRootFor(uri).AbsolutePath.TrimEnd('/'));
        }

        [Fact]
        public void Each_dialect_names_its_polling_advice_and_where_results_live()
        {
            Assert.Equal(TimeSpan.FromSeconds(10), ServerProfile.For(ServerKind.Gemini).DefaultPollInterval);
            Assert.Equal(TimeSpan.FromSeconds(10), ServerProfile.For(ServerKind.OpenRouter).DefaultPollInterval);
            Assert.Equal(VideoWaitOptions.DefaultPollInterval, ServerProfile.For(ServerKind.Generic).DefaultPollInterval);
            Assert.True(ServerProfile.For(ServerKind.Gemini).ContentAtResultUrls);
            Assert.False(ServerProfile.For(ServerKind.Azure).ContentAtResultUrls);
            foreach (ServerKind kind in Enum.GetValues(typeof(ServerKind)))
            {
                Assert.Equal(kind, ServerProfile.For(kind).Kind); // one dialect per kind, none missing
            }
        }

        [Fact]
        public void Defaults_are_the_SDKs()
        {
            var options = VideoClientOptions.FromEnvironment(Env(new Dictionary<string, string>()));
            Assert.Null(options.ApiKey);
            Assert.Equal(new Uri("https://api.openai.com/v1"), options.BaseUri);
            Assert.Equal(TimeSpan.FromSeconds(600), options.RequestTimeout);
            Assert.Equal(TimeSpan.FromSeconds(5), options.ConnectTimeout);
            Assert.Equal(2, options.MaxRetries);
            Assert.Equal(AuthenticationStyle.Bearer, options.AuthenticationStyle);
        }

        [Fact]
        public void The_environment_supplies_key_base_url_organization_and_project()
        {
            var options = VideoClientOptions.FromEnvironment(Env(new Dictionary<string, string>
            {
                ["OPENAI_API_KEY"] = "sk-test-123", ["OPENAI_BASE_URL"] = "http://127.0.0.1:4000/v1", ["OPENAI_ORG_ID"] = "org-1", ["OPENAI_PROJECT_ID"] = "proj_1",
            }));
            Assert.NotNull(options.ApiKey);
            Assert.Equal(new Uri("http://127.0.0.1:4000/v1"), options.BaseUri);
            Assert.Equal("org-1", options.Organization);
            Assert.Equal("proj_1", options.Project);
            Assert.DoesNotContain("sk-test-123", options.ToString());
        }

        [Fact]
        public void Azure_variables_select_the_api_key_header_and_the_v1_root()
        {
            var options = VideoClientOptions.FromEnvironment(Env(new Dictionary<string, string>
            {
                ["AZURE_OPENAI_API_KEY"] = "az-key", ["AZURE_OPENAI_ENDPOINT"] = "https://contoso.openai.azure.com/",
            }));
            Assert.Equal(AuthenticationStyle.ApiKeyHeader, options.AuthenticationStyle);
            Assert.Equal(new Uri("https://contoso.openai.azure.com/openai/v1"), options.BaseUri);
        }

        [Fact]
        public void Connecting_to_Azure_on_purpose_prefers_the_Azure_key_over_OpenAIs()
        {
            var both = Env(new Dictionary<string, string>
            {
                ["OPENAI_API_KEY"] = "sk-openai", ["AZURE_OPENAI_API_KEY"] = "az-key", ["AZURE_OPENAI_ENDPOINT"] = "https://contoso.openai.azure.com",
            });
            Assert.Equal("sk-openai", VideoClientOptions.FromEnvironment(both).ApiKey!.Reveal());
            var azure = VideoClientOptions.FromEnvironment(both, preferAzure: true);
            Assert.Equal("az-key", azure.ApiKey!.Reveal());
            Assert.Equal(AuthenticationStyle.ApiKeyHeader, azure.AuthenticationStyle);
        }

        [Theory]
        [InlineData("not a url")]
        [InlineData("ftp://host/v1")]
        [InlineData("/relative")]
        public void A_bad_base_url_is_refused_with_an_example(string value)
        {
            var error = Assert.Throws<ArgumentException>(() => VideoClientOptions.ParseBaseUri(value));
            Assert.Contains("http://127.0.0.1:5000/v1", error.Message);
        }

        [Fact]
        public void A_key_never_shows_itself_and_is_scrubbed_from_text()
        {
            var key = ApiKeySecret.FromPlainText("sk-secret-abc")!;
            Assert.Equal("***", key.ToString());
            Assert.Equal("Incorrect key *** given", key.Redact("Incorrect key sk-secret-abc given"));
            Assert.Null(ApiKeySecret.FromPlainText("  "));
        }

        [Fact]
        public void A_secure_string_key_is_read()
        {
            using var secure = new SecureString();
            foreach (var c in "sk-secure-1")
            {
                secure.AppendChar(c);
            }

            var key = ApiKeySecret.FromSecureString(secure)!;
            Assert.Equal("sk-secure-1", key.Reveal());
        }
    }
}
