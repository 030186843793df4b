using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;

namespace OpenAIVideos.Emulator.Hosting
{
    /// <summary>
    /// Reads the command line and the EMULATOR_* environment variables. Every switch is known here: an unknown one (a
    /// typo such as <c>--flavour</c>), a missing or malformed value is a <see cref="CommandLineException"/> whose message
    /// says what was wrong, so Program can print it with the usage and exit 2 instead of a stack trace.
    /// </summary>
    internal static class CommandLine
    {
        /// <summary>The port the command line listens on when neither <c>--port</c> nor <c>--urls</c> is given.</summary>
        public const int DefaultPort = 5080;

        public const string Usage = """
            OpenAI Videos API emulator: a local server of the Videos API in the dialect of several servers.

            Usage: OpenAIVideos.Emulator [options]
              (from a clone: dotnet run --project src/OpenAIVideos.Emulator -- [options])

            Options:
              --port N                 Listen on http://127.0.0.1:N (default 5080; 0 takes a free port).
              --urls http://127.0.0.1:N
                                       The same, as a URL (loopback addresses only).
              --flavor NAME            The server to imitate: {FLAVORS} (default openai).
              --api-key KEY            The only key accepted (default: any non-empty key).
              --no-auth                Accept requests without a key.
              --job-seconds N          Seconds from create to completed (default 10; fractions allowed).
              --served-model NAME      The model a vllm-omni server runs.
              --max-running-jobs N     Unfinished videos one key may have before a create answers 429.
              --poll-after-ms N        Send openai-poll-after-ms with unfinished videos.
              --page-size N            Page size of a list without a limit (default 20).
              --storage-port N         Port of the storage origin that serves result URLs (gemini, openrouter;
                                       default: a free port).
              -h, --help               Show this text.

            Environment: EMULATOR_API_KEY, EMULATOR_JOB_SECONDS, EMULATOR_FLAVOR, EMULATOR_SERVED_MODEL, EMULATOR_NO_AUTH=1.
            Exit codes: 0 stopped by Ctrl+C, 2 bad command line or the port is in use.
            """;

        /// <summary>The usage text with the flavors listed.</summary>
        public static string UsageText => Usage.Replace("{FLAVORS}", string.Join(", ", EmulatorFlavors.Names), StringComparison.Ordinal);

        /// <summary>Reads <paramref name="args"/> over <paramref name="environment"/> (null reads the process's variables).</summary>
        public static CommandLineRequest Parse(string[] args, Func<string, string?>? environment = null)
        {
            environment ??= Environment.GetEnvironmentVariable;
            var options = new EmulatorOptions
            {
                ApiKey = environment("EMULATOR_API_KEY"),
                RequireAuthentication = environment("EMULATOR_NO_AUTH") != "1",
                ServedModel = environment("EMULATOR_SERVED_MODEL"),
            };
            ApplyJobSeconds(options, environment("EMULATOR_JOB_SECONDS"), "EMULATOR_JOB_SECONDS");
            if (environment("EMULATOR_FLAVOR") is string flavor)
            {
                options.Flavor = ParseFlavor(flavor);
            }

            int port = DefaultPort;
            bool help = false;
            for (int i = 0; i < args.Length; i++)
            {
                string name = args[i];
                switch (name)
                {
                    case "-h" or "--help" or "-?" or "/?":
                        help = true;
                        break;
                    case "--port":
                        port = Integer(name, ValueAfter(args, ref i), 0, 65535);
                        break;
                    case "--urls":
                        (options.BindAddress, port) = ParseUrl(ValueAfter(args, ref i));
                        break;
                    case "--api-key":
                        options.ApiKey = ValueAfter(args, ref i);
                        break;
                    case "--no-auth":
                        options.RequireAuthentication = false;
                        break;
                    case "--job-seconds":
                        ApplyJobSeconds(options, ValueAfter(args, ref i), name);
                        break;
                    case "--flavor":
                        options.Flavor = ParseFlavor(ValueAfter(args, ref i));
                        break;
                    case "--poll-after-ms":
                        options.PollAfterMs = Integer(name, ValueAfter(args, ref i), 0, int.MaxValue);
                        break;
                    case "--served-model":
                        options.ServedModel = ValueAfter(args, ref i);
                        break;
                    case "--max-running-jobs":
                        options.MaxRunningJobsPerKey = Integer(name, ValueAfter(args, ref i), 1, int.MaxValue);
                        break;
                    case "--storage-port":
                        options.StoragePort = Integer(name, ValueAfter(args, ref i), 0, 65535);
                        break;
                    case "--page-size":
                        options.DefaultPageSize = Integer(name, ValueAfter(args, ref i), 1, 100);
                        break;
                    default:
                        throw new CommandLineException($"Unknown option '{name}'.");
                }
            }

            return new CommandLineRequest(options, port, help);
        }

        private static string ValueAfter(string[] args, ref int i)
        {
            string name = args[i];
            if (++i >= args.Length || args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new CommandLineException($"Option '{name}' needs a value.");
            }

            return args[i];
        }

        private static int Integer(string name, string text, int minimum, int maximum) =>
            int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value >= minimum && value <= maximum
                ? value
                : throw new CommandLineException($"Option '{name}' needs a whole number from {minimum} to {maximum}, not '{text}'.");

        private static void ApplyJobSeconds(EmulatorOptions options, string? text, string source)
        {
            if (text is null)
            {
                return;
            }

            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) || seconds < 0 || double.IsInfinity(seconds) || seconds > 86400)
            {
                throw new CommandLineException($"'{source}' needs a number of seconds from 0 to 86400 (e.g. 10 or 0.5), not '{text}'.");
            }

            options.JobDuration = TimeSpan.FromSeconds(seconds);
        }

        private static EmulatorFlavor ParseFlavor(string text)
        {
            try
            {
                return EmulatorFlavors.Parse(text);
            }
            catch (ArgumentException error)
            {
                throw new CommandLineException(error.Message);
            }
        }

        /// <summary>
        /// <c>--urls http://127.0.0.1:5080</c>, as the ASP.NET Core host took it: one URL, a loopback address or
        /// <c>localhost</c>, http only. Anything else is refused rather than exposed on the network by accident.
        /// </summary>
        private static (IPAddress Address, int Port) ParseUrl(string text)
        {
            if (!Uri.TryCreate(text.Split(';')[0], UriKind.Absolute, out Uri? url) || url.Scheme != Uri.UriSchemeHttp)
            {
                throw new CommandLineException($"Option '--urls' needs an http URL such as http://127.0.0.1:5080, not '{text}'.");
            }

            IPAddress address = url.IsLoopback && !IPAddress.TryParse(url.Host.Trim('[', ']'), out _)
                ? IPAddress.Loopback
                : IPAddress.TryParse(url.Host.Trim('[', ']'), out IPAddress? parsed) && IPAddress.IsLoopback(parsed)
                    ? parsed
                    : throw new CommandLineException($"Option '--urls' takes a loopback address (127.0.0.1, [::1] or localhost), not '{url.Host}': the emulator is not meant to be reached from the network.");
            return (address, url.Port);
        }
    }

    /// <summary>What the command line asks for: the emulator's options, the port, or only the usage text.</summary>
    internal sealed record CommandLineRequest(EmulatorOptions Options, int Port, bool Help);

    /// <summary>A command line that cannot be run; the message says why, for the user.</summary>
    internal sealed class CommandLineException : Exception
    {
        public CommandLineException(string message)
            : base(message)
        {
        }
    }
}
