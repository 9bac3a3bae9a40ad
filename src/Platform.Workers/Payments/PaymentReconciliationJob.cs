using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Data;
using Platform.Data.Orders;
using Platform.Domain.Orders;
using Platform.Invoicebox;
using Platform.ServiceDefaults.Invoicebox;
using Platform.ServiceDefaults.Jobs;

namespace Platform.Workers.Payments;

public sealed class ReconciliationOptions
{
    /// <summary>Cron of the dispatcher; run.sh sets every minute, production every five.</summary>
    public string Cron { get; set; } = "*/5 * * * *";
    /// <summary>Orders younger than this are left to the notification (it normally arrives within seconds).</summary>
    public TimeSpan MinAge { get; set; } = TimeSpan.FromMinutes(2);
    /// <summary>Orders checked per tenant per run; the per-merchant rate limiter paces the calls.</summary>
    public int BatchSize { get; set; } = 50;
    /// <summary>How long after our own expiry an order is still compared (a late payment still counts).</summary>
    public TimeSpan ExpiredLookback { get; set; } = TimeSpan.FromDays(2);
}

/// <summary>
/// Reads Invoicebox as the truth for orders whose outcome we have not learned (webhook = hint, API = truth). The
/// dispatcher enqueues one job per tenant; a tenant's run holds a distributed lock so two workers never reconcile the
/// same tenant at once, and every transition is compare-and-set, so a repeat changes nothing.
/// </summary>
public sealed class PaymentReconciliationJob(
    PlatformDbContext db,
    IBackgroundJobClient jobs,
    JobStorage storage,
    OrderStateStore states,
    TenantInvoicebox invoicebox,
    IOptions<ReconciliationOptions> options,
    TimeProvider time,
    ILogger<PaymentReconciliationJob> log) : IOrderReconciler
{
    [AcrossTenants]
    [AutomaticRetry(Attempts = 0)]
    public async Task DispatchAsync(CancellationToken ct)
    {
        var (cutoff, lookback) = Window();
        // Cross-tenant by design: finds which tenants have work; each tenant's run then reads only its own orders.
        var tenants = await db.Orders.IgnoreQueryFilters([PlatformDbContext.TenantFilter])
            .Where(NeedsReconciliation(cutoff, lookback)).Select(o => o.TenantId).Distinct().ToListAsync(ct);
        foreach (var tenantId in tenants)
            jobs.Enqueue<PaymentReconciliationJob>(j => j.ReconcileTenantAsync(tenantId, CancellationToken.None));
    }

    [AutomaticRetry(Attempts = 2)]
    public async Task ReconcileTenantAsync(Guid tenantId, CancellationToken ct)
    {
        IDisposable tenantLock;
        try
        {
            tenantLock = storage.GetConnection().AcquireDistributedLock($"platform:reconcile:{tenantId}", TimeSpan.FromSeconds(1));
        }
        catch (DistributedLockTimeoutException)
        {
            log.LogInformation("Reconciliation of tenant {TenantId} is already running elsewhere", tenantId);
            return;
        }
        using (tenantLock)
        {
            var client = await invoicebox.ClientAsync(ct);
            if (client is null)
                return;
            var (cutoff, lookback) = Window();
            var orderIds = await db.Orders.Where(NeedsReconciliation(cutoff, lookback))
                .OrderBy(o => o.ReconciledAt ?? DateTimeOffset.MinValue).Select(o => o.Id).Take(options.Value.BatchSize).ToListAsync(ct);
            foreach (var orderId in orderIds)
            {
                try
                {
                    await ReconcileAsync(client, orderId, ct);
                }
                catch (InvoiceboxException ex) when (!ex.IsTransient && ex.StatusCode != StatusCodes.Status401Unauthorized)
                {
                    // Specific to this order (403: moved to another merchant; a 4xx about it): the others still get checked.
                    // A refused token, rate limit or outage would fail every order alike, so those end the run instead.
                    log.LogWarning("Reconciliation skipped order {OrderId} of tenant {TenantId}: {Error}", orderId, tenantId, ex.Message);
                }
            }
        }
    }

    /// <summary>"Re-check status now" from the portal, and the per-order step of a tenant run.</summary>
    [AutomaticRetry(Attempts = 3)]
    public async Task ReconcileOrderAsync(Guid tenantId, Guid orderId, CancellationToken cancellationToken)
    {
        var client = await invoicebox.ClientAsync(cancellationToken);
        if (client is not null)
            await ReconcileAsync(client, orderId, cancellationToken);
    }

    private async Task ReconcileAsync(IInvoiceboxClient client, Guid orderId, CancellationToken ct)
    {
        var order = await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orderId, ct);
        if (order?.InvoiceboxOrderId is null || order.Status.IsFinal())
            return;

        // Stamped before the call: an order whose lookup keeps failing goes to the back of the queue, not the front.
        await db.Orders.Where(o => o.Id == orderId).ExecuteUpdateAsync(s => s.SetProperty(o => o.ReconciledAt, time.GetUtcNow()), ct);
        var remote = await client.GetOrderAsync(order.InvoiceboxOrderId, ct);
        if (remote is null)
        {
            log.LogWarning("Invoicebox does not know order {InvoiceboxOrderId} (our {OrderId})", order.InvoiceboxOrderId, orderId);
            return;
        }
        if (OrderTransitions.FromInvoicebox(remote.Status) is not { } target || target == order.Status)
            return;
        if (target == OrderStatus.Paid && (remote.Amount != order.Amount || remote.CurrencyId is { } currency && currency != order.Currency))
        {
            log.LogError("Invoicebox reports order {OrderId} paid with {RemoteAmount} {Currency}; ours is {Amount}", orderId, remote.Amount, remote.CurrencyId, order.Amount);
            await states.NoteAsync(orderId, OrderEventSource.Reconciliation, $"Инвойсбокс сообщает оплату {remote.Amount} {remote.CurrencyId}, а сумма заказа {order.Amount} {order.Currency}: не отмечен оплаченным.", ct);
            return;
        }
        if (await states.TryMoveToAsync(orderId, target, OrderEventSource.Reconciliation, $"Сверка: Инвойсбокс сообщает статус «{remote.Status}».", ct: ct))
            log.LogInformation("Reconciliation moved order {OrderId} of tenant {TenantId} to {Status}", orderId, order.TenantId, target);
    }

    private (DateTimeOffset Cutoff, DateTimeOffset Lookback) Window()
    {
        var now = time.GetUtcNow();
        return (now - options.Value.MinAge, now - options.Value.ExpiredLookback);
    }

    private static System.Linq.Expressions.Expression<Func<Order, bool>> NeedsReconciliation(DateTimeOffset cutoff, DateTimeOffset lookback) =>
        o => o.InvoiceboxOrderId != null && o.UpdatedAt < cutoff
            && (o.Status == OrderStatus.AwaitingPayment || o.Status == OrderStatus.Hold
                || (o.Status == OrderStatus.Expired && o.ExpiresAt > lookback));
}
