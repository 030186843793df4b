using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using OpenAIVideos.LoadContext;

namespace OpenAIVideos.Packaging.Tests
{
    /// <summary>
    /// The private load context for real, over the laid-out Dependencies/Core, the way PowerShell 7 meets it: the
    /// engine is not in this process's default context (as it is not in PowerShell's), so the default context asks
    /// the hook <see cref="DependencyLoadContext.Register"/> installed.
    /// </summary>
    [Collection(nameof(DependencyLoadContextTests))] // process-wide state: the default context's Resolving hook
    public class DependencyLoadContextTests
    {
        private static readonly Lazy<Assembly> Engine = new Lazy<Assembly>(() =>
        {
            Assert.False(File.Exists(Path.Combine(AppContext.BaseDirectory, "OpenAIVideos.Client.dll")),
                "The engine must not be in the test's own folder, or the default context would load it without asking.");
            DependencyLoadContext.Register(TestEnvironment.CoreFolder);
            return Assembly.Load(new AssemblyName(DependencyLoadContext.EngineAssemblyName));
        });

        private static AssemblyLoadContext EngineContext => AssemblyLoadContext.GetLoadContext(Engine.Value)!;

        [Fact]
        public void TheEngineLoadsIntoThePrivateContextFromDependenciesCore()
        {
            Assert.IsType<DependencyLoadContext>(EngineContext);
            Assert.Same(DependencyLoadContext.Registered, EngineContext);
            Assert.Equal(Path.Combine(TestEnvironment.CoreFolder, "OpenAIVideos.Client.dll"), Engine.Value.Location);
            Assert.False(EngineContext.IsCollectible);
        }

        [Fact]
        public void TheEngineUsesTheDefaultContextsSystemTextJson()
        {
            var reference = Engine.Value.GetReferencedAssemblies().Single(name => name.Name == "System.Text.Json");
            var json = EngineContext.LoadFromAssemblyName(reference);
            Assert.Same(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(json));
            Assert.Same(typeof(System.Text.Json.JsonSerializer).Assembly, json);
        }

        [Fact]
        public void TheEngineAndTheCmdletsShareOneCopyOfTheModels()
        {
            var models = EngineContext.LoadFromAssemblyName(new AssemblyName("OpenAIVideos.Models"));
            Assert.Same(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(models));
            Assert.Equal(Path.Combine(TestEnvironment.ModuleRoot, "OpenAIVideos.Models.dll"), models.Location);
            Assert.Same(models, Assembly.Load(new AssemblyName("OpenAIVideos.Models")));
        }

        [Fact]
        public void OnlyTheEngineAndTheCmdletsPolyfillAreAnsweredForTheDefaultContext()
        {
            _ = Engine.Value;
            Assert.Throws<FileNotFoundException>(() => Assembly.Load(new AssemblyName("Polly.Core")));
            Assert.Throws<FileNotFoundException>(() => Assembly.Load(new AssemblyName("Microsoft.Extensions.Http")));
            Assert.Throws<FileNotFoundException>(() => Assembly.Load(new AssemblyName("Microsoft.Extensions.DependencyInjection")));

            // The netstandard2.0 cmdlets name IAsyncEnumerable through this facade; it must be the runtime's own type.
            var facade = Assembly.Load(new AssemblyName(DependencyLoadContext.AsyncInterfacesAssemblyName));
            Assert.Equal(Path.Combine(TestEnvironment.CoreFolder, "Microsoft.Bcl.AsyncInterfaces.dll"), facade.Location);
            Assert.Same(typeof(System.Collections.Generic.IAsyncEnumerable<>), facade.GetType("System.Collections.Generic.IAsyncEnumerable`1", throwOnError: true));
        }

        /// <summary>
        /// The laid-out cmdlet assembly's own initializer, as PowerShell 7 calls it on import: afterwards every type of the
        /// cmdlet assembly loads (so every reference it makes resolves), and the engine it references is the private one.
        /// </summary>
        [Fact]
        public void TheLaidOutModuleInitializerWiresTheEngineOnImport()
        {
            var cmdlets = Assembly.LoadFrom(Path.Combine(TestEnvironment.ModuleRoot, "OpenAIVideos.dll"));
            var initializerType = cmdlets.GetType("OpenAIVideos.Commands.Module.ModuleInitializer", throwOnError: true)!;
            Assert.True(typeof(System.Management.Automation.IModuleAssemblyInitializer).IsAssignableFrom(initializerType));
            Assert.True(typeof(System.Management.Automation.IModuleAssemblyCleanup).IsAssignableFrom(initializerType));

            var initializer = Activator.CreateInstance(initializerType)!;
            initializerType.GetMethod("OnImport")!.Invoke(initializer, null);
            initializerType.GetMethod("OnImport")!.Invoke(initializer, null); // Import-Module -Force imports again

            // (Until the cmdlets land, the placeholder cmdlet assembly does not reference the engine yet: ask by name.)
            var engineReference = cmdlets.GetReferencedAssemblies().SingleOrDefault(name => name.Name == DependencyLoadContext.EngineAssemblyName)
                ?? new AssemblyName(DependencyLoadContext.EngineAssemblyName);
            var engine = Assembly.Load(engineReference);
            Assert.Same(DependencyLoadContext.Registered, AssemblyLoadContext.GetLoadContext(engine));
            Assert.Equal(Path.Combine(TestEnvironment.CoreFolder, "OpenAIVideos.Client.dll"), engine.Location);

            var types = cmdlets.GetTypes(); // throws ReflectionTypeLoadException if any reference does not resolve
            foreach (var property in types.Where(type => type.IsPublic).SelectMany(type => type.GetProperties()))
            {
                _ = property.PropertyType; // parameter types, engine ones included, as PowerShell binds them
            }

            initializerType.GetMethod("OnRemove")!.Invoke(initializer, new object?[] { null });
            initializerType.GetMethod("OnImport")!.Invoke(initializer, null);
        }

        [Fact]
        public void RegisteringAgainChangesNothing()
        {
            var context = EngineContext;
            DependencyLoadContext.Register(TestEnvironment.CoreFolder);
            DependencyLoadContext.Register(TestEnvironment.DesktopFolder); // the first folder wins
            Assert.Same(context, DependencyLoadContext.Registered);
            Assert.Equal(TestEnvironment.CoreFolder, DependencyLoadContext.Registered!.DependencyFolder);

            DependencyLoadContext.Unregister();
            DependencyLoadContext.Register(TestEnvironment.CoreFolder);
            Assert.Same(Engine.Value, Assembly.Load(new AssemblyName(DependencyLoadContext.EngineAssemblyName)));
        }

        [Theory]
        [InlineData("OpenAIVideos.Client", true)]
        [InlineData("Polly.Core", true)]
        [InlineData("Microsoft.Extensions.Http", true)]
        [InlineData("Microsoft.Bcl.TimeProvider", true)]
        [InlineData("Microsoft.Bcl.AsyncInterfaces", true)]
        [InlineData("System.Text.Json", false)]
        [InlineData("System.Diagnostics.DiagnosticSource", false)]
        [InlineData("OpenAIVideos.Models", false)]
        public void KnowsWhichAssembliesAreAlwaysPrivate(string name, bool expected) =>
            Assert.Equal(expected, DependencyLoadContext.IsPrivate(name));

        [Theory]
        [InlineData("OpenAIVideos.Client", true)]
        [InlineData("Microsoft.Bcl.AsyncInterfaces", true)]
        [InlineData("Polly.Core", false)]
        [InlineData("Microsoft.Extensions.Http", false)]
        [InlineData("OpenAIVideos.Models", false)]
        [InlineData(null, false)]
        public void AnswersTheDefaultContextOnlyForTheEngineAndItsBridge(string? name, bool expected) =>
            Assert.Equal(expected, DependencyLoadContext.IsAnsweredForDefaultContext(name));

        /// <summary>
        /// Another module got there first with Microsoft.Extensions.* 8.0 in the default context. The engine still runs a
        /// real request (its pooled handler, Polly, System.Text.Json) on its own copies, and on PowerShell 7 it needs no
        /// Microsoft.Extensions.* at all (Transport/HttpClientPool.cs), so it cannot pick up the other module's.
        /// </summary>
        [Fact]
        public async Task AnotherMicrosoftExtensionsVersionInTheDefaultContextDoesNotBreakTheEngine()
        {
            var otherPrimitives = typeof(Microsoft.Extensions.Primitives.StringValues).Assembly;
            var otherInjection = typeof(Microsoft.Extensions.DependencyInjection.IServiceCollection).Assembly;
            Assert.Equal(8, otherPrimitives.GetName().Version!.Major);
            Assert.Equal(8, otherInjection.GetName().Version!.Major);

            using var server = new OneVideoServer();
            var video = await RetrieveThroughTheEngine(server.BaseUri, "video_123");

            Assert.Equal("video_123", video.GetType().GetProperty("Id")!.GetValue(video));
            Assert.Same(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(video.GetType().Assembly));
            Assert.Equal("Bearer sk-test-key", server.Authorization);

            // What the request loaded came from our folder, System.Text.Json excepted, and none of it is Microsoft.Extensions.*.
            var polly = EngineContext.Assemblies.SingleOrDefault(assembly => assembly.GetName().Name == "Polly.Core");
            Assert.True(polly is not null, "Polly.Core was not loaded into the engine's context, which has: "
                + string.Join(", ", EngineContext.Assemblies.Select(assembly => assembly.GetName().Name)));
            Assert.Equal(Path.Combine(TestEnvironment.CoreFolder, "Polly.Core.dll"), polly!.Location);
            Assert.DoesNotContain(EngineContext.Assemblies, assembly => assembly.GetName().Name == "System.Text.Json");
            Assert.DoesNotContain(EngineContext.Assemblies, assembly => assembly.GetName().Name!.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal));
            Assert.DoesNotContain(AssemblyLoadContext.Default.Assemblies, assembly => assembly.GetName().Name == "Microsoft.Extensions.Http");

            Assert.Contains(AssemblyLoadContext.Default.Assemblies, assembly => assembly == otherPrimitives);
        }

        private static async Task<object> RetrieveThroughTheEngine(Uri baseUri, string videoId)
        {
            var optionsType = Engine.Value.GetType("OpenAIVideos.Client.VideoClientOptions", throwOnError: true)!;
            var secretType = Engine.Value.GetType("OpenAIVideos.Client.ApiKeySecret", throwOnError: true)!;
            var clientType = Engine.Value.GetType("OpenAIVideos.Client.VideosClient", throwOnError: true)!;

            var options = Activator.CreateInstance(optionsType)!;
            optionsType.GetProperty("BaseUri")!.SetValue(options, baseUri);
            optionsType.GetProperty("MaxRetries")!.SetValue(options, 0);
            optionsType.GetProperty("ApiKey")!.SetValue(options, secretType.GetMethod("FromPlainText")!.Invoke(null, new object?[] { "sk-test-key" }));

            var client = (IDisposable)clientType.GetConstructor(new[] { optionsType, typeof(Action<string>) })!.Invoke(new object?[] { options, null });
            using (client)
            {
                var retrieve = (Task)clientType.GetMethod("RetrieveAsync")!.Invoke(client, new object[] { videoId, CancellationToken.None })!;
                await retrieve.WaitAsync(TimeSpan.FromSeconds(30));
                return retrieve.GetType().GetProperty("Result")!.GetValue(retrieve)!;
            }
        }

        /// <summary>A loopback HTTP server that answers every request with one completed video.</summary>
        private sealed class OneVideoServer : IDisposable
        {
            private readonly HttpListener listener = new HttpListener();
            private readonly Task serving;

            public OneVideoServer()
            {
                var probe = new TcpListener(IPAddress.Loopback, 0);
                probe.Start();
                var port = ((IPEndPoint)probe.LocalEndpoint).Port;
                probe.Stop();

                BaseUri = new Uri($"http://127.0.0.1:{port}/v1/");
                listener.Prefixes.Add($"http://127.0.0.1:{port}/");
                listener.Start();
                serving = Task.Run(ServeAsync);
            }

            public Uri BaseUri { get; }

            public string? Authorization { get; private set; }

            public void Dispose()
            {
                listener.Close();
                try
                {
                    serving.Wait(TimeSpan.FromSeconds(5));
                }
                catch (AggregateException)
                {
                    // the listener was closed under a pending GetContextAsync
                }
            }

            private async Task ServeAsync()
            {
                while (listener.IsListening)
                {
                    HttpListenerContext context;
                    try
                    {
                        context = await listener.GetContextAsync();
                    }
                    catch (Exception ex) when (ex is HttpListenerException || ex is ObjectDisposedException || ex is InvalidOperationException)
                    {
                        return;
                    }

                    Authorization = context.Request.Headers["Authorization"];
                    var id = context.Request.Url!.Segments.Last();
                    var body = Encoding.UTF8.GetBytes(
                        "{\"id\":\"" + id + "\",\"object\":\"video\",\"model\":\"sora-2\",\"status\":\"completed\",\"progress\":100,"
                        + "\"created_at\":1767225600,\"completed_at\":1767225660,\"expires_at\":1767312000,\"prompt\":\"a red fox\","
                        + "\"size\":\"720x1280\",\"seconds\":\"4\",\"remixed_from_video_id\":null,\"error\":null}");
                    context.Response.StatusCode = 200;
                    context.Response.ContentType = "application/json";
                    context.Response.ContentLength64 = body.Length;
                    await context.Response.OutputStream.WriteAsync(body);
                    context.Response.Close();
                }
            }
        }
    }
}
