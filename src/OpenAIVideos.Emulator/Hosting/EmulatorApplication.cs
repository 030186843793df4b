using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenAIVideos.Emulator.Dialects;
using OpenAIVideos.Emulator.Endpoints;
using OpenAIVideos.Emulator.Faults;

namespace OpenAIVideos.Emulator.Hosting
{
    /// <summary>Builds the web application: the same pipeline for the in-process test host and the command line.</summary>
    internal static class EmulatorApplication
    {
        /// <param name="options">Behaviour.</param>
        /// <param name="args">Command-line arguments (for <c>--urls</c>); empty for the in-process host.</param>
        /// <param name="listenOnOptionsAddress">Listen on <see cref="EmulatorOptions.BindAddress"/> with a free port.</param>
        public static WebApplication Build(EmulatorOptions options, string[] args, bool listenOnOptionsAddress) =>
            Build(new EmulatorState(options), args, listenOnOptionsAddress ? 0 : (int?)null);

        /// <summary>Builds the application over existing state (a restart keeps its jobs).</summary>
        /// <param name="state">The jobs, files and counters to serve.</param>
        /// <param name="args">Command-line arguments (for <c>--urls</c>); empty for the in-process host.</param>
        /// <param name="port">Listen on <see cref="EmulatorOptions.BindAddress"/> and this port (0: a free one); null: as <paramref name="args"/> say.</param>
        public static WebApplication Build(EmulatorState state, string[] args, int? port)
        {
            var options = state.Options;
            WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(args);
            builder.Logging.ClearProviders();
            builder.Services.AddSingleton(state);
            builder.Services.Configure<FormOptions>(form =>
            {
                form.MultipartBodyLengthLimit = options.MaxRequestBodyBytes;
                form.ValueLengthLimit = (int)Math.Min(int.MaxValue, options.MaxRequestBodyBytes);
            });
            builder.WebHost.ConfigureKestrel(kestrel =>
            {
                kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
                kestrel.AddServerHeader = false;
                if (port is { } listenPort)
                {
                    kestrel.Listen(options.BindAddress, listenPort);
                }
            });

            WebApplication app = builder.Build();
            // Routing first, so the envelope knows the operation when a request arrives and counts it before any
            // answer leaves: a client holding a response then always finds it in the statistics.
            app.UseRouting();
            app.UseMiddleware<RequestEnvelopeMiddleware>();
            app.UseMiddleware<ApiKeyAuthentication>();
            app.UseMiddleware<FaultMiddleware>();

            var routes = new RouteTable(state.Dialect.ApiPrefix);
            foreach (string prefix in state.Dialect.ApiPrefixes)
            {
                state.Dialect.Map(app.MapGroup(prefix.Length == 0 ? "/" : prefix), routes.WithPrefix(prefix));
            }

            AdminEndpoints.Map(app);
            app.MapFallback((RequestDelegate)(context => throw state.Dialect.UnknownRoute(context, routes)));
            return app;
        }

        public static EmulatorState StateOf(WebApplication app) => app.Services.GetRequiredService<EmulatorState>();
    }
}
