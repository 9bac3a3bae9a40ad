using System.Net;
using Platform.Invoicebox;
using Platform.Invoicebox.Orders;

namespace Invoicebox.Tests.Client;

public class RetryTests : IDisposable
{
    private readonly ClientHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task A_read_is_retried_after_a_server_failure()
    {
        harness.Server.Reply(HttpStatusCode.ServiceUnavailable, "").ReplyData(Samples.OrderJson);

        var order = await harness.Client().GetOrderAsync("o-1", CancellationToken.None);

        Assert.NotNull(order);
        Assert.Equal(2, harness.Server.Requests.Count);
    }

    [Fact]
    public async Task A_read_is_retried_after_a_network_failure()
    {
        harness.Server.Fail(new HttpRequestException("reset")).Reply(HttpStatusCode.OK, """{"data":[],"extendedData":[]}""");

        var page = await harness.Client().ListOrdersAsync(new OrderFilter(), CancellationToken.None);

        Assert.Empty(page.Items);
        Assert.Equal(2, harness.Server.Requests.Count);
    }

    [Fact]
    public async Task A_read_honours_retry_after_on_429()
    {
        harness.Server
            .Reply(HttpStatusCode.TooManyRequests, "", r => r.Headers.Add("Retry-After", "1"))
            .ReplyData(Samples.OrderJson);
        var started = DateTimeOffset.UtcNow;

        await harness.Client().GetOrderAsync("o-1", CancellationToken.None);

        Assert.Equal(2, harness.Server.Requests.Count);
        Assert.True(DateTimeOffset.UtcNow - started >= TimeSpan.FromSeconds(0.9), "waited as asked");
    }

    [Fact]
    public async Task A_read_is_not_retried_when_retry_after_is_longer_than_allowed()
    {
        harness.Server.Reply(HttpStatusCode.TooManyRequests, "", r => r.Headers.Add("Retry-After", "3600"));

        var error = await Assert.ThrowsAsync<InvoiceboxRateLimitedException>(() => harness.Client().GetOrderAsync("o-1", CancellationToken.None));

        Assert.Equal(TimeSpan.FromHours(1), error.RetryAfter);
        Assert.Single(harness.Server.Requests);
    }

    [Fact]
    public async Task A_read_gives_up_after_the_configured_retries()
    {
        for (var i = 0; i < 4; i++)
            harness.Server.Reply(HttpStatusCode.BadGateway, "");

        await Assert.ThrowsAsync<InvoiceboxTransientException>(() => harness.Client().GetOrderAsync("o-1", CancellationToken.None));

        Assert.Equal(4, harness.Server.Requests.Count);
    }

    [Fact]
    public async Task A_validation_error_on_a_read_is_not_retried()
    {
        harness.Server.Reply(HttpStatusCode.UnprocessableEntity, """{"error":{"message":"bad filter","code":"wrong_filter_format"}}""");

        await Assert.ThrowsAsync<InvoiceboxValidationException>(() => harness.Client().ListOrdersAsync(new OrderFilter(), CancellationToken.None));

        Assert.Single(harness.Server.Requests);
    }

    [Fact]
    public async Task Create_is_never_retried_after_a_transient_failure()
    {
        harness.Server.Reply(HttpStatusCode.ServiceUnavailable, "").ReplyData(Samples.OrderJson);

        await Assert.ThrowsAsync<InvoiceboxTransientException>(() =>
            harness.Client().CreateOrderAsync(Samples.CreateRequest(), CancellationToken.None));

        Assert.Single(harness.Server.Requests);
    }

    [Fact]
    public async Task Create_is_never_retried_after_a_429()
    {
        harness.Server.Reply(HttpStatusCode.TooManyRequests, "", r => r.Headers.Add("Retry-After", "0")).ReplyData(Samples.OrderJson);

        await Assert.ThrowsAsync<InvoiceboxRateLimitedException>(() =>
            harness.Client().CreateOrderAsync(Samples.CreateRequest(), CancellationToken.None));

        Assert.Single(harness.Server.Requests);
    }

    [Fact]
    public async Task Update_cancel_and_refund_are_never_retried()
    {
        harness.Server
            .Reply(HttpStatusCode.InternalServerError, "")
            .Reply(HttpStatusCode.InternalServerError, "")
            .Reply(HttpStatusCode.InternalServerError, "");
        var client = harness.Client();

        await Assert.ThrowsAsync<InvoiceboxTransientException>(() => client.UpdateOrderAsync("o-1", new UpdateOrderRequest(), CancellationToken.None));
        await Assert.ThrowsAsync<InvoiceboxTransientException>(() => client.CancelOrderAsync("o-1", CancellationToken.None));
        await Assert.ThrowsAsync<InvoiceboxTransientException>(() => client.CreateRefundAsync(
            Platform.Invoicebox.Refunds.CreateRefundRequest.FromBasket("o-1", "R-1", "refund", Samples.Basket()), CancellationToken.None));

        Assert.Equal(3, harness.Server.Requests.Count);
    }
}
