using System;
using System.Globalization;

namespace OpenAIVideos.Emulator.Hosting
{
    /// <summary>Reads the emulator's own command-line switches and environment variables; others go to ASP.NET Core.</summary>
    internal static class CommandLine
    {
        public static EmulatorOptions Parse(string[] args)
        {
            var options = new EmulatorOptions
            {
                ApiKey = Environment.GetEnvironmentVariable("EMULATOR_API_KEY"),
                RequireAuthentication = Environment.GetEnvironmentVariable("EMULATOR_NO_AUTH") != "1",
            };
            ApplyJobSeconds(options, Environment.GetEnvironmentVariable("EMULATOR_JOB_SECONDS"));
            ApplyFlavor(options, Environment.GetEnvironmentVariable("EMULATOR_FLAVOR"));
            options.ServedModel = Environment.GetEnvironmentVariable("EMULATOR_SERVED_MODEL");
            for (int i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--api-key":
                        options.ApiKey = ValueAfter(args, ref i);
                        break;
                    case "--no-auth":
                        options.RequireAuthentication = false;
                        break;
                    case "--job-seconds":
                        ApplyJobSeconds(options, ValueAfter(args, ref i));
                        break;
                    case "--flavor":
                        ApplyFlavor(options, ValueAfter(args, ref i));
                        break;
                    case "--poll-after-ms":
                        options.PollAfterMs = int.Parse(ValueAfter(args, ref i), NumberStyles.None, CultureInfo.InvariantCulture);
                        break;
                    case "--served-model":
                        options.ServedModel = ValueAfter(args, ref i);
                        break;
                    case "--max-running-jobs":
                        options.MaxRunningJobsPerKey = int.Parse(ValueAfter(args, ref i), NumberStyles.None, CultureInfo.InvariantCulture);
                        break;
                    case "--storage-port":
                        options.StoragePort = int.Parse(ValueAfter(args, ref i), NumberStyles.None, CultureInfo.InvariantCulture);
                        break;
                    case "--page-size":
                        options.DefaultPageSize = int.Parse(ValueAfter(args, ref i), NumberStyles.None, CultureInfo.InvariantCulture);
                        break;
                }
            }

            return options;
        }

        private static string ValueAfter(string[] args, ref int i) =>
            ++i < args.Length ? args[i] : throw new ArgumentException($"Option {args[i - 1]} needs a value.");

        private static void ApplyJobSeconds(EmulatorOptions options, string? value)
        {
            if (value != null)
            {
                options.JobDuration = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture));
            }
        }

        private static void ApplyFlavor(EmulatorOptions options, string? value)
        {
            if (value != null)
            {
                // Command-line spellings are kebab-case (vllm-omni); the enum is VllmOmni.
                options.Flavor = Enum.Parse<EmulatorFlavor>(value.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true);
            }
        }
    }
}
