using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Platform.Api.Buyers;

namespace Platform.Api.Problems;

/// <summary>
/// Requests the framework cannot bind (malformed JSON, a text where a number belongs, a body over the limit) become
/// problem details with a stable code, in every environment, instead of a bare 400 or a developer page.
/// </summary>
public sealed class BadRequestExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (exception is not BadHttpRequestException bad)
            return false;
        var code = bad.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => "payload_too_large",
            _ when bad.InnerException is JsonException => "invalid_json",
            _ => "invalid_request",
        };
        await ApiProblems.Problem(bad.StatusCode, code, BuyerText.Of(code, BuyerText.LocaleOf(http.Request))).ExecuteAsync(http);
        return true;
    }
}
