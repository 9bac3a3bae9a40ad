using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Platform.Domain.Orders;
using Platform.Testing;
using static Microsoft.Playwright.Assertions;

namespace Platform.BrowserTests.MiniApp;

/// <summary>
/// A buyer in real headless Chromium: the Invoicebox (emulator) parent window frames our mini-app, the buyer picks two
/// products (one by weight), confirms, pays on the emulator's payment page and lands on our result screen.
/// </summary>
public sealed class CheckoutTests(StackFixture fx) : IClassFixture<StackFixture>, IAsyncLifetime
{
    private IBrowserContext _context = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        _context = await fx.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1100, Height = 1000 } });
        _page = await _context.NewPageAsync();
        _page.SetDefaultTimeout(20_000);
    }

    public async Task DisposeAsync() => await _context.DisposeAsync();

    private IFrameLocator MiniApp => _page.FrameLocator("iframe");

    private async Task FillCartAndConfirmAsync(string name)
    {
        var app = MiniApp;
        await app.Locator($"[data-fk=\"add:{fx.Shop.Piece}\"]").ClickAsync();
        await app.Locator($"[data-fk=\"inc:{fx.Shop.Piece}\"]").ClickAsync();
        await app.Locator($"[data-fk=\"add:{fx.Shop.Weight}\"]").ClickAsync();
        await app.Locator($".product:has([data-fk=\"inc:{fx.Shop.Weight}\"]) .qty-input").FillAsync("1,5");
        await app.Locator($".product:has([data-fk=\"inc:{fx.Shop.Weight}\"]) .qty-input").PressAsync("Enter");
        await app.Locator("[data-fk=\"open-cart\"]").ClickAsync();
        await Expect(app.Locator("#contact-name")).Not.ToHaveValueAsync("");
        await _page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath($"{name}-cart"), FullPage = true });
        await app.Locator("[data-fk=\"next\"]").ClickAsync();
        await _page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath($"{name}-confirm"), FullPage = true });
        await app.Locator("[data-fk=\"submit\"]").ClickAsync();
    }

    private Task<Data.Orders.Order> LatestOrderAsync() => fx.Stack.InTenantAsync(fx.Shop.TenantId, db =>
        db.Orders.AsNoTracking().Include(o => o.Lines).OrderByDescending(o => o.Number).FirstAsync());

    [Fact]
    public async Task Order_mode_from_catalog_to_payment_page_to_our_result_screen()
    {
        await _page.GotoAsync(fx.ParentUrl("order"));
        await Expect(MiniApp.Locator("[data-ready=\"catalog\"]")).ToBeVisibleAsync();
        await _page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("order-catalog"), FullPage = true });

        await FillCartAndConfirmAsync("order");

        // done(paymentUrl) → the parent goes to the Invoicebox payment page of the new invoice.
        await _page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/order/[0-9a-f-]{36}$"));
        var order = await LatestOrderAsync();
        Assert.Equal(OrderStatus.AwaitingPayment, order.Status);
        Assert.Equal(_page.Url, order.PaymentUrl);
        Assert.Contains(order.Lines, l => l.Quantity == 1.5m);
        Assert.Contains(order.Lines, l => l.Quantity == 2m);
        await _page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("order-payment-page"), FullPage = true });

        await _page.GetByRole(AriaRole.Button, new() { Name = "Оплатить" }).ClickAsync();

        await _page.WaitForURLAsync(url => url.Contains($"/m/{fx.Shop.ShopId}/result/{order.Id}"));
        await Expect(_page.Locator("body")).ToContainTextAsync("Оплачено", new() { Timeout = 30_000 });
        await _page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("order-result-paid"), FullPage = true });
        Assert.Equal(OrderStatus.Paid, (await LatestOrderAsync()).Status);
        Assert.StartsWith("Оплачено — ", await _page.TitleAsync());

        // Not a dead end: the buyer can go back to the shop, which then runs on its own page.
        await _page.GetByRole(AriaRole.Link, new() { Name = "Вернуться в магазин" }).ClickAsync();
        await Expect(_page.Locator("[data-ready=\"catalog\"]")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_payment_result_from_the_host_is_only_a_cue_our_own_order_status_says_paid()
    {
        await _page.GotoAsync(fx.ParentUrl("order") + "&navigate=false");
        await Expect(MiniApp.Locator("[data-ready=\"catalog\"]")).ToBeVisibleAsync();
        var app = MiniApp;

        // Nothing ordered on this page yet: a «completed» from the host is ignored.
        await _page.EvaluateAsync("() => window.emulator.sendPaymentResult('completed')");
        await _page.WaitForTimeoutAsync(500);
        await Expect(app.Locator("[data-status]")).ToHaveCountAsync(0);
        await Expect(app.Locator("[data-ready=\"catalog\"]")).ToBeVisibleAsync();

        await FillCartAndConfirmAsync("payment-result");
        var order = await PlatformStack.EventuallyAsync(LatestOrderAsync, o => o.Status == OrderStatus.AwaitingPayment, "order submitted");

        // The host says «completed», but Invoicebox has not been paid: the buyer waits, and is not told «Оплачено».
        await _page.EvaluateAsync("() => window.emulator.sendPaymentResult('completed')");
        await Expect(app.Locator("[data-status=\"pending\"]")).ToBeVisibleAsync();
        await _page.WaitForTimeoutAsync(1_000);
        await Expect(app.Locator("[data-status=\"paid\"]")).ToHaveCountAsync(0);
        Assert.Equal(OrderStatus.AwaitingPayment, (await LatestOrderAsync()).Status);

        // Paid for real: the signed notification moves our order, and the screen follows it.
        await fx.Stack.EmulatorControl.PayAsync(order.InvoiceboxContainerId!);
        await Expect(app.Locator("[data-status=\"paid\"]")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await _page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("order-payment-result-confirmed"), FullPage = true });
    }

    [Fact]
    public async Task Suborder_mode_adds_the_order_to_the_open_invoice()
    {
        await _page.GotoAsync(fx.ParentUrl("suborder"));
        await Expect(MiniApp.Locator("[data-ready=\"catalog\"]")).ToBeVisibleAsync();
        var container = new Uri(_page.Url).Query.Split("containerId=").ElementAtOrDefault(1)?.Split('&')[0];

        await FillCartAndConfirmAsync("suborder");

        var order = await PlatformStack.EventuallyAsync(LatestOrderAsync, o => o.Status == OrderStatus.AwaitingPayment, "suborder submitted");
        Assert.Equal(OrderStatus.AwaitingPayment, order.Status);
        Assert.Equal(order.RequestedContainerId, order.InvoiceboxContainerId);
        if (container is not null)
            Assert.Equal(container, order.InvoiceboxContainerId);
        var inInvoice = (await fx.Stack.EmulatorControl.OrdersAsync()).Where(o => o.GetProperty("orderContainerId").GetString() == order.InvoiceboxContainerId).ToList();
        Assert.Equal(2, inInvoice.Count); // the main merchant's order and ours
        // done → the parent refreshes the invoice it shows: our lines appear in it.
        await Expect(_page.Locator("body")).ToContainTextAsync("Зёрна Эфиопия");
        await _page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("suborder-invoice-refreshed"), FullPage = true });

        await fx.Stack.EmulatorControl.PayAsync(order.InvoiceboxContainerId!);
        await PlatformStack.EventuallyAsync(LatestOrderAsync, o => o.Status == OrderStatus.Paid, "suborder paid");
    }

    [Fact]
    public async Task A_suborder_for_an_invoice_paid_meanwhile_is_refused_with_its_reason_and_no_retry_of_the_same()
    {
        await _page.GotoAsync(fx.ParentUrl("suborder"));
        await Expect(MiniApp.Locator("[data-ready=\"catalog\"]")).ToBeVisibleAsync();
        var container = new Uri(_page.Url).Query.Split("containerId=")[1].Split('&')[0];
        // The buyer paid the invoice in another tab while choosing: nothing can be added to it any more.
        await fx.Stack.EmulatorControl.PayAsync(container);

        await FillCartAndConfirmAsync("suborder-paid-invoice");

        var app = MiniApp;
        await Expect(app.Locator("[data-status=\"error\"]")).ToContainTextAsync("Счёт уже оплачен", new() { Timeout = 30_000 });
        await _page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("suborder-paid-invoice-refused"), FullPage = true });
        Assert.Equal(OrderStatus.Rejected, (await LatestOrderAsync()).Status);
        // Sending the same again would be refused the same way: no retry, the way on is back to the cart.
        await Expect(app.Locator("[data-fk=\"retry\"]")).ToHaveCountAsync(0);
        // «Создаём заказ…» was said while creating; it does not linger in the page next to the refusal.
        await Expect(app.Locator("#live")).ToHaveTextAsync("", new() { Timeout = 10_000 });

        await app.Locator("[data-fk=\"err-back\"]").ClickAsync();
        await Expect(app.Locator("#contact-name")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_mini_app_loads_inside_the_invoicebox_parent_and_is_blocked_in_a_frame_of_another_origin()
    {
        await _page.GotoAsync(fx.ParentUrl("order"));
        await Expect(MiniApp.Locator("[data-ready=\"catalog\"]")).ToBeVisibleAsync();

        var blocked = await _context.NewPageAsync();
        var violations = new List<string>();
        blocked.Console += (_, message) => violations.Add(message.Text);
        await blocked.GotoAsync(fx.ParentUrl("order", parentOrigin: fx.Stack.ForeignOrigin));
        await blocked.WaitForTimeoutAsync(2000);

        var frame = blocked.Frames.Single(f => f != blocked.MainFrame);
        Assert.DoesNotContain($"/m/{fx.Shop.ShopId}/", frame.Url);
        Assert.Contains(violations, v => v.Contains("frame-ancestors"));
    }
}
