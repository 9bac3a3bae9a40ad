using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Platform.Api;

/// <summary>Per-client-IP limits on the public buyer API, so one abusive client cannot flood a shop with orders.</summary>
public static class ApiRateLimits
{
    public const string Orders = "buyer-orders";
    public const string Sessions = "buyer-sessions";

    public static IServiceCollection AddApiRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue("RateLimits:OrdersPerMinutePerIp", 60);
        var sessionPermits = configuration.GetValue("RateLimits:SessionsPerMinutePerIp", 300);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, ct) =>
            {
                // A fixed window says when it reopens; a client (or a proxy) that honours Retry-After waits just that long.
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return new ValueTask(Problems.ApiProblems
                    .Problem(StatusCodes.Status429TooManyRequests, "rate_limited", Buyers.BuyerText.Of("rate_limited", Buyers.BuyerText.LocaleOf(context.HttpContext.Request)))
                    .ExecuteAsync(context.HttpContext));
            };
            o.AddPolicy(Orders, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1) }));
            // Every iframe load opens a session (a row): generous for shared NATs, but not unbounded.
            o.AddPolicy(Sessions, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = sessionPermits, Window = TimeSpan.FromMinutes(1) }));
        });
        return services;
    }
}
