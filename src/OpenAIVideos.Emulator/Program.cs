using System;
using System.Threading;
using System.Threading.Tasks;
using OpenAIVideos.Emulator;
using OpenAIVideos.Emulator.Hosting;

// The standalone emulator: a thin command line over the same VideoApiEmulator that tests and Start-VideoEmulator start.
// `--help` lists the options (Hosting/CommandLine.cs). A bad command line or a port in use prints one clear line and the
// usage hint, and exits 2; Ctrl+C stops the server and exits 0.
CommandLineRequest request;
try
{
    request = CommandLine.Parse(args);
}
catch (CommandLineException error)
{
    Console.Error.WriteLine($"error: {error.Message}");
    Console.Error.WriteLine("Run with --help to see the options.");
    return 2;
}

if (request.Help)
{
    Console.WriteLine(CommandLine.UsageText);
    return 0;
}

VideoApiEmulator emulator;
try
{
    emulator = await VideoApiEmulator.StartAsync(request.Options, request.Port);
}
catch (EmulatorPortInUseException error)
{
    Console.Error.WriteLine($"error: {error.Message}");
    return 2;
}

await using (emulator)
{
    var stopped = new TaskCompletionSource();
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        stopped.TrySetResult();
    };
    AppDomain.CurrentDomain.ProcessExit += (_, _) => stopped.TrySetResult();
    Console.WriteLine($"OpenAI Videos API emulator listening: base URL {emulator.BaseUri} (flavor {emulator.FlavorName}, auth {(request.Options.RequireAuthentication ? "on" : "off")}). Ctrl+C stops it.");
    if (emulator.StorageUri is Uri storage)
    {
        Console.WriteLine($"Storage origin (result URLs, no key needed): {storage}");
    }

    await stopped.Task;
}

return 0;
