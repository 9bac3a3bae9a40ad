using System.Net;
using System.Text.Json.Nodes;

namespace Invoicebox.Emulator.Tests;

public sealed class ControlTests : EmulatorTest
{
    [Fact]
    public async Task Default_merchants_are_the_demo_seed_merchants()
    {
        var merchants = (await Client.Control(HttpMethod.Get, "/_emulator/merchants"))!.AsArray();

        Assert.Equal([TestMerchants.ZernoId, TestMerchants.RomashkaId, TestMerchants.MainId], merchants.Select(m => m!["merchantId"]!.GetValue<string>()));
        Assert.Equal("Кофейня «Зерно»", merchants[0]!["name"]!.GetValue<string>());
        Assert.Equal(TestMerchants.ZernoKey, merchants[0]!["notificationKey"]!.GetValue<string>());
        Assert.Equal("main", merchants[2]!["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task Added_merchant_can_use_the_api_at_once()
    {
        var added = await Client.Control(HttpMethod.Post, "/_emulator/merchants", new JsonObject { ["name"] = "Новый магазин" });

        var reply = await Client.Post("/v3/billing/api/order/order",
            OrderRequests.WorkedExample(added!["merchantId"]!.GetValue<string>()), added["token"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.OK, reply.Status);
    }

    [Fact]
    public async Task Orders_list_shows_what_tests_assert_on()
    {
        var order = await Client.CreateOrder(OrderRequests.WorkedExample(notificationUrl: "http://127.0.0.1:9/notify"));

        var listed = (await Client.Control(HttpMethod.Get, "/_emulator/orders"))![0]!;

        Assert.Equal(order["id"]!.GetValue<string>(), listed["id"]!.GetValue<string>());
        Assert.Equal(TestMerchants.ZernoId, listed["merchantId"]!.GetValue<string>());
        Assert.Equal(order["merchantOrderId"]!.GetValue<string>(), listed["merchantOrderId"]!.GetValue<string>());
        Assert.Equal(order["orderContainerId"]!.GetValue<string>(), listed["orderContainerId"]!.GetValue<string>());
        Assert.Equal("created", listed["status"]!.GetValue<string>());
        Assert.Equal(1350.00m, listed["amount"]!.GetValue<decimal>());
        Assert.Equal("http://127.0.0.1:9/notify", listed["notificationUrl"]!.GetValue<string>());
    }
}

public sealed class ConfiguredMerchantTests : EmulatorTest
{
    protected override void Configure(EmulatorOptions options) => options.Merchants.Add(new MerchantOptions
    {
        MerchantId = "66666666-7777-4888-9999-aaaaaaaaaaaa",
        Token = "abcdefabcdefabcdefabcdefabcdefab",
        NotificationKey = "k",
        Name = "Из теста",
    });

    [Fact]
    public async Task Merchant_added_through_options_joins_the_configured_ones()
    {
        var merchants = (await Client.Control(HttpMethod.Get, "/_emulator/merchants"))!.AsArray();

        Assert.Equal(4, merchants.Count);
        Assert.Equal(HttpStatusCode.OK, (await Client.Get("/v3/security/api/auth/auth", "abcdefabcdefabcdefabcdefabcdefab")).Status);
    }
}
