using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Data.Orders;
using Platform.Data.Tenancy;
using Platform.Domain.Orders;
using Platform.Testing;
using Platform.Workers.Orders;
using Platform.Workers.Payments;

namespace Platform.Workers.Tests;

/// <summary>Payment status from notifications and from reconciliation against the emulator, with the real workers.</summary>
public sealed class PaymentStatusTests : IAsyncLifetime
{
    private PlatformStack _stack = null!;
    private PlatformStack.Shop _shop = null!;

    public async Task InitializeAsync()
    {
        _stack = await PlatformStack.StartAsync();
        _shop = await _stack.SeedShopAsync("status", PlatformStack.MerchantZerno);
    }

    public async Task DisposeAsync() => await _stack.DisposeAsync();

    private Task<Order> ReadAsync(Guid orderId) =>
        _stack.InTenantAsync(_shop.TenantId, db => db.Orders.AsNoTracking().SingleAsync(o => o.Id == orderId));

    private Task<Order> WaitForAsync(Guid orderId, OrderStatus status, int seconds = 30) =>
        PlatformStack.EventuallyAsync(() => ReadAsync(orderId), o => o.Status == status, $"order {status}", seconds);

    private async Task<Order> AwaitingPaymentOrderAsync()
    {
        var (orderId, _) = await _stack.PlaceOrderAsync(_shop);
        return await WaitForAsync(orderId, OrderStatus.AwaitingPayment);
    }

    /// <summary>Runs a job the way Hangfire does: a scope of the workers' container, as the tenant the job names.</summary>
    private async Task RunAsTenantJobAsync<TJob>(Func<TJob, Task> run) where TJob : notnull
    {
        await using var scope = _stack.Workers.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Use(_shop.TenantId);
        await run(scope.ServiceProvider.GetRequiredService<TJob>());
    }

    private Task<List<OrderEvent>> EventsAsync(Guid orderId) =>
        _stack.InTenantAsync(_shop.TenantId, db => db.OrderEvents.Where(e => e.OrderId == orderId).OrderBy(e => e.Id).ToListAsync());

    [Fact]
    public async Task Paying_on_the_emulator_marks_the_order_paid_through_the_signed_notification()
    {
        var order = await AwaitingPaymentOrderAsync();

        await _stack.EmulatorControl.PayAsync(order.InvoiceboxContainerId!);

        var paid = await WaitForAsync(order.Id, OrderStatus.Paid);
        Assert.NotNull(paid.PaidAt);
        Assert.Equal(OrderEventSource.Notification, (await EventsAsync(order.Id)).Single(e => e.ToStatus == OrderStatus.Paid).Source);
        var delivered = (await _stack.EmulatorControl.NotificationAttemptsAsync()).Where(a => a.GetProperty("orderId").GetString() == order.InvoiceboxOrderId);
        Assert.Contains(delivered, a => a.GetProperty("delivered").GetBoolean());
    }

    [Fact]
    public async Task A_lost_notification_is_made_good_by_reconciliation()
    {
        var order = await AwaitingPaymentOrderAsync();
        await _stack.EmulatorControl.SetFaultsAsync(new { dropNotifications = true });
        await _stack.EmulatorControl.PayAsync(order.InvoiceboxContainerId!);
        await Task.Delay(500);
        Assert.Equal(OrderStatus.AwaitingPayment, (await ReadAsync(order.Id)).Status);

        await RunAsTenantJobAsync<PaymentReconciliationJob>(j => j.ReconcileTenantAsync(_shop.TenantId, CancellationToken.None));

        Assert.Equal(OrderStatus.Paid, (await ReadAsync(order.Id)).Status);
        Assert.Equal(OrderEventSource.Reconciliation, (await EventsAsync(order.Id)).Single(e => e.ToStatus == OrderStatus.Paid).Source);
        await _stack.EmulatorControl.ClearFaultsAsync();
    }

    [Fact]
    public async Task Two_workers_processes_reconciling_at_once_make_one_transition_and_one_event()
    {
        var orders = new List<Order>();
        for (var i = 0; i < 3; i++)
            orders.Add(await AwaitingPaymentOrderAsync());
        await _stack.EmulatorControl.SetFaultsAsync(new { dropNotifications = true });
        foreach (var order in orders)
            await _stack.EmulatorControl.PayAsync(order.InvoiceboxContainerId!);
        await using var secondWorkers = new PlatformAppFactory<WorkersHost>(_stack.WorkerSettings);

        var runs = new[] { _stack.Workers.Services, secondWorkers.Services }.SelectMany(services => Enumerable.Range(0, 2).Select(async _ =>
        {
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantContext>().Use(_shop.TenantId);
            await scope.ServiceProvider.GetRequiredService<PaymentReconciliationJob>().ReconcileTenantAsync(_shop.TenantId, CancellationToken.None);
        }));
        await Task.WhenAll(runs);
        // Whoever lost the lock skipped; a last run after all of them settles anything left.
        await RunAsTenantJobAsync<PaymentReconciliationJob>(j => j.ReconcileTenantAsync(_shop.TenantId, CancellationToken.None));

        foreach (var order in orders)
        {
            Assert.Equal(OrderStatus.Paid, (await ReadAsync(order.Id)).Status);
            Assert.Single(await EventsAsync(order.Id), e => e.ToStatus == OrderStatus.Paid);
        }
        await _stack.EmulatorControl.ClearFaultsAsync();
    }

    [Fact]
    public async Task An_order_past_its_expiration_expires_and_a_payment_invoicebox_reports_later_still_counts()
    {
        var order = await AwaitingPaymentOrderAsync();
        await _stack.InTenantAsync(_shop.TenantId, db => db.Orders.Where(o => o.Id == order.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1))));

        await using (var scope = _stack.Workers.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<OrderExpiryJob>().RunAsync(CancellationToken.None);
        Assert.Equal(OrderStatus.Expired, (await ReadAsync(order.Id)).Status);

        // The docs: Invoicebox is the truth. Its payment arrives after our deadline; the order ends as Invoicebox reports it.
        await _stack.EmulatorControl.PayAsync(order.InvoiceboxContainerId!);
        await WaitForAsync(order.Id, OrderStatus.Paid);
    }

    [Fact]
    public async Task Invoicebox_expiry_decline_and_hold_are_mapped_by_reconciliation()
    {
        var expired = await AwaitingPaymentOrderAsync();
        var declined = await AwaitingPaymentOrderAsync();
        var held = await AwaitingPaymentOrderAsync();
        await _stack.EmulatorControl.SetFaultsAsync(new { dropNotifications = true });
        await _stack.EmulatorControl.ExpireAsync(expired.InvoiceboxOrderId!);
        await _stack.EmulatorControl.DeclineAsync(declined.InvoiceboxContainerId!);
        await _stack.EmulatorControl.HoldAsync(held.InvoiceboxContainerId!);

        await RunAsTenantJobAsync<PaymentReconciliationJob>(j => j.ReconcileTenantAsync(_shop.TenantId, CancellationToken.None));

        Assert.Equal(OrderStatus.Expired, (await ReadAsync(expired.Id)).Status);
        Assert.Equal(OrderStatus.Canceled, (await ReadAsync(declined.Id)).Status);
        Assert.Equal(OrderStatus.Hold, (await ReadAsync(held.Id)).Status);
        await _stack.EmulatorControl.ClearFaultsAsync();
    }

    [Fact]
    public async Task An_order_invoicebox_refuses_to_show_does_not_stop_the_others_being_reconciled()
    {
        // An order moved to another merchant at Invoicebox: its lookup with this shop's token answers 403 forbidden.
        var otherShop = await _stack.SeedShopAsync("status-other", PlatformStack.MerchantRomashka);
        var (foreignId, _) = await _stack.PlaceOrderAsync(otherShop);
        var foreign = await PlatformStack.EventuallyAsync(
            () => _stack.InTenantAsync(otherShop.TenantId, db => db.Orders.AsNoTracking().SingleAsync(o => o.Id == foreignId)),
            o => o.Status == OrderStatus.AwaitingPayment, "foreign order awaiting payment");
        var moved = await AwaitingPaymentOrderAsync();
        var paid = await AwaitingPaymentOrderAsync();
        await _stack.InTenantAsync(_shop.TenantId, async db =>
        {
            await db.Orders.Where(o => o.Id == moved.Id).ExecuteUpdateAsync(s => s
                .SetProperty(o => o.InvoiceboxOrderId, foreign.InvoiceboxOrderId).SetProperty(o => o.ReconciledAt, (DateTimeOffset?)null));
            // The refused order comes first in the run.
            return await db.Orders.Where(o => o.Id != moved.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.ReconciledAt, DateTimeOffset.UtcNow));
        });
        await _stack.EmulatorControl.SetFaultsAsync(new { dropNotifications = true });
        await _stack.EmulatorControl.PayAsync(paid.InvoiceboxContainerId!);

        await RunAsTenantJobAsync<PaymentReconciliationJob>(j => j.ReconcileTenantAsync(_shop.TenantId, CancellationToken.None));

        Assert.Equal(OrderStatus.Paid, (await ReadAsync(paid.Id)).Status);
        var skipped = await ReadAsync(moved.Id);
        Assert.Equal(OrderStatus.AwaitingPayment, skipped.Status);
        // Stamped although its lookup failed, so the next run starts with the others rather than with it again.
        Assert.NotNull(skipped.ReconciledAt);
        await _stack.EmulatorControl.ClearFaultsAsync();
    }

    [Fact]
    public async Task The_dispatcher_enqueues_per_tenant_jobs_whose_arguments_are_ids_only()
    {
        await AwaitingPaymentOrderAsync();

        await using (var scope = _stack.Workers.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<PaymentReconciliationJob>().DispatchAsync(CancellationToken.None);

        // Every reconciliation job ever created, whatever state it has reached since, as Hangfire stored it.
        var stored = await _stack.InTenantAsync(_shop.TenantId, db => db.Database
            .SqlQueryRaw<string>("SELECT arguments::text AS \"Value\" FROM hangfire.job WHERE invocationdata::text LIKE '%ReconcileTenantAsync%'").ToListAsync());
        var arguments = Assert.Single(stored, a => a.Contains(_shop.TenantId.ToString()));
        var values = System.Text.Json.JsonSerializer.Deserialize<string?[]>(arguments)!;
        Assert.Equal(_shop.TenantId, Guid.Parse(System.Text.Json.JsonSerializer.Deserialize<string>(values[0]!)!));
        Assert.All(values.Skip(1), v => Assert.True(v is null or "null", $"unexpected argument {v}"));
    }

    [Fact]
    public async Task The_sweeper_republishes_an_order_the_broker_never_got()
    {
        // An order saved while the broker was unreachable: accepted, never published.
        var (orderId, _) = await _stack.PlaceOrderAsync(_shop);
        var order = await WaitForAsync(orderId, OrderStatus.AwaitingPayment);
        var lost = await _stack.InTenantAsync(_shop.TenantId, async db =>
        {
            var copy = new Order
            {
                IdempotencyKey = Guid.NewGuid().ToString(), ShopId = order.ShopId, PointOfSaleId = order.PointOfSaleId, Mode = MinappType.Order,
                Amount = order.Amount, VatAmount = order.VatAmount, BuyerName = "Анна", BuyerEmail = "anna@example.com",
                CreatedAt = DateTimeOffset.UtcNow.AddMinutes(-5), UpdatedAt = DateTimeOffset.UtcNow.AddMinutes(-5), ExpiresAt = DateTimeOffset.UtcNow.AddHours(1),
                Lines = (await db.OrderLines.AsNoTracking().Where(l => l.OrderId == orderId).ToListAsync())
                    .Select(l => { l.Id = Guid.CreateVersion7(); l.OrderId = Guid.Empty; return l; }).ToList(),
            };
            db.Orders.Add(copy);
            await db.SaveChangesAsync();
            return copy.Id;
        });

        await using (var scope = _stack.Workers.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<OrderOutboxSweepJob>().RunAsync(CancellationToken.None);

        await WaitForAsync(lost, OrderStatus.AwaitingPayment);
    }
}
