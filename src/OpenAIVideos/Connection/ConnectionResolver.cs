using System;
using System.Security;
using OpenAIVideos.Client;

namespace OpenAIVideos.Commands.Connection
{
    /// <summary>
    /// Decides the options a cmdlet connects with: explicit parameters, over the session default, over the environment.
    /// </summary>
    public static class ConnectionResolver
    {
        /// <summary>Error id for a missing key on OpenAI's host.</summary>
        public const string ApiKeyMissingErrorId = "ApiKeyMissing";

        /// <summary>The environment's options; replaceable by tests.</summary>
        internal static Func<VideoClientOptions> Environment { get; set; } = () => VideoClientOptions.FromEnvironment();

        /// <summary>
        /// The effective options: the session default when one is set (else the environment), with every explicitly
        /// given value applied on top.
        /// </summary>
        public static VideoClientOptions Resolve(VideoConnectionSettings? explicitSettings, out ConnectionSource source)
        {
            var session = VideoSession.Default;
            source = session is null ? ConnectionSource.Environment : ConnectionSource.Session;
            var options = session ?? Environment();
            return explicitSettings is null ? options : explicitSettings.ApplyTo(options);
        }

        /// <summary>
        /// Why these options cannot work, or null: a key is needed for OpenAI's own host (other servers may run
        /// without authentication, so they are given the benefit of the doubt).
        /// </summary>
        public static string? MissingKeyReason(VideoClientOptions options)
        {
            if (options is null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            if (options.ApiKey is not null || options.AuthenticationStyle == AuthenticationStyle.None
                || !string.Equals(options.BaseUri.Host, VideoClientOptions.OpenAIBaseUri.Host, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            return $"No API key is set for {options.BaseUri}. Give one with -ApiKey, set a session default with "
                + "Connect-OpenAIVideo -ApiKey (Read-Host -AsSecureString), or set $env:OPENAI_API_KEY. "
                + "Note that OpenAI retired its own Videos API on 2026-09-24: to use another server, run "
                + "Connect-OpenAIVideo -BaseUri <url> (or -Azure, or -Emulator).";
        }

        /// <summary>
        /// Reads an <c>-ApiKey</c> value: a <see cref="SecureString"/> or plain text (after <paramref name="unwrap"/>
        /// removes any PowerShell wrapper). Null or blank is "not given".
        /// </summary>
        /// <exception cref="ArgumentException">Any other type; the message never contains the value.</exception>
        public static ApiKeySecret? ToApiKey(object? value, Func<object?, object?> unwrap)
        {
            if (unwrap is null)
            {
                throw new ArgumentNullException(nameof(unwrap));
            }

            switch (ParameterValuesUnwrap(value, unwrap))
            {
                case null:
                    return null;
                case SecureString secure:
                    return ApiKeySecret.FromSecureString(secure);
                case string text:
                    return ApiKeySecret.FromPlainText(text);
                case ApiKeySecret secret:
                    return secret;
                case var other:
                    throw new ArgumentException(
                        $"-ApiKey takes a SecureString (Read-Host -AsSecureString) or a string, not a {other.GetType().Name}.", "ApiKey");
            }
        }

        private static object? ParameterValuesUnwrap(object? value, Func<object?, object?> unwrap)
        {
            for (var i = 0; i < 8 && value is not null; i++)
            {
                var next = unwrap(value);
                if (ReferenceEquals(next, value))
                {
                    break;
                }

                value = next;
            }

            return value;
        }
    }
}
