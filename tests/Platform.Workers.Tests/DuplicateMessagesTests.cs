using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Data.Orders;
using Platform.Domain.Orders;
using Platform.Testing;

namespace Platform.Workers.Tests;

/// <summary>
/// Many copies of SubmitOrder for one order at once (redeliveries, sweeper republishing), against an Invoicebox that does
/// NOT reject a repeated merchantOrderId (the MCP server says uniqueness is not checked by default): still one order.
/// </summary>
public sealed class DuplicateMessagesTests : IAsyncLifetime
{
    private PlatformStack _stack = null!;

    public async Task InitializeAsync() => _stack = await PlatformStack.StartAsync(emulator: o => o.MerchantOrderIdUnique = false);

    public async Task DisposeAsync() => await _stack.DisposeAsync();

    [Fact]
    public async Task Ten_simultaneous_copies_of_one_submission_create_one_invoicebox_order()
    {
        var shop = await _stack.SeedShopAsync("duplicates", PlatformStack.MerchantZerno);
        var (orderId, _) = await _stack.PlaceOrderAsync(shop);
        var bus = _stack.Workers.Services.GetRequiredService<IBus>();

        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => bus.Publish(new SubmitOrder(shop.TenantId, orderId))));

        var order = await PlatformStack.EventuallyAsync(() => _stack.InTenantAsync(shop.TenantId, db => db.Orders.AsNoTracking().SingleAsync(o => o.Id == orderId)),
            o => o.Status == OrderStatus.AwaitingPayment, "awaiting payment");
        await Task.Delay(2000); // let every copy finish
        Assert.Single(await _stack.EmulatorControl.OrdersWithMerchantOrderIdAsync(order.MerchantOrderId));
    }
}
