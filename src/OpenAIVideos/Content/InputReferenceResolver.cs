using System;
using OpenAIVideos.Client;

namespace OpenAIVideos.Commands.Content
{
    /// <summary>
    /// Reads <c>-InputReference</c>: URLs and data URLs pass through; anything else is a path resolved against
    /// PowerShell's current location (which is not the process's), unless it is a <c>file-…</c> id that names no local file.
    /// </summary>
    public static class InputReferenceResolver
    {
        /// <summary>The reference for what the user typed.</summary>
        /// <param name="value">The parameter's value.</param>
        /// <param name="resolvePath">PowerShell's <c>GetUnresolvedProviderPathFromPSPath</c> in the cmdlet.</param>
        /// <param name="fileExists">Whether a file exists.</param>
        public static VideoInputReference Resolve(string value, Func<string, string> resolvePath, Func<string, bool> fileExists)
        {
            if (resolvePath is null || fileExists is null)
            {
                throw new ArgumentNullException(resolvePath is null ? nameof(resolvePath) : nameof(fileExists));
            }

            var text = value?.Trim() ?? string.Empty;
            if (text.Length == 0 || IsUrl(text))
            {
                return VideoInputReference.Parse(text);
            }

            var fullPath = resolvePath(text);
            if (text.StartsWith("file-", StringComparison.Ordinal) && !fileExists(fullPath))
            {
                return VideoInputReference.FromFileId(text);
            }

            return VideoInputReference.Parse(fullPath);
        }

        private static bool IsUrl(string text) =>
            text.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("data:", StringComparison.OrdinalIgnoreCase);
    }
}
