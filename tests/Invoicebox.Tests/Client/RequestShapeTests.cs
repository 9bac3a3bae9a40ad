using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Platform.Invoicebox.Orders;

namespace Invoicebox.Tests.Client;

public class RequestShapeTests : IDisposable
{
    private readonly ClientHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task Every_request_carries_the_bearer_token_accept_json_and_the_platform_user_agent()
    {
        harness.Server.ReplyData(Samples.OrderJson);

        await harness.Client().GetOrderAsync("019550fc-ced4-4b7d-8e21-7a9d2c4f0a01", CancellationToken.None);

        var request = Assert.Single(harness.Server.Requests);
        Assert.Equal($"Bearer {ClientHarness.Token}", request.Authorization);
        Assert.Equal("application/json", request.Accept);
        Assert.Matches(@"^Platform/\d+\.\d+\.\d+$", request.UserAgent);
    }

    [Fact]
    public async Task Content_type_is_application_json_only_when_there_is_a_body()
    {
        harness.Server.ReplyData(Samples.OrderJson).ReplyData(Samples.OrderJson);
        var client = harness.Client();

        await client.CreateOrderAsync(Samples.CreateRequest(), CancellationToken.None);
        await client.CancelOrderAsync("019550fc-ced4-4b7d-8e21-7a9d2c4f0a01", CancellationToken.None);

        Assert.Equal("application/json", harness.Server.Requests[0].ContentType);
        Assert.Null(harness.Server.Requests[1].ContentType);
        Assert.Null(harness.Server.Requests[1].Body);
    }

    [Theory]
    [InlineData("/v3")]
    [InlineData("/l3")]
    [InlineData("l3/")]
    public async Task Paths_start_with_the_tenant_api_prefix(string prefix)
    {
        harness.Server.ReplyData("""{"userId":"u-1"}""");

        await harness.Client(prefix: prefix).CheckAuthAsync(CancellationToken.None);

        Assert.Equal($"/{prefix.Trim('/')}/security/api/auth/auth", harness.Server.Requests[0].Uri.AbsolutePath);
    }

    [Fact]
    public async Task Each_method_calls_its_documented_endpoint()
    {
        const string id = "019550fc-ced4-4b7d-8e21-7a9d2c4f0a01";
        var list = $$$"""{"data":[{{{Samples.OrderJson}}}],"extendedData":[],"metaData":{"totalCount":1,"pageSize":30,"page":1}}""";
        harness.Server
            .ReplyData(Samples.OrderJson)
            .ReplyData(Samples.OrderJson)
            .Reply(System.Net.HttpStatusCode.OK, list)
            .Reply(System.Net.HttpStatusCode.OK, list)
            .ReplyData(Samples.OrderJson)
            .ReplyData(Samples.OrderJson)
            .ReplyData("[]")
            .ReplyData("""{"id":"r-1","parentId":"p","status":"created","amount":1.00,"vatAmount":0}""");
        var client = harness.Client();

        await client.CreateOrderAsync(Samples.CreateRequest(), CancellationToken.None);
        await client.GetOrderAsync(id, CancellationToken.None);
        await client.FindByMerchantOrderIdAsync("SHOP-10001", CancellationToken.None);
        await client.ListOrdersAsync(new OrderFilter(), CancellationToken.None);
        await client.UpdateOrderAsync(id, new UpdateOrderRequest { Description = "x" }, CancellationToken.None);
        await client.CancelOrderAsync(id, CancellationToken.None);
        await client.GetRefundableLinesAsync(id, CancellationToken.None);
        await client.CreateRefundAsync(Platform.Invoicebox.Refunds.CreateRefundRequest.FromBasket(id, "R-1", "refund", Samples.Basket()), CancellationToken.None);

        Assert.Equal(
        [
            "POST /v3/billing/api/order/order",
            $"GET /v3/billing/api/order/order/{id}",
            "GET /v3/filter/api/order/order",
            "GET /v3/filter/api/order/order",
            $"PUT /v3/billing/api/order/order/{id}",
            $"DELETE /v3/billing/api/order/order/{id}",
            $"GET /v3/billing/api/order/order/{id}/refund-basket-item",
            "POST /v3/billing/api/order/refund-order",
        ], harness.Server.Requests.Select(r => $"{r.Method} {r.Uri.AbsolutePath}"));
    }

    [Fact]
    public async Task Create_order_sends_money_with_two_decimals_dates_with_offset_and_no_nulls()
    {
        harness.Server.ReplyData(Samples.OrderJson);

        await harness.Client().CreateOrderAsync(Samples.CreateRequest() with { ShopId = 333 }, CancellationToken.None);

        var body = harness.Server.Requests[0].Body!;
        Assert.Contains("\"amount\":1350.00", body);
        Assert.Contains("\"vatAmount\":200.00", body);
        Assert.Contains("\"amountWoVat\":500.00", body);
        Assert.Contains("\"totalVatAmount\":0.00", body);
        Assert.Contains("\"quantity\":2", body);
        Assert.Contains("\"expirationDate\":\"2025-03-02T09:15:00+00:00\"", body);
        Assert.Contains("\"shopId\":333", body);
        Assert.Contains("\"measure\":\"шт\"", body);
        Assert.DoesNotContain("null", body);
        Assert.DoesNotContain("orderContainerId", body);
    }

    [Fact]
    public async Task Create_order_body_matches_the_reference_example_field_for_field()
    {
        harness.Server.ReplyData(Samples.OrderJson);

        await harness.Client().CreateOrderAsync(Samples.CreateRequest(), CancellationToken.None);

        using var sent = JsonDocument.Parse(harness.Server.Requests[0].Body!);
        var root = sent.RootElement;
        Assert.Equal(ClientHarness.MerchantId, root.GetProperty("merchantId").GetString());
        Assert.Equal("SHOP-10001", root.GetProperty("merchantOrderId").GetString());
        Assert.Equal("RUB", root.GetProperty("currencyId").GetString());
        Assert.Equal("ru", root.GetProperty("languageId").GetString());
        Assert.Equal("private", root.GetProperty("customer").GetProperty("type").GetString());
        var items = root.GetProperty("basketItems").EnumerateArray().ToArray();
        Assert.Equal(2, items.Length);
        Assert.Equal(
            ("TARIFF-STD", "RUS_VAT20", "service", "full_prepayment", 600.00m, 500.00m, 1200.00m, 200.00m),
            (items[0].GetProperty("sku").GetString(), items[0].GetProperty("vatCode").GetString(), items[0].GetProperty("type").GetString(),
             items[0].GetProperty("paymentType").GetString(), items[0].GetProperty("amount").GetDecimal(), items[0].GetProperty("amountWoVat").GetDecimal(),
             items[0].GetProperty("totalAmount").GetDecimal(), items[0].GetProperty("totalVatAmount").GetDecimal()));
        Assert.Equal("796", items[1].GetProperty("measureCode").GetString());
    }

    [Fact]
    public async Task An_explicit_merchant_id_in_the_request_is_kept()
    {
        harness.Server.ReplyData(Samples.OrderJson);

        await harness.Client().CreateOrderAsync(Samples.CreateRequest() with { MerchantId = "other-shop" }, CancellationToken.None);

        Assert.Contains("\"merchantId\":\"other-shop\"", harness.Server.Requests[0].Body);
    }

    [Fact]
    public async Task Suborder_carries_the_container_it_joins()
    {
        harness.Server.ReplyData(Samples.OrderJson);

        await harness.Client().CreateOrderAsync(Samples.CreateRequest() with { OrderContainerId = "019550fc-ce98-4a1c-9b2e-5f0c3d7e0c01" },
            CancellationToken.None);

        Assert.Contains("\"orderContainerId\":\"019550fc-ce98-4a1c-9b2e-5f0c3d7e0c01\"", harness.Server.Requests[0].Body);
    }

    [Fact]
    public async Task List_filters_paging_and_sort_use_the_documented_query_syntax()
    {
        harness.Server.Reply(System.Net.HttpStatusCode.OK, """{"data":[],"extendedData":[],"metaData":{"totalCount":0,"pageSize":10,"page":2}}""");

        await harness.Client().ListOrdersAsync(new OrderFilter
        {
            MerchantOrderId = "SHOP-1",
            Statuses = [InvoiceboxOrderStatus.Created, InvoiceboxOrderStatus.Completed],
            CreatedFrom = new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.FromHours(3)),
            CreatedTo = new DateTimeOffset(2025, 3, 2, 0, 0, 0, TimeSpan.Zero),
            Page = 2,
            PageSize = 10,
        }, CancellationToken.None);

        var query = QueryHelpers.ParseQuery(harness.Server.Requests[0].Uri.Query);
        Assert.Equal("SHOP-1", query["merchantOrderId"]);
        Assert.Equal(new[] { "created", "completed" }, query["status[]"].Select(v => v!));
        Assert.False(query.ContainsKey("status"));
        Assert.Equal("2025-03-01T09:00:00+00:00", query["createdAt[_ge]"]);
        Assert.Equal("2025-03-02T00:00:00+00:00", query["createdAt[_le]"]);
        Assert.Equal("2", query["_page"]);
        Assert.Equal("10", query["_pageSize"]);
        Assert.Equal("desc", query["_order[createdAt]"]);
    }

    [Fact]
    public async Task A_single_status_filter_is_plain_equality()
    {
        harness.Server.Reply(System.Net.HttpStatusCode.OK, """{"data":[],"extendedData":[]}""");

        await harness.Client().ListOrdersAsync(new OrderFilter { Statuses = ["completed"], NewestFirst = false }, CancellationToken.None);

        var query = QueryHelpers.ParseQuery(harness.Server.Requests[0].Uri.Query);
        Assert.Equal("completed", query["status"]);
        Assert.False(query.ContainsKey("_order[createdAt]"));
    }

    [Fact]
    public async Task Order_ids_are_escaped_into_the_path()
    {
        harness.Server.ReplyData(Samples.OrderJson);

        await harness.Client().GetOrderAsync("a/b?c", CancellationToken.None);

        Assert.EndsWith("/billing/api/order/order/a%2Fb%3Fc", harness.Server.Requests[0].Uri.AbsoluteUri);
    }
}
