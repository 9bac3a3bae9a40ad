using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Platform.Domain.Orders;

namespace Platform.Data.Orders;

/// <summary>
/// "Save, then publish, then sweep": the order row is committed first; <see cref="PublishAsync"/> hands
/// <see cref="SubmitOrder"/> to the broker afterwards and stamps <see cref="Order.PublishedAt"/>. If the broker is down
/// the order stays accepted with no stamp, and the sweeper job publishes it again later. Consumers are idempotent, so
/// publishing twice is harmless; never publishing is what this prevents.
/// </summary>
public sealed class OrderOutbox(PlatformDbContext db, IPublishEndpoint publisher, TimeProvider time, ILogger<OrderOutbox> log)
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(5);

    /// <returns>True if the broker took the message.</returns>
    public async Task<bool> PublishAsync(Guid tenantId, Guid orderId, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(PublishTimeout);
        try
        {
            await publisher.Publish(new SubmitOrder(tenantId, orderId), timeout.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            log.LogWarning(ex, "SubmitOrder for order {OrderId} of tenant {TenantId} not published; the sweeper will retry", orderId, tenantId);
            return false;
        }
        var now = time.GetUtcNow();
        await db.Orders.Where(o => o.Id == orderId).ExecuteUpdateAsync(s => s.SetProperty(o => o.PublishedAt, now), CancellationToken.None);
        return true;
    }

    /// <summary>Orders of the current tenant still waiting for submission whose last publish is older than <paramref name="grace"/>.</summary>
    public Task<List<Guid>> StaleAsync(TimeSpan grace, int limit, CancellationToken ct)
    {
        var cutoff = time.GetUtcNow() - grace;
        return db.Orders
            .Where(o => o.Status == OrderStatus.Accepted && o.InvoiceboxOrderId == null && o.CreatedAt < cutoff
                && (o.PublishedAt == null || o.PublishedAt < cutoff))
            .OrderBy(o => o.CreatedAt).Select(o => o.Id).Take(limit).ToListAsync(ct);
    }
}
