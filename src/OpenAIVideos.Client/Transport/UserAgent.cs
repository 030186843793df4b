using System.Reflection;
using System.Runtime.InteropServices;

namespace OpenAIVideos.Client.Transport
{
    /// <summary>Names this client, its version and runtime, as the SDKs do, so server operators can tell who calls.</summary>
    internal static class UserAgent
    {
        public static readonly string Version =
            typeof(UserAgent).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0]
            ?? typeof(UserAgent).Assembly.GetName().Version?.ToString(3)
            ?? "0.0.0";

        public static readonly string Value =
            $"OpenAIVideos/{Version} ({RuntimeInformation.FrameworkDescription.Trim()}; {RuntimeInformation.OSDescription.Trim().Replace('(', '[').Replace(')', ']')})";
    }
}
