using System.Net;
using System.Text.Json.Nodes;

namespace Invoicebox.Emulator.Tests;

public sealed class ContainerTests : EmulatorTest
{
    [Fact]
    public async Task Suborder_of_another_merchant_joins_the_open_container_and_shares_its_payment_url()
    {
        var main = await Client.CreateOrder(OrderRequests.WorkedExample(TestMerchants.MainId), TestMerchants.MainToken);
        var request = OrderRequests.WorkedExample(TestMerchants.ZernoId);
        request["orderContainerId"] = main["orderContainerId"]!.GetValue<string>();

        var suborder = await Client.CreateOrder(request);

        Assert.Equal(main["orderContainerId"]!.GetValue<string>(), suborder["orderContainerId"]!.GetValue<string>());
        Assert.Equal(main["paymentUrl"]!.GetValue<string>(), suborder["paymentUrl"]!.GetValue<string>());
        Assert.NotEqual(main["id"]!.GetValue<string>(), suborder["id"]!.GetValue<string>());
        var container = await Client.Control(HttpMethod.Get, $"/_emulator/containers/{main["orderContainerId"]}");
        Assert.Equal(2, container!["orders"]!.AsArray().Count);
        Assert.Equal(2700.00m, container["payableTotal"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task Unknown_container_is_404()
    {
        var request = OrderRequests.WorkedExample();
        request["orderContainerId"] = Guid.NewGuid().ToString();

        var reply = await Client.Post("/v3/billing/api/order/order", request);

        Assert.Equal(HttpStatusCode.NotFound, reply.Status);
        Assert.Equal("not_found", reply.ErrorCode);
    }

    [Fact]
    public async Task Paid_container_takes_no_new_order()
    {
        var main = await Client.CreateOrder(OrderRequests.WorkedExample());
        await Client.Control(HttpMethod.Post, $"/_emulator/containers/{main["orderContainerId"]}/pay");
        var request = OrderRequests.WorkedExample();
        request["orderContainerId"] = main["orderContainerId"]!.GetValue<string>();

        var reply = await Client.Post("/v3/billing/api/order/order", request);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reply.Status);
        Assert.Equal("wrong_order_status", reply.ErrorCode);
    }

    [Fact]
    public async Task Control_api_opens_a_container_with_a_main_order_of_the_main_merchant()
    {
        var opened = await Client.Control(HttpMethod.Post, "/_emulator/containers");

        var container = await Client.Control(HttpMethod.Get, $"/_emulator/containers/{opened!["containerId"]}");
        var order = container!["orders"]![0]!;
        Assert.Equal(TestMerchants.MainId, order["merchantId"]!.GetValue<string>());
        Assert.Equal("created", order["status"]!.GetValue<string>());
        Assert.EndsWith($"/order/{opened["containerId"]}", opened["paymentUrl"]!.GetValue<string>());
    }
}

public sealed class PublicOriginTests : EmulatorTest
{
    protected override void Configure(EmulatorOptions options) => options.PublicOrigin = "https://pay.example.test";

    [Fact]
    public async Task Payment_url_uses_the_configured_public_origin()
    {
        var order = await Client.CreateOrder(OrderRequests.WorkedExample());

        Assert.Equal($"https://pay.example.test/order/{order["orderContainerId"]}", order["paymentUrl"]!.GetValue<string>());
    }
}
