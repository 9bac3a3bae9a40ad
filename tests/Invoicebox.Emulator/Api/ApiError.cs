using System.Text.Json.Nodes;

namespace Invoicebox.Emulator.Api;

public sealed record ApiFieldError(string Name, string Code, string Message = "");

/// <summary>An Invoicebox error answer: HTTP status + <c>{"error":{"message","code","fields"}}</c> (reference §1.4, §5).</summary>
public sealed class ApiException(int status, string code, string message, IReadOnlyList<ApiFieldError>? fields = null)
    : Exception(message)
{
    public int Status { get; } = status;
    public string Code { get; } = code;
    public IReadOnlyList<ApiFieldError> Fields { get; } = fields ?? [];

    /// <summary>The documented 401 body carries no <c>fields</c>; every other error does (as in the SDK mocks).</summary>
    public JsonObject ToJson()
    {
        var error = new JsonObject { ["message"] = Message, ["code"] = Code };
        if (Status != StatusCodes.Status401Unauthorized)
            error["fields"] = new JsonArray([.. Fields.Select(f => (JsonNode)new JsonObject { ["name"] = f.Name, ["code"] = f.Code, ["message"] = f.Message })]);
        return new JsonObject { ["error"] = error };
    }

    public static ApiException Unauthorized() => new(401, "unauthorized", "Unauthorized");
    public static ApiException Forbidden() => new(403, "forbidden", "Forbidden");
    public static ApiException NotFound(string what = "Not Found") => new(404, "not_found", what);
    public static ApiException BadJson(string detail) => new(400, "bad_request", "Malformed JSON: " + detail);
    public static ApiException WrongOrderStatus(string status) => new(422, "wrong_order_status", $"Operation is not allowed in status \"{status}\"");
    public static ApiException Validation(IReadOnlyList<ApiFieldError> fields) => new(422, "validation", "Validation Error", fields);
    public static ApiException WrongFilter(string detail) => new(422, "wrong_filter_format", detail);

    /// <summary>A 422 with one <c>wrong_value</c> field, the shape of the SDK mock in reference §10.5.</summary>
    public static ApiException Calculation(string code, string field) =>
        new(422, code, "Calculation Error", [new ApiFieldError(field, "wrong_value")]);

    public static ApiException WrongValue(string code, string message, string field) =>
        new(422, code, message, [new ApiFieldError(field, "wrong_value")]);
}
