using System;
using System.Runtime.InteropServices;
using System.Security;

namespace OpenAIVideos.Client
{
    /// <summary>
    /// An API key that never shows itself: <see cref="ToString"/> is redacted, and <see cref="Redact"/> scrubs it from
    /// any text (server messages, logs) before that text reaches a user.
    /// </summary>
    public sealed class ApiKeySecret
    {
        private const string Mask = "***";
        private readonly string _value;

        private ApiKeySecret(string value) => _value = value;

        /// <summary>Wraps a plain-text key; null or blank yields null.</summary>
        public static ApiKeySecret? FromPlainText(string? value) =>
            string.IsNullOrWhiteSpace(value) ? null : new ApiKeySecret(value!.Trim());

        /// <summary>Reads a <see cref="SecureString"/> (what PowerShell's <c>Read-Host -AsSecureString</c> gives).</summary>
        public static ApiKeySecret? FromSecureString(SecureString? value)
        {
            if (value is null || value.Length == 0)
            {
                return null;
            }

            var pointer = IntPtr.Zero;
            try
            {
                pointer = Marshal.SecureStringToGlobalAllocUnicode(value);
                return FromPlainText(Marshal.PtrToStringUni(pointer));
            }
            finally
            {
                if (pointer != IntPtr.Zero)
                {
                    Marshal.ZeroFreeGlobalAllocUnicode(pointer);
                }
            }
        }

        /// <summary>The key itself, for the one place that writes the auth header.</summary>
        internal string Reveal() => _value;

        /// <summary>Replaces every occurrence of the key in <paramref name="text"/> with a mask.</summary>
        public string Redact(string? text) =>
            string.IsNullOrEmpty(text) ? text ?? string.Empty : text!.Replace(_value, Mask);

        /// <summary>Never the key.</summary>
        public override string ToString() => Mask;
    }
}
