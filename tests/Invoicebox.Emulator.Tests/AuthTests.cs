using System.Net;

namespace Invoicebox.Emulator.Tests;

public sealed class AuthTests : EmulatorTest
{
    protected override void Configure(EmulatorOptions options) => options.RateLimit.PermitLimit = 5;

    [Fact]
    public async Task Auth_check_without_a_token_is_anonymous()
    {
        var reply = await Client.Get("/v3/security/api/auth/auth", token: null);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Null(reply.Data["userId"]);
        Assert.NotNull(reply.Header("X-Request-Id"));
    }

    [Fact]
    public async Task Auth_check_with_a_token_returns_a_user_id()
    {
        var reply = await Client.Get("/l3/security/api/auth/auth");

        Assert.Matches("^[0-9a-f-]{36}$", reply.Data["userId"]!.GetValue<string>());
        Assert.Empty(reply.Body!["extendedData"]!.AsArray());
    }

    [Fact]
    public async Task Unknown_token_gets_the_documented_401_body()
    {
        var reply = await Client.Get("/v3/security/api/auth/auth", token: "00000000000000000000000000000000");

        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
        Assert.Equal("""{"error":{"message":"Unauthorized","code":"unauthorized"}}""", await reply.Response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Orders_need_a_token()
    {
        var reply = await Client.Get("/v3/filter/api/order/order", token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
    }

    [Fact]
    public async Task Creating_an_order_for_another_merchant_is_forbidden()
    {
        var reply = await Client.Post("/v3/billing/api/order/order", OrderRequests.WorkedExample(TestMerchants.RomashkaId));

        Assert.Equal(HttpStatusCode.Forbidden, reply.Status);
        Assert.Equal("forbidden", reply.ErrorCode);
    }

    [Fact]
    public async Task Reading_another_merchants_order_is_forbidden()
    {
        var order = await Client.CreateOrder(OrderRequests.WorkedExample());

        var reply = await Client.Get($"/v3/billing/api/order/order/{order["id"]}", TestMerchants.RomashkaToken);

        Assert.Equal(HttpStatusCode.Forbidden, reply.Status);
    }

    [Fact]
    public async Task Unknown_order_is_404_not_found()
    {
        var reply = await Client.Get($"/v3/billing/api/order/order/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, reply.Status);
        Assert.Equal("not_found", reply.ErrorCode);
    }

    [Fact]
    public async Task Requests_over_the_limit_get_429_with_retry_after()
    {
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.OK, (await Client.Get("/v3/filter/api/order/order")).Status);

        var reply = await Client.Get("/v3/filter/api/order/order");
        var other = await Client.Get("/v3/filter/api/order/order", TestMerchants.RomashkaToken);

        Assert.Equal(HttpStatusCode.TooManyRequests, reply.Status);
        Assert.True(int.Parse(reply.Response.Headers.RetryAfter!.ToString()) is > 0 and <= 30);
        Assert.Equal(HttpStatusCode.OK, other.Status);
    }
}
