using System.Runtime.CompilerServices;
using System.Threading;
using OpenAIVideos.Client.Emulation;

namespace OpenAIVideos.Commands.Module
{
    /// <summary>
    /// Whether this session started an emulator, so Remove-Module stops them without loading the engine (or the
    /// emulator) into a session that never used one.
    /// </summary>
    internal static class InModuleEmulators
    {
        private static int started;

        public static void Started() => Interlocked.Exchange(ref started, 1);

        /// <summary>Stops every emulator this session started (Remove-Module).</summary>
        public static void StopAll()
        {
            if (Volatile.Read(ref started) == 1)
            {
                StopAllStarted();
            }
        }

        // Kept out of StopAll so that compiling StopAll does not load the engine.
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void StopAllStarted() => LocalEmulators.StopAll();
    }
}
