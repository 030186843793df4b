using System.Threading;
using OpenAIVideos.Client.Emulation;

namespace OpenAIVideos.Commands.Module
{
    /// <summary>
    /// Stops the session's emulators on Remove-Module. The hook is registered when the first emulator starts, so a
    /// session that never started one removes the module without loading the engine (or the emulator).
    /// </summary>
    internal static class InModuleEmulators
    {
        private static int registered;

        /// <summary>Called after an emulator started.</summary>
        public static void Started()
        {
            if (Interlocked.Exchange(ref registered, 1) == 0)
            {
                ModuleInitializer.Removing += LocalEmulators.StopAll;
            }
        }
    }
}
