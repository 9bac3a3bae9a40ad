using System.Text.Json.Nodes;
using Invoicebox.Emulator.Json;

namespace Invoicebox.Emulator.Api;

/// <summary>An API answer in the Invoicebox envelope, written as PHP-style JSON.</summary>
public sealed class ApiResponse(int status, JsonNode body) : IResult
{
    public static ApiResponse Data(JsonNode data) => new(200, new JsonObject { ["data"] = data, ["extendedData"] = new JsonArray() });

    public static ApiResponse List(IEnumerable<JsonNode> items, int totalCount, int pageSize, int page) => new(200, new JsonObject
    {
        ["data"] = new JsonArray([.. items]),
        ["extendedData"] = new JsonArray(),
        ["metaData"] = new JsonObject { ["totalCount"] = totalCount, ["pageSize"] = pageSize, ["page"] = page },
    });

    public static ApiResponse Error(ApiException error) => new(error.Status, error.ToJson());

    public Task ExecuteAsync(HttpContext context) => Write(context.Response, status, body);

    public static async Task Write(HttpResponse response, int status, JsonNode body)
    {
        response.StatusCode = status;
        response.ContentType = "application/json";
        await response.Body.WriteAsync(PhpJson.ToUtf8Bytes(body), response.HttpContext.RequestAborted);
    }
}
