using System.Text;

namespace OpenAIVideos.Client
{
    /// <summary>Recognises the image and video formats the API takes from their magic bytes.</summary>
    public static class MediaTypeSniffer
    {
        /// <summary>The MIME type of the content that starts with <paramref name="header"/>, or null when unknown.</summary>
        public static string? Sniff(byte[] header, int length)
        {
            bool StartsWith(int offset, params byte[] magic)
            {
                if (length < offset + magic.Length)
                {
                    return false;
                }

                for (var i = 0; i < magic.Length; i++)
                {
                    if (header[offset + i] != magic[i])
                    {
                        return false;
                    }
                }

                return true;
            }

            string Ascii(int offset, int count) => length >= offset + count ? Encoding.ASCII.GetString(header, offset, count) : string.Empty;

            if (StartsWith(0, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A))
            {
                return "image/png";
            }

            if (StartsWith(0, 0xFF, 0xD8, 0xFF))
            {
                return "image/jpeg";
            }

            if (Ascii(0, 4) == "RIFF" && Ascii(8, 4) == "WEBP")
            {
                return "image/webp";
            }

            if (Ascii(0, 4) == "GIF8")
            {
                return "image/gif";
            }

            if (Ascii(4, 4) == "ftyp")
            {
                return Ascii(8, 2) == "qt" ? "video/quicktime" : "video/mp4";
            }

            if (StartsWith(0, 0x1A, 0x45, 0xDF, 0xA3))
            {
                return "video/webm";
            }

            return null;
        }
    }
}
