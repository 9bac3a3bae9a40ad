using Microsoft.AspNetCore.Http.HttpResults;

namespace Platform.Api.Problems;

/// <summary>
/// RFC 9457 problem details with a stable <c>code</c> the mini-app translates; <c>detail</c> is a human sentence in the
/// buyer's language as a fallback. Field errors are keyed by JSON path (<c>buyer.phone</c>, <c>items[0].quantity</c>).
/// </summary>
public static class ApiProblems
{
    public static ProblemHttpResult Problem(int status, string code, string detail, IDictionary<string, string[]>? errors = null)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = code };
        if (errors is { Count: > 0 })
            extensions["errors"] = errors;
        return TypedResults.Problem(detail: detail, statusCode: status, title: TitleOf(status), type: $"https://errors.platform.local/{code}", extensions: extensions);
    }

    public static ProblemHttpResult NotFound(string code, string detail) => Problem(StatusCodes.Status404NotFound, code, detail);

    public static ProblemHttpResult Validation(IDictionary<string, string[]> errors, string detail) =>
        Problem(StatusCodes.Status422UnprocessableEntity, "validation_failed", detail, errors);

    /// <summary>The code of an answer the framework wrote without one of ours.</summary>
    public static string CodeOf(int status) => status switch
    {
        400 => "bad_request",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "not_found",
        405 => "method_not_allowed",
        413 => "payload_too_large",
        415 => "unsupported_media_type",
        429 => "rate_limited",
        _ => status >= 500 ? "internal_error" : "error",
    };

    private static string TitleOf(int status) => status switch
    {
        400 => "Bad request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not found",
        409 => "Conflict",
        422 => "Unprocessable content",
        429 => "Too many requests",
        _ => "Error",
    };
}
