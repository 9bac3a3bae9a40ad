using System.Net;
using Platform.Invoicebox;

namespace Invoicebox.Tests.Client;

public class SecretHandlingTests
{
    [Fact]
    public async Task The_token_never_reaches_the_logs_even_at_trace_level()
    {
        using var harness = new ClientHarness();
        harness.Server
            .ReplyData(Samples.OrderJson)
            .Reply(HttpStatusCode.Unauthorized, """{"error":{"message":"Unauthorized","code":"unauthorized"}}""")
            .Reply(HttpStatusCode.InternalServerError, "")
            .Fail(new HttpRequestException("reset"))
            .ReplyData(Samples.OrderJson);
        var client = harness.Client();

        await client.CreateOrderAsync(Samples.CreateRequest(), CancellationToken.None);
        await Assert.ThrowsAsync<InvoiceboxCredentialsException>(() => client.CreateOrderAsync(Samples.CreateRequest(), CancellationToken.None));
        await client.GetOrderAsync("o-1", CancellationToken.None);

        Assert.NotEmpty(harness.Logs.Lines);
        Assert.Contains(harness.Logs.Lines, line => line.Contains("Authorization")); // the factory's header log ran...
        Assert.DoesNotContain(harness.Logs.Lines, line => line.Contains(ClientHarness.Token)); // ...with the value redacted
    }

    [Fact]
    public async Task Our_log_lines_name_method_path_status_request_id_and_elapsed_time()
    {
        using var harness = new ClientHarness();
        harness.Server.Reply(HttpStatusCode.OK, $$"""{"data":{{Samples.OrderJson}},"extendedData":[]}""",
            r => { r.Headers.Remove("X-Request-Id"); r.Headers.Add("X-Request-Id", "req-log-1"); });

        await harness.Client().GetOrderAsync("o-1", CancellationToken.None);

        var line = Assert.Single(harness.Logs.Lines, l => l.Contains("Platform.Invoicebox.InvoiceboxClient"));
        Assert.Contains("Method=GET", line);
        Assert.Contains("Path=/billing/api/order/order/o-1", line);
        Assert.Contains("StatusCode=200", line);
        Assert.Contains("RequestId=req-log-1", line);
        Assert.Contains("ElapsedMs=", line);
        Assert.Contains($"MerchantId={ClientHarness.MerchantId}", line);
    }

    [Fact]
    public async Task Exceptions_never_carry_the_token()
    {
        using var harness = new ClientHarness();
        harness.Server.Reply(HttpStatusCode.Forbidden, """{"error":{"message":"Forbidden","code":"forbidden","fields":[]}}""");

        var error = await Assert.ThrowsAsync<InvoiceboxCredentialsException>(() =>
            harness.Client().CreateOrderAsync(Samples.CreateRequest(), CancellationToken.None));

        Assert.DoesNotContain(ClientHarness.Token, error.ToString());
    }
}
