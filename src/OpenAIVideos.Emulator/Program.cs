using System;
using System.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using OpenAIVideos.Emulator;
using OpenAIVideos.Emulator.Hosting;

// Command line: dotnet run --project src/OpenAIVideos.Emulator -- [--urls http://127.0.0.1:PORT] [--api-key KEY]
//   [--no-auth] [--job-seconds N] [--flavor openai|gateway|vllm-omni|sglang|litellm|azure|gemini|openrouter]
//   [--served-model NAME] [--max-running-jobs N] [--poll-after-ms N] [--page-size N] [--storage-port N]. Environment: EMULATOR_API_KEY, EMULATOR_JOB_SECONDS,
//   EMULATOR_FLAVOR, EMULATOR_SERVED_MODEL, EMULATOR_NO_AUTH=1. Without --urls it listens on http://127.0.0.1:5080.
EmulatorOptions options = CommandLine.Parse(args);
bool hasUrls = args.Contains("--urls") || Environment.GetEnvironmentVariable("ASPNETCORE_URLS") != null;
string[] hostArgs = hasUrls ? args : args.Concat(new[] { "--urls", "http://127.0.0.1:5080" }).ToArray();
WebApplication app = EmulatorApplication.Build(options, hostArgs, listenOnOptionsAddress: false);
await app.StartAsync();
foreach (string url in app.Urls)
{
    Console.WriteLine($"OpenAI Videos API emulator listening: base URL {url.TrimEnd('/')}{EmulatorApplication.StateOf(app).Dialect.ApiPrefix}/ (flavor {options.Flavor}, auth {(options.RequireAuthentication ? "on" : "off")})");
}

if (EmulatorApplication.StateOf(app).Storage.BaseUri is Uri storage)
{
    Console.WriteLine($"Storage origin (result URLs, no key needed): {storage}");
}

await app.WaitForShutdownAsync();
