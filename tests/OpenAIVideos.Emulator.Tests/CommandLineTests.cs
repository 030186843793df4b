using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using OpenAIVideos.Emulator.Hosting;

namespace OpenAIVideos.Emulator.Tests
{
    /// <summary>
    /// The standalone emulator's command line: usage text, unknown switches refused, bad values and a port in use as
    /// one clear line with exit code 2 and no stack trace (issue 17, item 10).
    /// </summary>
    public class CommandLineTests
    {
        private static readonly Func<string, string?> NoEnvironment = _ => null;

        [Fact]
        public void Defaults_listen_on_5080_with_the_openai_flavor()
        {
            CommandLineRequest request = CommandLine.Parse(Array.Empty<string>(), NoEnvironment);
            Assert.Equal(5080, request.Port);
            Assert.Equal(EmulatorFlavor.OpenAI, request.Options.Flavor);
            Assert.False(request.Help);
        }

        [Theory]
        [InlineData("--port", "6001", 6001)]
        [InlineData("--urls", "http://127.0.0.1:6002", 6002)]
        [InlineData("--urls", "http://localhost:6003/", 6003)]
        public void Port_and_urls_choose_the_port(string name, string value, int expected) =>
            Assert.Equal(expected, CommandLine.Parse(new[] { name, value }, NoEnvironment).Port);

        [Theory]
        [InlineData("--flavour", "openai")]
        [InlineData("--jobseconds", "3")]
        [InlineData("serve")]
        public void Unknown_switches_are_refused(params string[] args)
        {
            var error = Assert.Throws<CommandLineException>(() => CommandLine.Parse(args, NoEnvironment));
            Assert.Equal($"Unknown option '{args[0]}'.", error.Message);
        }

        [Theory]
        [InlineData(new[] { "--flavor", "bogus" }, "Unknown flavor 'bogus'. Known flavors: openai, gateway, vllm-omni")]
        [InlineData(new[] { "--job-seconds", "abc" }, "'--job-seconds' needs a number of seconds from 0 to 86400 (e.g. 10 or 0.5), not 'abc'.")]
        [InlineData(new[] { "--job-seconds", "-1" }, "'--job-seconds' needs a number of seconds")]
        [InlineData(new[] { "--port", "70000" }, "Option '--port' needs a whole number from 0 to 65535, not '70000'.")]
        [InlineData(new[] { "--max-running-jobs", "0" }, "Option '--max-running-jobs' needs a whole number from 1")]
        [InlineData(new[] { "--api-key" }, "Option '--api-key' needs a value.")]
        [InlineData(new[] { "--flavor", "--no-auth" }, "Option '--flavor' needs a value.")]
        [InlineData(new[] { "--urls", "http://0.0.0.0:5080" }, "Option '--urls' takes a loopback address")]
        [InlineData(new[] { "--urls", "https://127.0.0.1:5080" }, "Option '--urls' needs an http URL")]
        public void Bad_values_say_what_is_wrong(string[] args, string expectedStart)
        {
            var error = Assert.Throws<CommandLineException>(() => CommandLine.Parse(args, NoEnvironment));
            Assert.StartsWith(expectedStart, error.Message);
        }

        [Fact]
        public void A_bad_environment_value_is_refused_like_a_switch()
        {
            var environment = new Dictionary<string, string?> { ["EMULATOR_FLAVOR"] = "nope" };
            var error = Assert.Throws<CommandLineException>(() => CommandLine.Parse(Array.Empty<string>(), name => environment.GetValueOrDefault(name)));
            Assert.StartsWith("Unknown flavor 'nope'.", error.Message);
        }

        [Theory]
        [InlineData("--help")]
        [InlineData("-h")]
        public void Help_is_asked_for(string name) => Assert.True(CommandLine.Parse(new[] { name }, NoEnvironment).Help);

        [Fact]
        public void The_usage_text_names_every_switch_the_parser_takes_and_every_flavor()
        {
            foreach (string name in new[] { "--port", "--urls", "--flavor", "--api-key", "--no-auth", "--job-seconds", "--served-model",
                "--max-running-jobs", "--poll-after-ms", "--page-size", "--storage-port", "--help" })
            {
                Assert.Contains(name, CommandLine.UsageText);
                if (name != "--help" && name != "--no-auth")
                {
                    // Each listed switch is one the parser knows (an unknown one would throw "Unknown option").
                    var error = Record.Exception(() => CommandLine.Parse(new[] { name }, NoEnvironment));
                    Assert.IsType<CommandLineException>(error);
                    Assert.Equal($"Option '{name}' needs a value.", error.Message);
                }
            }

            foreach (string flavor in EmulatorFlavors.Names)
            {
                Assert.Contains(flavor, CommandLine.UsageText);
            }
        }

        [Fact]
        public async Task The_program_prints_usage_for_help_and_exits_0()
        {
            var (exit, output, error) = await RunAsync("--help");
            Assert.Equal(0, exit);
            Assert.Contains("Usage: OpenAIVideos.Emulator [options]", output);
            Assert.Equal(string.Empty, error);
        }

        [Theory]
        [InlineData("--flavor", "bogus")]
        [InlineData("--job-seconds", "abc")]
        [InlineData("--flavour", "openai")]
        public async Task The_program_refuses_a_bad_command_line_with_exit_code_2_and_no_stack_trace(string name, string value)
        {
            var (exit, output, error) = await RunAsync(name, value);
            Assert.Equal(2, exit);
            Assert.StartsWith("error: ", error);
            Assert.DoesNotContain("   at ", error);
            Assert.DoesNotContain("Exception", error);
            Assert.Equal(string.Empty, output);
        }

        [Fact]
        public async Task The_program_refuses_a_port_in_use_with_exit_code_2()
        {
            var held = new TcpListener(IPAddress.Loopback, 0);
            held.Start();
            try
            {
                int port = ((IPEndPoint)held.LocalEndpoint).Port;
                var (exit, _, error) = await RunAsync("--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
                Assert.Equal(2, exit);
                Assert.Equal($"error: Port {port} on 127.0.0.1 is already in use by another program (or another emulator). Choose another port, or leave the port out to take a free one.", error.Trim());
            }
            finally
            {
                held.Stop();
            }
        }

        /// <summary>Runs the built emulator (copied beside the tests) with <paramref name="args"/> and waits for it to exit.</summary>
        private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "OpenAIVideos.Emulator.dll"));
            foreach (string arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            using Process process = Process.Start(start)!;
            Task<string> output = process.StandardOutput.ReadToEndAsync();
            Task<string> error = process.StandardError.ReadToEndAsync();
            using var bound = new System.Threading.CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(bound.Token);
            return (process.ExitCode, await output, await error);
        }
    }
}
