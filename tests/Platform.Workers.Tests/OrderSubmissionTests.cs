using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Data.Orders;
using Platform.Domain.Money;
using Platform.Domain.Orders;
using Platform.Testing;

namespace Platform.Workers.Tests;

/// <summary>Order submission through RabbitMQ to the Invoicebox emulator, with the real API, workers and database.</summary>
public sealed class OrderSubmissionTests : IAsyncLifetime
{
    private PlatformStack _stack = null!;
    private PlatformStack.Shop _shop = null!;

    public async Task InitializeAsync()
    {
        _stack = await PlatformStack.StartAsync();
        _shop = await _stack.SeedShopAsync("submit", PlatformStack.MerchantZerno);
    }

    public async Task DisposeAsync() => await _stack.DisposeAsync();

    private Task<Order> WaitForStatusAsync(Guid orderId, OrderStatus status, int seconds = 30) =>
        PlatformStack.EventuallyAsync(() => _stack.InTenantAsync(_shop.TenantId, db => db.Orders.AsNoTracking().SingleAsync(o => o.Id == orderId)),
            o => o.Status == status, $"order {status}", seconds);

    [Fact]
    public async Task An_accepted_order_becomes_one_invoicebox_order_with_the_server_side_basket()
    {
        var (orderId, _) = await _stack.PlaceOrderAsync(_shop, items: [(_shop.Piece, 2), (_shop.Weight, 0.5m), (_shop.VatOnTop, 1.5m)]);

        var order = await WaitForStatusAsync(orderId, OrderStatus.AwaitingPayment);

        var remote = Assert.Single(await _stack.EmulatorControl.OrdersWithMerchantOrderIdAsync(order.MerchantOrderId));
        Assert.Equal(order.InvoiceboxOrderId, remote.GetProperty("id").GetString());
        // 220.00×2 + 2450.00×0.5 + round(800.00×1.22)=976.00 ×1.5 = 440.00 + 1225.00 + 1464.00
        Assert.Equal(3129.00m, remote.GetProperty("amount").GetDecimal());
        Assert.Equal(new Kopecks(312_900), order.Amount);
        Assert.StartsWith(_stack.Emulator.BaseAddress.GetLeftPart(UriPartial.Authority) + "/order/", order.PaymentUrl);
        Assert.Contains($"/hooks/invoicebox/{_shop.WebhookKey}", remote.GetProperty("notificationUrl").GetString());
    }

    [Fact]
    public async Task A_suborder_joins_the_existing_invoice()
    {
        var container = await _stack.EmulatorControl.OpenContainerAsync();

        var (orderId, _) = await _stack.PlaceOrderAsync(_shop, mode: "suborder", container: container);

        var order = await WaitForStatusAsync(orderId, OrderStatus.AwaitingPayment);
        Assert.Equal(container, order.InvoiceboxContainerId);
        var inContainer = (await _stack.EmulatorControl.OrdersAsync()).Where(o => o.GetProperty("orderContainerId").GetString() == container).ToList();
        Assert.Equal(2, inContainer.Count); // the main merchant's order and ours
    }

    [Fact]
    public async Task A_suborder_for_an_unknown_invoice_is_rejected_with_a_readable_reason_and_not_retried()
    {
        var (orderId, _) = await _stack.PlaceOrderAsync(_shop, mode: "suborder", container: Guid.NewGuid().ToString());

        var order = await WaitForStatusAsync(orderId, OrderStatus.Rejected);

        Assert.Contains("Счёт", order.FailureReason);
        Assert.Equal(1, order.SubmitAttempts);
        Assert.Empty(await _stack.EmulatorControl.OrdersWithMerchantOrderIdAsync(order.MerchantOrderId));
    }

    [Fact]
    public async Task Refused_credentials_reject_the_order()
    {
        var badShop = await _stack.SeedShopAsync("bad-credentials", (PlatformStack.MerchantZerno.MerchantId, "00000000000000000000000000000000", "key"));

        var (orderId, _) = await _stack.PlaceOrderAsync(badShop);

        var order = await PlatformStack.EventuallyAsync(() => _stack.InTenantAsync(badShop.TenantId, db => db.Orders.AsNoTracking().SingleAsync(o => o.Id == orderId)),
            o => o.Status == OrderStatus.Rejected, "rejected");
        Assert.Contains("учётные данные", order.FailureReason);
    }

    [Fact]
    public async Task Transient_failures_are_retried_and_the_order_shows_them_until_it_goes_through()
    {
        await _stack.EmulatorControl.SetFaultsAsync(new { errorRate = 1.0 });
        var (orderId, _) = await _stack.PlaceOrderAsync(_shop);

        var failing = await PlatformStack.EventuallyAsync(() => _stack.InTenantAsync(_shop.TenantId, db => db.Orders.AsNoTracking().SingleAsync(o => o.Id == orderId)),
            o => o.FailureReason != null, "a failure reason");
        Assert.Equal(OrderStatus.Accepted, failing.Status);
        await _stack.EmulatorControl.ClearFaultsAsync();

        var order = await WaitForStatusAsync(orderId, OrderStatus.AwaitingPayment, seconds: 60);
        Assert.Null(order.FailureReason);
        Assert.Single(await _stack.EmulatorControl.OrdersWithMerchantOrderIdAsync(order.MerchantOrderId));
        var events = await _stack.InTenantAsync(_shop.TenantId, db => db.OrderEvents.Where(e => e.OrderId == orderId).ToListAsync());
        // The merchant reads plain words and the request id for Invoicebox support, not a .NET type name.
        var retry = Assert.Single(events, e => e.Source == OrderEventSource.Worker && e.Message.StartsWith("Попытка 1 "));
        Assert.Matches(@"^Попытка 1 не удалась: Инвойсбокс ответил ошибкой HTTP 500 \(номер запроса для поддержки Инвойсбокса: [0-9a-f]{32}\)\. Повторим\.$", retry.Message);
    }

    [Fact]
    public async Task Twenty_parallel_submissions_with_one_key_make_one_invoicebox_order()
    {
        var key = Guid.NewGuid().ToString();
        var shop = _shop;
        using var client = _stack.ApiClient();
        var session = await client.PostAsync($"/m/{shop.ShopId}/api/session", JsonContentOf(new { minappType = "order" }));
        var token = JsonDocument.Parse(await session.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString()!;

        var placed = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/m/{shop.ShopId}/api/orders")
            {
                Content = JsonContentOf(new { items = new[] { new { productId = shop.Piece, quantity = 1 } }, buyer = new { name = "Анна", email = "anna@example.com", phone = "" } }),
            };
            request.Headers.Authorization = new("Bearer", token);
            request.Headers.Add("Idempotency-Key", key);
            var response = await client.SendAsync(request);
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("orderId").GetString();
        }));

        var orderId = Guid.Parse(Assert.Single(placed.Distinct())!);
        var order = await WaitForStatusAsync(orderId, OrderStatus.AwaitingPayment);
        await Task.Delay(1000); // give any duplicate message time to do harm
        Assert.Single(await _stack.EmulatorControl.OrdersWithMerchantOrderIdAsync(order.MerchantOrderId));
    }

    private static StringContent JsonContentOf(object value) => new(JsonSerializer.Serialize(value), System.Text.Encoding.UTF8, "application/json");
}
