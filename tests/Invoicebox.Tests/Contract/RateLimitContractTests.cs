using Platform.Invoicebox;
using static Invoicebox.Tests.Contract.EmulatorMerchants;

namespace Invoicebox.Tests.Contract;

public class RateLimitContractTests
{
    [Fact]
    public async Task Invoicebox_429_reaches_the_caller_with_retry_after_and_a_create_is_not_retried()
    {
        await using var harness = await EmulatorHarness.StartAsync(o =>
        {
            o.RateLimit.PermitLimit = 2;
            o.RateLimit.Window = TimeSpan.FromSeconds(30);
        });
        var client = harness.Client(Coffee);
        await client.CreateOrderAsync(EmulatorHarness.Order(EmulatorHarness.TicketAndFee()), CancellationToken.None);
        await client.CreateOrderAsync(EmulatorHarness.Order(EmulatorHarness.TicketAndFee()), CancellationToken.None);

        var number = EmulatorHarness.NewOrderNumber();
        var error = await Assert.ThrowsAsync<InvoiceboxRateLimitedException>(() =>
            client.CreateOrderAsync(EmulatorHarness.Order(EmulatorHarness.TicketAndFee(), number), CancellationToken.None));

        Assert.Equal(429, error.StatusCode);
        Assert.False(error.IsClientSide);
        Assert.NotNull(error.RetryAfter);
        Assert.InRange(error.RetryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
        Assert.False(string.IsNullOrEmpty(error.RequestId));
        Assert.DoesNotContain(harness.Emulator.Orders.AllOrders(), o => o.Content.MerchantOrderId == number);
    }

    [Fact]
    public async Task A_read_is_not_retried_when_invoicebox_asks_to_wait_longer_than_allowed()
    {
        await using var harness = await EmulatorHarness.StartAsync(
            o => o.RateLimit.PermitLimit = 1,
            new() { ["Invoicebox:MaxRetryAfter"] = "00:00:02" });
        var client = harness.Client(Coffee);
        await client.CheckAuthAsync(CancellationToken.None);

        var error = await Assert.ThrowsAsync<InvoiceboxRateLimitedException>(() => client.GetOrderAsync("any", CancellationToken.None));

        Assert.True(error.RetryAfter > TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task The_client_side_limiter_stops_a_merchant_before_invoicebox_has_to()
    {
        await using var harness = await EmulatorHarness.StartAsync(clientSettings: new()
        {
            ["Invoicebox:RateLimitPermits"] = "3",
            ["Invoicebox:RateLimitWindow"] = "00:01:00",
            ["Invoicebox:RateLimitMaxWait"] = "00:00:00.200",
        });

        for (var i = 0; i < 3; i++)
            await harness.Client(Coffee).CheckAuthAsync(CancellationToken.None); // a new client each time: the allowance is per merchant
        var error = await Assert.ThrowsAsync<InvoiceboxRateLimitedException>(() => harness.Client(Coffee).CheckAuthAsync(CancellationToken.None));
        var otherMerchant = await harness.Client(Flowers).CheckAuthAsync(CancellationToken.None);

        Assert.True(error.IsClientSide);
        Assert.Null(error.StatusCode);
        Assert.True(otherMerchant.TokenAccepted);
    }
}
