using Platform.Invoicebox;

namespace Invoicebox.Tests.Client;

public class RateLimitTests
{
    private static ClientHarness Harness(int permits, string window, string maxWait) => new(new()
    {
        ["Invoicebox:RateLimitPermits"] = permits.ToString(),
        ["Invoicebox:RateLimitWindow"] = window,
        ["Invoicebox:RateLimitMaxWait"] = maxWait,
    });

    [Fact]
    public async Task Clients_of_one_merchant_share_one_allowance()
    {
        using var harness = Harness(2, "00:01:00", "00:00:00");
        harness.Server.ReplyData(Samples.OrderJson).ReplyData(Samples.OrderJson);

        await harness.Client().GetOrderAsync("o-1", CancellationToken.None);
        await harness.Client().GetOrderAsync("o-1", CancellationToken.None);
        var error = await Assert.ThrowsAsync<InvoiceboxRateLimitedException>(() =>
            harness.Client().GetOrderAsync("o-1", CancellationToken.None));

        Assert.True(error.IsClientSide);
        Assert.Null(error.StatusCode);
        Assert.Equal(2, harness.Server.Requests.Count);
    }

    [Fact]
    public async Task One_merchant_spending_its_allowance_leaves_another_untouched()
    {
        using var harness = Harness(1, "00:01:00", "00:00:00");
        harness.Server.ReplyData(Samples.OrderJson).ReplyData(Samples.OrderJson);

        await harness.Client("merchant-a").GetOrderAsync("o-1", CancellationToken.None);
        await Assert.ThrowsAsync<InvoiceboxRateLimitedException>(() => harness.Client("merchant-a").GetOrderAsync("o-1", CancellationToken.None));
        var other = await harness.Client("merchant-b").GetOrderAsync("o-1", CancellationToken.None);

        Assert.NotNull(other);
    }

    [Fact]
    public async Task A_call_waits_a_bounded_time_for_the_next_permit()
    {
        using var harness = Harness(1, "00:00:00.500", "00:00:05");
        harness.Server.ReplyData(Samples.OrderJson).ReplyData(Samples.OrderJson);
        var client = harness.Client();

        await client.GetOrderAsync("o-1", CancellationToken.None);
        var second = await client.GetOrderAsync("o-1", CancellationToken.None);

        Assert.NotNull(second);
        Assert.Equal(2, harness.Server.Requests.Count);
    }

    [Fact]
    public async Task A_write_that_finds_no_permit_is_never_sent()
    {
        using var harness = Harness(1, "00:01:00", "00:00:00.100");
        harness.Server.ReplyData(Samples.OrderJson);
        var client = harness.Client();

        await client.CreateOrderAsync(Samples.CreateRequest("A"), CancellationToken.None);
        await Assert.ThrowsAsync<InvoiceboxRateLimitedException>(() => client.CreateOrderAsync(Samples.CreateRequest("B"), CancellationToken.None));

        Assert.Single(harness.Server.Requests);
    }
}
