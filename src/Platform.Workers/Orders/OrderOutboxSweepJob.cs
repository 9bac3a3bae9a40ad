using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Data;
using Platform.Data.Orders;
using Platform.Data.Tenancy;
using Platform.Domain.Orders;
using Platform.ServiceDefaults.Jobs;

namespace Platform.Workers.Orders;

public sealed class OutboxSweepOptions
{
    /// <summary>An accepted order not submitted after this long is published again (broker was down, message dead-lettered...).</summary>
    public TimeSpan Grace { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>After this many submission attempts the order is left for a person (it shows its failure reason).</summary>
    public int MaxAttempts { get; set; } = 20;
}

/// <summary>The sweeper of the "save, then publish" outbox: republishes accepted orders that never reached a worker.</summary>
public sealed class OrderOutboxSweepJob(PlatformDbContext db, TenantScopeFactory tenants, IOptions<OutboxSweepOptions> options, TimeProvider time,
    ILogger<OrderOutboxSweepJob> log)
{
    private const int BatchSize = 500;

    [AcrossTenants]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(CancellationToken ct)
    {
        var cutoff = time.GetUtcNow() - options.Value.Grace;
        var maxAttempts = options.Value.MaxAttempts;
        // Cross-tenant by design: the outbox is one table; each publish then runs as the order's tenant.
        var stale = await db.Orders.IgnoreQueryFilters([PlatformDbContext.TenantFilter])
            .Where(o => o.Status == OrderStatus.Accepted && o.InvoiceboxOrderId == null && o.CreatedAt < cutoff
                && (o.PublishedAt == null || o.PublishedAt < cutoff) && o.SubmitAttempts < maxAttempts)
            .OrderBy(o => o.CreatedAt).Take(BatchSize).Select(o => new { o.TenantId, o.Id }).ToListAsync(ct);

        foreach (var group in stale.GroupBy(o => o.TenantId))
        {
            await tenants.RunAsync(group.Key, async sp =>
            {
                var outbox = sp.GetRequiredService<OrderOutbox>();
                foreach (var order in group)
                    if (await outbox.PublishAsync(group.Key, order.Id, ct))
                        log.LogInformation("Re-published SubmitOrder for order {OrderId} of tenant {TenantId}", order.Id, group.Key);
            });
        }
    }
}
