using Hangfire;
using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Data.Orders;
using Platform.Data.Tenancy;
using Platform.Domain.Orders;
using Platform.ServiceDefaults.Jobs;

namespace Platform.Workers.Orders;

/// <summary>
/// Closes our side of orders whose payment window has passed: awaiting payment → expired; never submitted → rejected.
/// Not final for Invoicebox: a payment it reports later (notification or reconciliation) still moves expired → paid.
/// </summary>
public sealed class OrderExpiryJob(PlatformDbContext db, TenantScopeFactory tenants, TimeProvider time, ILogger<OrderExpiryJob> log)
{
    private const int BatchSize = 500;

    [AcrossTenants]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        // Cross-tenant by design: finds overdue orders everywhere; each transition then runs as its own tenant.
        var overdue = await db.Orders.IgnoreQueryFilters([PlatformDbContext.TenantFilter])
            .Where(o => o.ExpiresAt < now && (o.Status == OrderStatus.AwaitingPayment || o.Status == OrderStatus.Accepted))
            .OrderBy(o => o.ExpiresAt).Take(BatchSize).Select(o => new { o.TenantId, o.Id, o.Status }).ToListAsync(ct);

        foreach (var group in overdue.GroupBy(o => o.TenantId))
        {
            await tenants.RunAsync(group.Key, async sp =>
            {
                var states = sp.GetRequiredService<OrderStateStore>();
                foreach (var order in group)
                {
                    var moved = order.Status == OrderStatus.AwaitingPayment
                        ? await states.TryMoveAsync(order.Id, OrderStatus.AwaitingPayment, OrderStatus.Expired, OrderEventSource.System, "Срок оплаты истёк.", ct: ct)
                        : await states.TryMoveAsync(order.Id, OrderStatus.Accepted, OrderStatus.Rejected, OrderEventSource.System,
                            "Срок оплаты истёк до того, как заказ удалось передать в Инвойсбокс.",
                            s => s.SetProperty(o => o.FailureReason, "Срок оплаты истёк до того, как заказ удалось передать в Инвойсбокс."), ct);
                    if (moved)
                        log.LogInformation("Order {OrderId} of tenant {TenantId} expired", order.Id, group.Key);
                }
            });
        }
    }
}
