using Invoicebox.Emulator.Faults;
using Invoicebox.Emulator.Merchants;
using Microsoft.Extensions.Options;

namespace Invoicebox.Emulator.Api;

/// <summary>
/// In front of <c>/v3</c> and <c>/l3</c>: injected faults, bearer-token authentication, the per-token rate limit,
/// and turning <see cref="ApiException"/> into the Invoicebox error body.
/// </summary>
public sealed class ApiGate(
    RequestDelegate next,
    MerchantRegistry merchants,
    FaultState faults,
    TokenRateLimiter rateLimiter,
    IOptions<EmulatorOptions> options,
    TimeProvider clock,
    ILogger<ApiGate> logger)
{
    private const string MerchantKey = "invoicebox.merchant";
    private const string AuthCheckPath = "/security/api/auth/auth";

    public static bool Handles(PathString path) => path.StartsWithSegments("/v3") || path.StartsWithSegments("/l3");

    /// <summary>The merchant whose token authenticated this request.</summary>
    public static Merchant Merchant(HttpContext context) =>
        context.Items[MerchantKey] as Merchant ?? throw ApiException.Unauthorized();

    public static Merchant? MerchantOrAnonymous(HttpContext context) => context.Items[MerchantKey] as Merchant;

    public async Task InvokeAsync(HttpContext context)
    {
        var aborted = context.RequestAborted;
        try
        {
            var current = faults.Current;
            if (current.LatencyMs > 0)
                await Task.Delay(TimeSpan.FromMilliseconds(current.LatencyMs), clock, aborted);
            if (FaultState.Roll(current.ErrorRate))
                throw new ApiException(500, "internal_server_error", "Internal Server Error (injected fault)");
            if (FaultState.Roll(current.TooManyRequestsRate))
                throw TooManyRequests(context, TimeSpan.FromSeconds(1));

            Authenticate(context);

            if (FaultState.Roll(current.TimeoutRate))
                await RunAndWithhold(context);
            else
                await next(context);
        }
        catch (ApiException e) when (!context.Response.HasStarted)
        {
            await ApiResponse.Error(e).ExecuteAsync(context);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client gave up (e.g. while a timeout fault held the answer); nobody is listening.
        }
        catch (Exception e) when (!context.Response.HasStarted)
        {
            logger.LogError(e, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
            await ApiResponse.Error(new ApiException(500, "internal_server_error", "Internal Server Error")).ExecuteAsync(context);
        }
    }

    private void Authenticate(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var isAuthCheck = context.Request.Path.Value?.EndsWith(AuthCheckPath, StringComparison.Ordinal) == true;
        if (string.IsNullOrEmpty(header))
        {
            if (isAuthCheck)
                return;
            throw ApiException.Unauthorized();
        }
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) || merchants.ByToken(header[scheme.Length..].Trim()) is not { } merchant)
            throw ApiException.Unauthorized();
        if (rateLimiter.TryAcquire(merchant.Token) is { } retryAfter)
            throw TooManyRequests(context, retryAfter);
        context.Items[MerchantKey] = merchant;
    }

    private static ApiException TooManyRequests(HttpContext context, TimeSpan retryAfter)
    {
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new ApiException(429, "too_many_requests", "Too Many Requests");
    }

    /// <summary>The timeout fault: the request is carried out, but its answer is held back longer than any client waits.</summary>
    private async Task RunAndWithhold(HttpContext context)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            try
            {
                await next(context);
            }
            catch (ApiException e)
            {
                await ApiResponse.Error(e).ExecuteAsync(context);
            }
            await Task.Delay(options.Value.FaultTimeoutHold, clock, context.RequestAborted);
        }
        finally
        {
            context.Response.Body = original;
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }
}
