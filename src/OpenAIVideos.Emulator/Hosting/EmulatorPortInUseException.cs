using System;
using System.IO;

namespace OpenAIVideos.Emulator.Hosting
{
    /// <summary>The emulator could not listen: another program (or another emulator) holds the port.</summary>
    public sealed class EmulatorPortInUseException : IOException
    {
        public EmulatorPortInUseException(string host, int port, Exception inner)
            : base($"Port {port} on {host} is already in use by another program (or another emulator). Choose another port, or leave the port out to take a free one.", inner)
        {
            Port = port;
        }

        /// <summary>The port that was asked for.</summary>
        public int Port { get; }
    }
}
