using System.Net;
using Platform.Invoicebox;
using Platform.Invoicebox.Orders;

namespace Invoicebox.Tests.Client;

public class ErrorHandlingTests : IDisposable
{
    private readonly ClientHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task A_422_becomes_a_validation_error_with_code_fields_and_request_id()
    {
        harness.Server.Reply(HttpStatusCode.UnprocessableEntity,
            """{"error":{"message":"Calculation Error","code":"wrong_total_amount","fields":[{"name":"amount","code":"wrong_value","message":""}]}}""",
            r => { r.Headers.Remove("X-Request-Id"); r.Headers.Add("X-Request-Id", "req-422"); });

        var error = await Assert.ThrowsAsync<InvoiceboxValidationException>(() =>
            harness.Client().CreateOrderAsync(Samples.CreateRequest(), CancellationToken.None));

        Assert.Equal(422, error.StatusCode);
        Assert.Equal("wrong_total_amount", error.ErrorCode);
        Assert.Equal("Calculation Error", error.ErrorMessage);
        Assert.Equal([new InvoiceboxFieldError("amount", "wrong_value", "")], error.FieldErrors);
        Assert.Equal("req-422", error.RequestId);
        Assert.False(error.IsTransient);
        Assert.Contains("req-422", error.Message);
        Assert.Contains("wrong_total_amount", error.Message);
    }

    [Fact]
    public async Task A_400_is_a_validation_error_too()
    {
        harness.Server.Reply(HttpStatusCode.BadRequest, """{"error":{"message":"Bad JSON","code":"bad_request"}}""");

        var error = await Assert.ThrowsAsync<InvoiceboxValidationException>(() =>
            harness.Client().CreateOrderAsync(Samples.CreateRequest(), CancellationToken.None));

        Assert.Equal(400, error.StatusCode);
        Assert.Empty(error.FieldErrors);
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    public async Task A_401_or_403_is_a_credentials_error(HttpStatusCode status)
    {
        harness.Server.Reply(status, """{"error":{"message":"Unauthorized","code":"unauthorized"}}""");

        var error = await Assert.ThrowsAsync<InvoiceboxCredentialsException>(() =>
            harness.Client().CreateOrderAsync(Samples.CreateRequest(), CancellationToken.None));

        Assert.Equal((int)status, error.StatusCode);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task Getting_an_unknown_order_returns_null()
    {
        harness.Server.Reply(HttpStatusCode.NotFound, """{"error":{"message":"Not found","code":"not_found"}}""");

        Assert.Null(await harness.Client().GetOrderAsync("0195a000-0000-7000-8000-00000000dead", CancellationToken.None));
    }

    [Fact]
    public async Task Cancelling_an_unknown_order_is_a_not_found_error()
    {
        harness.Server.Reply(HttpStatusCode.NotFound, """{"error":{"message":"Not found","code":"not_found"}}""");

        var error = await Assert.ThrowsAsync<InvoiceboxNotFoundException>(() =>
            harness.Client().CancelOrderAsync("0195a000-0000-7000-8000-00000000dead", CancellationToken.None));

        Assert.Equal("not_found", error.ErrorCode);
    }

    [Fact]
    public async Task A_429_carries_retry_after()
    {
        harness.Server.Reply(HttpStatusCode.TooManyRequests, "", r => r.Headers.Add("Retry-After", "7"));

        var error = await Assert.ThrowsAsync<InvoiceboxRateLimitedException>(() =>
            harness.Client().CreateOrderAsync(Samples.CreateRequest(), CancellationToken.None));

        Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
        Assert.False(error.IsClientSide);
        Assert.True(error.IsTransient);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.RequestTimeout)]
    public async Task Server_failures_are_transient(HttpStatusCode status)
    {
        harness.Server.Reply(status, "<html>oops</html>");

        var error = await Assert.ThrowsAsync<InvoiceboxTransientException>(() =>
            harness.Client().CreateOrderAsync(Samples.CreateRequest(), CancellationToken.None));

        Assert.Equal((int)status, error.StatusCode);
        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task A_network_failure_is_transient_without_a_status()
    {
        harness.Server.Fail(new HttpRequestException(HttpRequestError.ConnectionError, "refused"));

        var error = await Assert.ThrowsAsync<InvoiceboxTransientException>(() =>
            harness.Client().CreateOrderAsync(Samples.CreateRequest(), CancellationToken.None));

        Assert.Null(error.StatusCode);
        Assert.False(error.IsTimeout);
    }

    [Fact]
    public async Task No_answer_within_the_request_timeout_is_a_transient_timeout()
    {
        using var harness = new ClientHarness(new() { ["Invoicebox:RequestTimeout"] = "00:00:00.200" });
        harness.Server.Hang();

        var error = await Assert.ThrowsAsync<InvoiceboxTransientException>(() =>
            harness.Client().CreateOrderAsync(Samples.CreateRequest(), CancellationToken.None));

        Assert.True(error.IsTimeout);
        Assert.Single(harness.Server.Requests);
    }

    [Fact]
    public async Task The_callers_cancellation_is_not_turned_into_an_invoicebox_error()
    {
        harness.Server.Hang();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            harness.Client().GetOrderAsync("o-1", cancellation.Token));
    }

    [Fact]
    public async Task An_unreadable_success_body_is_transient_because_the_outcome_is_unknown()
    {
        harness.Server.Reply(HttpStatusCode.OK, "<html>proxy</html>");

        var error = await Assert.ThrowsAsync<InvoiceboxTransientException>(() =>
            harness.Client().CreateOrderAsync(Samples.CreateRequest(), CancellationToken.None));

        Assert.Equal(200, error.StatusCode);
    }

    [Fact]
    public async Task An_error_body_that_is_not_json_still_maps_by_status()
    {
        harness.Server.Reply(HttpStatusCode.UnprocessableEntity, "<html>nope</html>");

        var error = await Assert.ThrowsAsync<InvoiceboxValidationException>(() =>
            harness.Client().UpdateOrderAsync("o-1", new UpdateOrderRequest(), CancellationToken.None));

        Assert.Null(error.ErrorCode);
    }
}
