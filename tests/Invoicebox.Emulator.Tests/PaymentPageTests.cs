using System.Net;
using System.Text.Json.Nodes;

namespace Invoicebox.Emulator.Tests;

public sealed class PaymentPageTests : EmulatorTest
{
    private async Task<string> Page(string containerId) => await Client.Http.GetStringAsync($"/order/{containerId}");

    [Fact]
    public async Task Page_shows_every_order_of_the_container_with_its_merchant_and_the_total()
    {
        var main = await Client.CreateOrder(OrderRequests.WorkedExample(TestMerchants.MainId), TestMerchants.MainToken);
        var sub = OrderRequests.WorkedExample();
        sub["orderContainerId"] = main["orderContainerId"]!.GetValue<string>();
        await Client.CreateOrder(sub);

        var html = await Page(main["orderContainerId"]!.GetValue<string>());

        Assert.Contains("Аэропорт-Трансфер", html);
        Assert.Contains("Кофейня «Зерно»", html);
        Assert.Contains("Airport rail ticket, standard", html);
        Assert.Contains("2\u00a0700,00", System.Net.WebUtility.HtmlDecode(html));
        Assert.Contains("Оплатить", html);
        Assert.Contains("Отказаться", html);
    }

    [Fact]
    public async Task Paying_on_the_page_completes_the_orders_and_redirects_to_the_first_success_url()
    {
        var order = await Client.CreateOrder(OrderRequests.WorkedExample());
        var container = order["orderContainerId"]!.GetValue<string>();

        var response = await Client.Http.PostAsync($"/order/{container}/pay", null);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("https://shop.example.com/pay/ok?order=SHOP-10001", response.Headers.Location!.ToString());
        Assert.Equal("completed", (await Client.Get($"/v3/billing/api/order/order/{order["id"]}")).Data["status"]!.GetValue<string>());
        Assert.Contains("Счёт оплачен", await Page(container));
    }

    [Fact]
    public async Task Declining_on_the_page_cancels_and_redirects_to_the_fail_url()
    {
        var order = await Client.CreateOrder(OrderRequests.WorkedExample());
        var container = order["orderContainerId"]!.GetValue<string>();

        var response = await Client.Http.PostAsync($"/order/{container}/decline", null);

        Assert.Equal("https://shop.example.com/pay/fail?order=SHOP-10001", response.Headers.Location!.ToString());
        Assert.Equal("canceled", (await Client.Get($"/v3/billing/api/order/order/{order["id"]}")).Data["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Without_a_success_url_the_page_shows_its_own_paid_state()
    {
        var request = OrderRequests.WorkedExample();
        request.Remove("successUrl");
        var order = await Client.CreateOrder(request);
        var container = order["orderContainerId"]!.GetValue<string>();

        var response = await Client.Http.PostAsync($"/order/{container}/pay", null);

        Assert.Equal($"/order/{container}", response.Headers.Location!.ToString());
        Assert.Contains("Счёт оплачен", await Page(container));
    }

    [Fact]
    public async Task Unknown_container_page_is_404()
    {
        var response = await Client.Http.GetAsync($"/order/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
