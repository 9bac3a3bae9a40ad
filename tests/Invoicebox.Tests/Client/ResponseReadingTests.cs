using System.Net;
using Platform.Domain.Money;
using Platform.Invoicebox;
using Platform.Invoicebox.Notifications;
using Platform.Invoicebox.Orders;

namespace Invoicebox.Tests.Client;

public class ResponseReadingTests : IDisposable
{
    private readonly ClientHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task The_reference_response_reads_into_an_order_with_kopeck_amounts()
    {
        harness.Server.ReplyData(Samples.OrderJson);

        var order = await harness.Client().CreateOrderAsync(Samples.CreateRequest(), CancellationToken.None);

        Assert.Equal("019550fc-ced4-4b7d-8e21-7a9d2c4f0a01", order.Id);
        Assert.Equal("019550fc-ce98-4a1c-9b2e-5f0c3d7e0c01", order.OrderContainerId);
        Assert.Equal("https://pay.invoicebox.ru/order/019550fc-ce98-4a1c-9b2e-5f0c3d7e0c01", order.PaymentUrl);
        Assert.Equal(InvoiceboxOrderStatus.Created, order.Status);
        Assert.Equal(new Kopecks(135000), order.Amount);
        Assert.Equal(new Kopecks(20000), order.VatAmount);
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 9, 15, 0, TimeSpan.Zero), order.CreatedAt);
        Assert.Null(order.PaidAt);
        Assert.Equal(new Kopecks(0), order.BasketItems[1].TotalVatAmount);
        Assert.Equal(new DateOnly(2025, 3, 5), order.BasketItems[0].ServiceDate);
        Assert.False(order.IsPaid);
    }

    [Fact]
    public async Task Amounts_sent_as_strings_and_numeric_item_types_are_read()
    {
        harness.Server.ReplyData("""
            {"id":"o-1","status":"completed","amount":"123.45","vatAmount":"0","basketItems":[{"sku":"s","name":"n","quantity":"1.5","amount":"82.30","amountWoVat":82.30,"totalAmount":123.45,"totalVatAmount":0,"vatCode":"RUS_VAT120","type":4,"paymentType":"full_payment"}]}
            """);

        var order = await harness.Client().GetOrderAsync("o-1", CancellationToken.None);

        Assert.Equal(new Kopecks(12345), order!.Amount);
        Assert.Equal("4", order.BasketItems[0].Type);
        Assert.Equal(1.5m, order.BasketItems[0].Quantity);
        Assert.Equal("RUS_VAT120", order.BasketItems[0].VatCode);
        Assert.True(order.IsPaid);
    }

    [Fact]
    public async Task Accepted_token_returns_the_user_id()
    {
        harness.Server.Reply(HttpStatusCode.OK, """{"data":{"userId":"0190aaaa-0000-7000-8000-000000000001","profile":null,"accessToken":null},"extendedData":[]}""",
            r => r.Headers.Add("X-Request-Id", "auth-1"));

        var check = await harness.Client().CheckAuthAsync(CancellationToken.None);

        Assert.True(check.TokenAccepted);
        Assert.Equal("0190aaaa-0000-7000-8000-000000000001", check.UserId);
    }

    [Fact]
    public async Task A_200_without_a_user_means_the_token_was_not_accepted()
    {
        harness.Server.ReplyData("""{"userId":null,"profile":null}""");

        var check = await harness.Client().CheckAuthAsync(CancellationToken.None);

        Assert.False(check.TokenAccepted);
        Assert.Null(check.UserId);
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized, "unauthorized")]
    [InlineData(HttpStatusCode.Forbidden, "forbidden")]
    public async Task A_refused_token_is_a_check_result_not_an_exception(HttpStatusCode status, string code)
    {
        harness.Server.Reply(status, $$$"""{"error":{"message":"No","code":"{{{code}}}","fields":[]}}""");

        var check = await harness.Client().CheckAuthAsync(CancellationToken.None);

        Assert.False(check.TokenAccepted);
        Assert.Equal((int)status, check.StatusCode);
        Assert.Equal(code, check.ErrorCode);
        Assert.NotNull(check.RequestId);
    }

    [Fact]
    public async Task Paging_facts_come_from_meta_data()
    {
        harness.Server.Reply(HttpStatusCode.OK, $$$"""{"data":[{{{Samples.OrderJson}}}],"extendedData":[],"metaData":{"totalCount":41,"pageSize":1,"page":3}}""");

        var page = await harness.Client().ListOrdersAsync(new OrderFilter { Page = 3, PageSize = 1 }, CancellationToken.None);

        Assert.Equal((41, 3, 1), (page.TotalCount, page.Page, page.PageSize));
        Assert.Single(page.Items);
    }

    [Fact]
    public async Task Find_by_merchant_order_id_returns_the_newest_exact_match()
    {
        harness.Server.Reply(HttpStatusCode.OK, $$$"""
            {"data":[
              {{{Samples.Order("0195a000-0000-7000-8000-000000000001", "SHOP-7", "2025-03-01T09:00:00+00:00")}}},
              {{{Samples.Order("0195a000-0000-7000-8000-000000000003", "SHOP-7", "2025-03-01T11:00:00+00:00")}}},
              {{{Samples.Order("0195a000-0000-7000-8000-000000000004", "SHOP-70", "2025-03-01T12:00:00+00:00")}}},
              {{{Samples.Order("0195a000-0000-7000-8000-000000000002", "SHOP-7", "2025-03-01T10:00:00+00:00")}}}
            ],"extendedData":[],"metaData":{"totalCount":4,"pageSize":100,"page":1}}
            """);

        var order = await harness.Client().FindByMerchantOrderIdAsync("SHOP-7", CancellationToken.None);

        Assert.Equal("0195a000-0000-7000-8000-000000000003", order?.Id);
    }

    [Fact]
    public async Task Find_by_merchant_order_id_returns_null_when_there_is_none()
    {
        harness.Server.Reply(HttpStatusCode.OK, """{"data":[],"extendedData":[],"metaData":{"totalCount":0,"pageSize":100,"page":1}}""");

        Assert.Null(await harness.Client().FindByMerchantOrderIdAsync("SHOP-404", CancellationToken.None));
    }

    [Fact]
    public async Task Refundable_lines_carry_what_is_left_of_them()
    {
        harness.Server.ReplyData("""
            [{"sku":"TARIFF-STD","name":"t","measure":"шт","measureCode":"796","quantity":2,"amount":600.00,"amountWoVat":500.00,"totalAmount":1200.00,"totalVatAmount":200.00,"vatCode":"RUS_VAT20","type":"service","paymentType":"full_prepayment","availableAmount":600.00,"availableVatAmount":100.00}]
            """);

        var lines = await harness.Client().GetRefundableLinesAsync("o-1", CancellationToken.None);

        Assert.Equal(new Kopecks(60000), lines[0].AvailableAmount);
        Assert.Equal(new Kopecks(10000), lines[0].AvailableVatAmount);
        Assert.Equal(new Kopecks(120000), lines[0].TotalAmount);
    }

    [Fact]
    public void The_reference_notification_body_reads_as_a_paid_order()
    {
        var body = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Resources", "notification-10.4.json"));

        var order = InvoiceboxNotification.TryParse(body);

        Assert.NotNull(order);
        Assert.True(order.IsPaid);
        Assert.Equal(new Kopecks(135000), order.Amount);
        Assert.Equal("SHOP-10001", order.MerchantOrderId);
        Assert.Equal("https://pay.invoicebox.ru/order/019550fc-ce98-4a1c-9b2e-5f0c3d7e0c01", order.PaymentUrl);
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 9, 20, 41, TimeSpan.Zero), order.PaidAt);
        Assert.False(InvoiceboxNotification.IsHealthCheck(order));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{}")]
    public void Bodies_that_are_not_orders_read_as_null(string body) =>
        Assert.Null(InvoiceboxNotification.TryParse(System.Text.Encoding.UTF8.GetBytes(body)));

    [Fact]
    public void Credentials_never_print_the_token()
    {
        var credentials = new InvoiceboxCredentials("https://api.invoicebox.ru", "/v3", "m-1", ClientHarness.Token);

        Assert.DoesNotContain(ClientHarness.Token, credentials.ToString());
        Assert.DoesNotContain(ClientHarness.Token, new { credentials }.ToString());
        Assert.Contains("m-1", credentials.ToString());
    }

    [Theory]
    [InlineData("https://api.invoicebox.ru", "/v4", "m", "t")]
    [InlineData("api.invoicebox.ru", "/v3", "m", "t")]
    [InlineData("https://api.invoicebox.ru", "/v3", "", "t")]
    [InlineData("https://api.invoicebox.ru", "/v3", "m", "")]
    [InlineData("https://api.invoicebox.ru", "/v3", "m", "to ken")]
    public void Unusable_credentials_are_refused_when_the_client_is_created(string baseUrl, string prefix, string merchant, string token)
    {
        var error = Assert.Throws<ArgumentException>(() =>
            harness.Factory.Create(new InvoiceboxCredentials(baseUrl, prefix, merchant, token)));

        Assert.False(token.Length > 3 && error.Message.Contains(token, StringComparison.Ordinal), "the message echoes the token");
    }
}
