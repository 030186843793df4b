using System;
using System.IO;
using System.Threading.Tasks;
using OpenAIVideos.Emulator.Api;
using OpenAIVideos.Emulator.Content;

using OpenAIVideos.Emulator.Http;

namespace OpenAIVideos.Emulator.Validation
{
    /// <summary>
    /// Checks <c>input_reference</c>: an uploaded image part (named, with an image MIME type), or an object with exactly
    /// one of <c>image_url</c> and <c>file_id</c>. When the image bytes are at hand (upload or data URL) they must
    /// decode as an image of exactly the requested size. Remote URLs and file ids are accepted without fetching.
    /// </summary>
    internal static class InputReferenceValidator
    {
        private const string Param = "input_reference";
        private static readonly string[] ImageTypes = { "image/jpeg", "image/png", "image/webp" };

        public static async Task ValidateAsync(RequestFields fields, string size, long maxUploadBytes)
        {
            FormFile? upload = fields.File(Param);
            if (upload != null)
            {
                await ValidateUploadAsync(upload, size, maxUploadBytes);
                return;
            }

            if (fields.IsMultipart && fields.String(Param) != null)
            {
                throw ApiException.BadRequest("Invalid 'input_reference': expected a file upload with a filename and an image content type, but got a plain form field.", Param, "invalid_type");
            }

            string? imageUrl = fields.Nested(Param, "image_url");
            string? fileId = fields.Nested(Param, "file_id");
            if (!fields.Has(Param))
            {
                return;
            }

            if ((imageUrl is null) == (fileId is null))
            {
                throw ApiException.BadRequest("Invalid 'input_reference': provide exactly one of 'image_url' or 'file_id'.", Param, "invalid_value");
            }

            if (imageUrl != null)
            {
                ValidateImageUrl(imageUrl, size);
            }
        }

        private static async Task ValidateUploadAsync(FormFile upload, string size, long maxUploadBytes)
        {
            if (upload.Length > maxUploadBytes)
            {
                throw ApiException.TooLarge($"File '{upload.FileName}' is too large ({upload.Length} bytes). The maximum upload size is {maxUploadBytes} bytes.");
            }

            string contentType = (upload.ContentType ?? string.Empty).Split(';')[0].Trim().ToLowerInvariant();
            if (Array.IndexOf(ImageTypes, contentType) < 0)
            {
                string shown = contentType.Length == 0 ? "none" : contentType;
                throw ApiException.BadRequest($"Invalid file format '{shown}' for 'input_reference'. Supported formats are: {VideoValues.Listing(ImageTypes)}.", Param, "unsupported_file_type");
            }

            using var buffer = new MemoryStream();
            await upload.CopyToAsync(buffer);
            CheckImage(buffer.ToArray(), size);
        }

        private static void ValidateImageUrl(string imageUrl, string size)
        {
            if (imageUrl.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
            {
                int comma = imageUrl.IndexOf(',');
                string header = comma > 0 ? imageUrl.Substring(5, comma - 5) : string.Empty;
                if (!header.StartsWith("image/", StringComparison.OrdinalIgnoreCase) || !header.EndsWith(";base64", StringComparison.OrdinalIgnoreCase))
                {
                    throw ApiException.BadRequest("Invalid 'input_reference.image_url': expected a base64 data URL of an image (data:image/png;base64,...).", "input_reference.image_url", "invalid_value");
                }

                byte[] bytes;
                try
                {
                    bytes = Convert.FromBase64String(imageUrl.Substring(comma + 1));
                }
                catch (FormatException)
                {
                    throw ApiException.BadRequest("Invalid 'input_reference.image_url': the data URL is not valid base64.", "input_reference.image_url", "invalid_value");
                }

                CheckImage(bytes, size);
                return;
            }

            if (!Uri.TryCreate(imageUrl, UriKind.Absolute, out Uri? uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw ApiException.BadRequest("Invalid 'input_reference.image_url': expected an http(s) URL or a base64 data URL.", "input_reference.image_url", "invalid_value");
            }
        }

        private static void CheckImage(byte[] bytes, string size)
        {
            if (!ImageDimensions.TryRead(bytes, out int width, out int height))
            {
                throw ApiException.BadRequest("Invalid 'input_reference': the file is not a valid PNG, JPEG or WebP image.", Param, "invalid_image");
            }

            (int expectedWidth, int expectedHeight) = VideoValues.Dimensions(size);
            if (width != expectedWidth || height != expectedHeight)
            {
                throw ApiException.BadRequest($"Invalid 'input_reference': the image is {width}x{height} but the requested size is {size}. The reference image must match the requested width and height.", Param, "invalid_value");
            }
        }
    }
}
