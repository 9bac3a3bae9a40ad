using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Platform.BrowserTests.Portal;

/// <summary>
/// What only a real browser shows: the header forms work when clicked, the operator console fits a laptop screen, the
/// tab has an icon, and an oversized upload ends on the page with a sentence — with and without the page's script.
/// Screenshots go to artifacts/screenshots/portal-pages-*.png.
/// </summary>
public sealed class PortalPagesTests(PortalPagesFixture fx) : IClassFixture<PortalPagesFixture>, IAsyncLifetime
{
    private readonly List<string> _missing = [];
    private IBrowserContext _context = null!;
    private IPage _page = null!;

    public async Task InitializeAsync() => (_context, _page) = await OpenAsync(javaScript: true);

    public async Task DisposeAsync() => await _context.DisposeAsync();

    private async Task<(IBrowserContext, IPage)> OpenAsync(bool javaScript)
    {
        var context = await fx.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 }, JavaScriptEnabled = javaScript });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        page.Response += (_, response) =>
        {
            if (response.Status == 404)
                _missing.Add(response.Url);
        };
        return (context, page);
    }

    private Task ShotAsync(IPage page, string name) => page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("portal-pages-" + name), FullPage = true });

    [Fact]
    public async Task The_header_switches_the_language_and_signs_out_when_clicked()
    {
        await fx.SignInAsync(_page, PortalPagesFixture.OwnerEmail);
        await _page.GotoAsync(fx.Url("/Orders"));

        await _page.ClickAsync("header button:has-text('English')");

        await Expect(_page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(_page).ToHaveURLAsync(fx.Url("/Orders"));
        await _page.ClickAsync("header button:has-text('Sign out')");
        await Expect(_page).ToHaveURLAsync(fx.Url("/Account/Login"));
        await _page.GotoAsync(fx.Url("/Orders"));
        await Expect(_page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login\\?ReturnUrl="));
    }

    [Fact]
    public async Task The_operator_console_shows_its_suspend_column_whole_on_a_1280_pixel_screen()
    {
        await fx.SignInAsync(_page, PortalPagesFixture.OperatorEmail);
        await _page.GotoAsync(fx.Url("/Operator"));
        await ShotAsync(_page, "operator-1280");

        var wrap = _page.Locator(".table-wrap").First;
        var overflow = await wrap.EvaluateAsync<int>("el => el.scrollWidth - el.clientWidth");
        Assert.True(overflow <= 0, $"the shops table is {overflow} px wider than its box: its right columns are cut off");
        var wrapBox = (await wrap.BoundingBoxAsync())!;
        foreach (var button in await _page.Locator("#shops button:has-text('Приостановить')").AllAsync())
        {
            var box = (await button.BoundingBoxAsync())!;
            Assert.True(box.X + box.Width <= wrapBox.X + wrapBox.Width && box.X + box.Width <= 1280, $"«Приостановить» ends at {box.X + box.Width} px");
        }
    }

    [Fact]
    public async Task Pages_ask_the_server_for_nothing_it_does_not_have_not_even_an_icon()
    {
        await _page.GotoAsync(fx.Url("/Account/Login"));
        await fx.SignInAsync(_page, PortalPagesFixture.OwnerEmail);
        await _page.GotoAsync(fx.Url("/Catalog"));

        var icon = await _page.APIRequest.GetAsync(fx.Url("/favicon.ico"));
        Assert.Equal(200, icon.Status);
        Assert.Equal("image/x-icon", icon.Headers["content-type"]);
        Assert.Empty(_missing);
    }

    [Fact]
    public async Task The_browser_refuses_a_csv_over_the_limit_before_sending_it()
    {
        await fx.SignInAsync(_page, PortalPagesFixture.OwnerEmail);
        await _page.GotoAsync(fx.Url("/Catalog/Import"));
        await Expect(_page.Locator("form[enctype]")).ToContainTextAsync("не больше 2 МБ");
        var posted = false;
        _page.Request += (_, request) => posted |= request.Method == "POST";

        await _page.SetInputFilesAsync("input[type=file]", Csv("big.csv", 3 * 1024 * 1024));
        await _page.ClickAsync("button[type=submit].primary");

        var message = await _page.Locator("input[type=file]").EvaluateAsync<string>("el => el.validationMessage");
        Assert.Equal("Файл больше 2 МБ. Разбейте его на части.", message);
        Assert.False(posted, "the file was sent");
    }

    [Theory]
    [InlineData(3)]
    [InlineData(6)]
    [InlineData(40)]
    public async Task Without_the_pages_script_a_csv_over_the_limit_still_ends_on_the_import_page_with_the_sentence(int megabytes)
    {
        var (context, page) = await OpenAsync(javaScript: false);
        await using var _ = context;
        await fx.SignInAsync(page, PortalPagesFixture.OwnerEmail);
        await page.GotoAsync(fx.Url("/Catalog/Import"));

        await page.SetInputFilesAsync("input[type=file]", Csv("big.csv", megabytes * 1024 * 1024));
        await page.ClickAsync("button[type=submit].primary");

        await Expect(page.Locator("main")).ToContainTextAsync("Файл больше 2 МБ. Разбейте его на части.");
        await Expect(page.Locator("input[type=file]")).ToBeVisibleAsync();
        await ShotAsync(page, $"import-{megabytes}mb");
    }

    private static FilePayload Csv(string name, int size) => new()
    {
        Name = name, MimeType = "text/csv",
        Buffer = Encoding.UTF8.GetBytes("sku;name;price;vat_code\r\n").Concat(Enumerable.Repeat((byte)'x', size)).ToArray(),
    };
}
