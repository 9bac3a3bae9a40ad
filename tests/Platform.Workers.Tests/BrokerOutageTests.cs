using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Domain.Orders;
using Platform.Testing;
using Platform.Workers.Orders;

namespace Platform.Workers.Tests;

/// <summary>RabbitMQ goes away while a buyer orders; the order is saved, and reaches Invoicebox once the broker is back.</summary>
public sealed class BrokerOutageTests : IAsyncLifetime
{
    private PlatformStack _stack = null!;

    public async Task InitializeAsync() => _stack = await PlatformStack.StartAsync(brokerGate: true);

    public async Task DisposeAsync() => await _stack.DisposeAsync();

    [Fact]
    public async Task An_order_accepted_while_rabbitmq_is_down_reaches_invoicebox_after_it_is_back()
    {
        var shop = await _stack.SeedShopAsync("outage", PlatformStack.MerchantZerno);
        await _stack.BrokerGate!.CloseAsync();

        var (orderId, _) = await _stack.PlaceOrderAsync(shop);

        var saved = await _stack.InTenantAsync(shop.TenantId, db => db.Orders.AsNoTracking().SingleAsync(o => o.Id == orderId));
        Assert.Equal(OrderStatus.Accepted, saved.Status);
        Assert.Null(saved.PublishedAt);
        await Task.Delay(3000);
        Assert.Equal(OrderStatus.Accepted, (await _stack.InTenantAsync(shop.TenantId, db => db.Orders.AsNoTracking().SingleAsync(o => o.Id == orderId))).Status);

        _stack.BrokerGate.Open();

        // The outbox sweeper runs every minute in production; here the test runs it until the order has gone through.
        var submitted = await PlatformStack.EventuallyAsync(async () =>
        {
            await using (var scope = _stack.Workers.Services.CreateAsyncScope())
                await scope.ServiceProvider.GetRequiredService<OrderOutboxSweepJob>().RunAsync(CancellationToken.None);
            await Task.Delay(1000);
            return await _stack.InTenantAsync(shop.TenantId, db => db.Orders.AsNoTracking().SingleAsync(o => o.Id == orderId));
        }, o => o.Status == OrderStatus.AwaitingPayment, "submitted after the broker came back", seconds: 90);

        Assert.Single(await _stack.EmulatorControl.OrdersWithMerchantOrderIdAsync(submitted.MerchantOrderId));
    }
}
