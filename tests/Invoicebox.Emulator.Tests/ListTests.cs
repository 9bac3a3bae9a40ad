using System.Net;
using System.Text.Json.Nodes;

namespace Invoicebox.Emulator.Tests;

public sealed class ListTests : EmulatorTest
{
    private const string List = "/v3/filter/api/order/order";

    private async Task<List<JsonNode>> CreateOrders(int count)
    {
        var orders = new List<JsonNode>();
        for (var i = 0; i < count; i++)
        {
            orders.Add(await Client.CreateOrder(OrderRequests.WorkedExample(merchantOrderId: $"LIST-{i}")));
            await Task.Delay(2);
        }
        return orders;
    }

    private static string[] Ids(ApiReply reply) => [.. reply.Data.AsArray().Select(o => o!["merchantOrderId"]!.GetValue<string>())];

    [Fact]
    public async Task Pages_with_underscore_parameters_and_reports_meta_data()
    {
        await CreateOrders(5);

        var reply = await Client.Get($"{List}?_page=2&_pageSize=2");

        Assert.Equal(["LIST-2", "LIST-3"], Ids(reply));
        Assert.Equal(5, reply.Body!["metaData"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(2, reply.Body!["metaData"]!["pageSize"]!.GetValue<int>());
        Assert.Equal(2, reply.Body!["metaData"]!["page"]!.GetValue<int>());
    }

    [Fact]
    public async Task Pages_with_plain_parameters_too()
    {
        await CreateOrders(3);

        Assert.Equal(["LIST-2"], Ids(await Client.Get($"{List}?page=3&pageSize=1")));
    }

    [Fact]
    public async Task Sorts_by_creation_time_descending()
    {
        await CreateOrders(3);

        Assert.Equal(["LIST-2", "LIST-1", "LIST-0"], Ids(await Client.Get($"{List}?_order[createdAt]=desc")));
    }

    [Fact]
    public async Task Filters_by_merchant_order_id_and_id()
    {
        var orders = await CreateOrders(3);

        Assert.Equal(["LIST-1"], Ids(await Client.Get($"{List}?merchantOrderId=LIST-1")));
        Assert.Equal(["LIST-2"], Ids(await Client.Get($"{List}?id={orders[2]["id"]}")));
    }

    [Fact]
    public async Task Filters_by_one_status_or_a_list_of_statuses()
    {
        var orders = await CreateOrders(3);
        await Client.Delete($"/v3/billing/api/order/order/{orders[0]["id"]}");
        await Client.Control(HttpMethod.Post, $"/_emulator/containers/{orders[1]["orderContainerId"]}/pay");

        Assert.Equal(["LIST-0"], Ids(await Client.Get($"{List}?status=canceled")));
        Assert.Equal(["LIST-1", "LIST-2"], Ids(await Client.Get($"{List}?status[]=completed&status[]=created")));
    }

    [Fact]
    public async Task Filters_by_creation_time_range()
    {
        await CreateOrders(2);
        var now = DateTimeOffset.UtcNow;

        var inRange = await Client.Get($"{List}?createdAt[_ge]={Uri.EscapeDataString(OrderRequests.Atom(now.AddMinutes(-1)))}&createdAt[_le]={Uri.EscapeDataString(OrderRequests.Atom(now.AddMinutes(1)))}");
        var future = await Client.Get($"{List}?createdAt[_ge]={now.AddMinutes(5):yyyy-MM-ddTHH:mm:ss}");

        Assert.Equal(2, inRange.Data.AsArray().Count);
        Assert.Empty(future.Data.AsArray());
    }

    [Fact]
    public async Task Lists_only_the_tokens_merchant()
    {
        await CreateOrders(2);

        var other = await Client.Get(List, TestMerchants.RomashkaToken);

        Assert.Empty(other.Data.AsArray());
        Assert.Equal(0, other.Body!["metaData"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Unknown_filter_field_is_rejected()
    {
        var reply = await Client.Get($"{List}?colour=red");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reply.Status);
        Assert.Equal("wrong_filter_format", reply.ErrorCode);
    }
}
