using System.Text.Json;
using System.Threading.Tasks;
using OpenAIVideos.Emulator.Http;

namespace OpenAIVideos.Emulator.Api
{
    /// <summary>
    /// A JSON response written with a Content-Length, so a client can tell a complete body from one cut short by a fault.
    /// </summary>
    internal sealed class ApiResult
    {
        private readonly int _status;
        private readonly object _value;

        public ApiResult(object value, int status = 200)
        {
            _value = value;
            _status = status;
        }

        public Task WriteAsync(ApiContext context) => WriteAsync(context, _status, _value);

        public static async Task WriteAsync(ApiContext context, int status, object value)
        {
            byte[] body = JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), ApiJson.Options);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        }
    }
}
