using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Platform.Data.Shops;
using Platform.Domain.Orders;
using Platform.Testing;
using static Microsoft.Playwright.Assertions;

namespace Platform.BrowserTests.Portal;

/// <summary>
/// A merchant's first day, in headless Chromium: sign up, enter an emulator merchant's credentials, check the
/// connection, import the catalog from CSV, go live; a buyer buys in the mini-app through the Invoicebox (emulator)
/// parent; the paid order and its timeline appear in the portal. Screenshots go to artifacts/screenshots/portal-*.png.
/// </summary>
public sealed class MerchantJourneyTests(PortalJourneyFixture fx) : IClassFixture<PortalJourneyFixture>, IAsyncLifetime
{
    private const int ShopId = 424_242;
    private IBrowserContext _context = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        _context = await fx.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1200, Height = 900 } });
        _page = await _context.NewPageAsync();
        _page.SetDefaultTimeout(20_000);
    }

    public async Task DisposeAsync() => await _context.DisposeAsync();

    private Task ShotAsync(string name) => _page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("portal-" + name), FullPage = true });

    [Fact]
    public async Task From_sign_up_to_a_paid_order_with_its_timeline_in_the_portal()
    {
        // Sign up: a draft shop and its owner.
        await _page.GotoAsync(fx.PortalUrl("/Account/SignUp"));
        await _page.FillAsync("#ShopName", "Кофейня «Journey»");
        await _page.FillAsync("#OwnerName", "Мария");
        await _page.FillAsync("#Email", "maria@journey.test");
        await _page.FillAsync("#Password", "Journey-pass-2026");
        await ShotAsync("01-sign-up");
        await _page.ClickAsync("button[type=submit].primary");
        await Expect(_page.Locator(".badge.status-draft")).ToBeVisibleAsync();
        await ShotAsync("02-overview-draft");

        // A point of sale: the Invoicebox shopId whose mini-app URL the merchant pastes into the cabinet.
        await _page.GotoAsync(fx.PortalUrl("/Shop/PointsOfSale"));
        await _page.FillAsync("#NewShopId", ShopId.ToString());
        await _page.FillAsync("#NewName", "Основная точка");
        await _page.ClickAsync("form[action*=Add] button[type=submit]");
        await Expect(_page.Locator("table")).ToContainTextAsync($"/m/{ShopId}/");

        // Credentials of an emulator merchant, then «Проверить подключение».
        await _page.GotoAsync(fx.PortalUrl("/Shop/Invoicebox"));
        await _page.FillAsync("#Input_MerchantId", PlatformStack.MerchantZerno.MerchantId);
        await _page.FillAsync("#Input_Token", PlatformStack.MerchantZerno.Token);
        await _page.FillAsync("#Input_NotificationKey", PlatformStack.MerchantZerno.NotificationKey);
        await _page.ClickAsync("form[action*=Save] button[type=submit]");
        await Expect(_page.Locator(".notice")).ToBeVisibleAsync();
        await _page.ClickAsync("#check-connection");
        await Expect(_page.Locator("#check-result")).ToContainTextAsync("Подключение работает");
        await Expect(_page.Locator("body")).Not.ToContainTextAsync(PlatformStack.MerchantZerno.Token);
        await ShotAsync("03-connection-ok");

        // The catalog from a CSV file as Russian Excel saves it.
        var csv = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(
            "sku;name;category;price;vat_code;unit_code;item_type;payment_type;active;description\r\n" +
            "CAP-300;Капучино 300 мл;Напитки;220,00;RUS_VAT22;796;commodity;full_prepayment;1;Двойной эспрессо и молоко\r\n" +
            "BEAN-ETH;Эфиопия Иргачеффе;Зёрна;2 450,00;RUS_VAT22;166;commodity;full_prepayment;1;Цена за килограмм\r\n")).ToArray();
        await _page.GotoAsync(fx.PortalUrl("/Catalog/Import"));
        await _page.SetInputFilesAsync("input[type=file]", new FilePayload { Name = "catalog.csv", MimeType = "text/csv", Buffer = csv });
        await _page.ClickAsync("button[type=submit].primary");
        await Expect(_page.Locator("[data-count=new]")).ToHaveTextAsync("2");
        await ShotAsync("04-import-preview");
        await _page.ClickAsync("#apply-import");
        await Expect(_page.Locator("table.catalog")).ToContainTextAsync("Эфиопия Иргачеффе");
        await Expect(_page.Locator("table.catalog")).ToContainTextAsync("2\u00a0450,00\u00a0₽, в т. ч. НДС 22\u00a0%");
        await ShotAsync("05-catalog");

        // Go live.
        await _page.GotoAsync(fx.PortalUrl("/Shop/Launch"));
        await Expect(_page.Locator(".checklist li.todo")).ToHaveCountAsync(0);
        await _page.ClickAsync("#launch");
        await Expect(_page.Locator("#shop-status")).ToHaveTextAsync("Работает");
        await ShotAsync("06-live");
        var tenantId = await fx.Stack.Data.GetRequiredDbAsync(db => db.Tenants.Where(t => t.Slug == "kofeynya-journey").Select(t => t.Id).SingleAsync());
        Assert.Equal(TenantStatus.Live, await fx.Stack.Data.GetRequiredDbAsync(db => db.Tenants.Where(t => t.Id == tenantId).Select(t => t.Status).SingleAsync()));
        var cappuccino = await fx.Stack.InTenantAsync(tenantId, db => db.Products.Where(p => p.Sku == "CAP-300").Select(p => p.Id).SingleAsync());

        // A buyer in the Invoicebox parent window (the emulator) buys in the mini-app and pays.
        var buyer = await _context.NewPageAsync();
        var miniAppUrl = new Uri(fx.Stack.ApiAddress, $"/m/{ShopId}/").ToString();
        await buyer.GotoAsync($"{fx.EmulatorOrigin}/_emulator/parent?mode=order&src={Uri.EscapeDataString(miniAppUrl)}");
        var app = buyer.FrameLocator("iframe");
        await Expect(app.Locator("[data-ready=\"catalog\"]")).ToBeVisibleAsync();
        await app.Locator($"[data-fk=\"add:{cappuccino}\"]").ClickAsync();
        await app.Locator($"[data-fk=\"inc:{cappuccino}\"]").ClickAsync();
        await app.Locator("[data-fk=\"open-cart\"]").ClickAsync();
        await Expect(app.Locator("#contact-name")).Not.ToHaveValueAsync("");
        await app.Locator("[data-fk=\"next\"]").ClickAsync();
        await app.Locator("[data-fk=\"submit\"]").ClickAsync();
        await buyer.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/order/[0-9a-f-]{36}$"));
        await buyer.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("portal-07-buyer-payment-page"), FullPage = true });
        await buyer.GetByRole(AriaRole.Button, new() { Name = "Оплатить" }).ClickAsync();
        await Expect(buyer.Locator("body")).ToContainTextAsync("Оплачено", new() { Timeout = 30_000 });
        await buyer.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("portal-08-buyer-paid"), FullPage = true });

        // The merchant sees the paid order and its timeline.
        var order = await PlatformStack.EventuallyAsync(
            () => fx.Stack.InTenantAsync(tenantId, db => db.Orders.AsNoTracking().OrderByDescending(o => o.Number).FirstAsync()),
            o => o.Status == OrderStatus.Paid, "the order paid");
        await _page.GotoAsync(fx.PortalUrl("/Orders?status=Paid"));
        await Expect(_page.Locator("table.orders")).ToContainTextAsync(order.MerchantOrderId);
        await ShotAsync("09-orders");
        await _page.ClickAsync($"a[href='/Orders/{order.Id}']");
        await Expect(_page.Locator("#order-status")).ToHaveTextAsync("Оплачен");
        await Expect(_page.Locator("#timeline")).ToContainTextAsync("Ждёт оплаты → Оплачен");
        await Expect(_page.Locator("body")).ToContainTextAsync(order.InvoiceboxOrderId!);
        await ShotAsync("10-order-timeline");

        // And on a phone the same page is one readable column with a menu button.
        await _page.SetViewportSizeAsync(390, 844);
        await _page.ReloadAsync();
        await Expect(_page.Locator(".nav-toggle-label")).ToBeVisibleAsync();
        await ShotAsync("11-order-phone");
    }
}

internal static class DataExtensions
{
    public static async Task<T> GetRequiredDbAsync<T>(this IServiceProvider services, Func<Platform.Data.PlatformDbContext, Task<T>> work)
    {
        await using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateAsyncScope(services);
        return await work(Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Platform.Data.PlatformDbContext>(scope.ServiceProvider));
    }
}
