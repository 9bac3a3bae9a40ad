using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Platform.Invoicebox.RateLimiting;

/// <summary>
/// One request limiter per Invoicebox merchant, shared by every client of that merchant in the process, so one shop's
/// flash sale cannot spend another shop's allowance and two clients of one shop cannot exceed it together.
/// Registered as a singleton.
/// </summary>
public sealed class MerchantRateLimiters(IOptions<InvoiceboxOptions> options) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<RateLimiter>> limiters = new(StringComparer.OrdinalIgnoreCase);

    public RateLimiter For(string merchantId) =>
        limiters.GetOrAdd(merchantId, _ => new Lazy<RateLimiter>(Create)).Value;

    private RateLimiter Create()
    {
        var settings = options.Value;
        // A sliding window with several segments keeps bursts at a window's edge from doubling the allowance.
        return new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
        {
            PermitLimit = settings.RateLimitPermits,
            Window = settings.RateLimitWindow,
            SegmentsPerWindow = 10,
            QueueLimit = settings.RateLimitQueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    public void Dispose()
    {
        foreach (var limiter in limiters.Values.Where(lazy => lazy.IsValueCreated))
            limiter.Value.Dispose();
        limiters.Clear();
    }
}
