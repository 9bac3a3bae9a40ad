using System.Text.Json;
using Microsoft.Playwright;

namespace Platform.BrowserTests.Emulator;

/// <summary>
/// The emulator's parent window hosting the probe mini-app, which talks through the real @invoicebox/minapp-sdk
/// (4.0.0-alpha.20), in headless Chromium, the probe on another origin than the parent.
/// The probe must be built first: <c>cd tests/Invoicebox.Emulator/probe &amp;&amp; npm ci &amp;&amp; npm run build</c>.
/// </summary>
public sealed class ParentWindowTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private IBrowserContext _context = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        _context = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        _page = await _context.NewPageAsync();
        _page.SetDefaultTimeout(15_000);
    }

    public async Task DisposeAsync() => await _context.DisposeAsync();

    private async Task<IFrame> OpenParent(string mode, string extraQuery = "")
    {
        await _page.GotoAsync(fixture.ParentUrl(mode, extraQuery));
        var probe = _page.FrameLocator("#miniapp");
        await Assertions.Expect(probe.Locator("#status")).ToContainTextAsync("init получен");
        return _page.Frames.Single(f => f.Url.Contains("/_emulator/probe/", StringComparison.Ordinal));
    }

    private Task<JsonElement> Emulator(string expression) => _page.EvaluateAsync<JsonElement>($"() => {expression}");

    [Fact]
    public async Task Init_data_reaches_the_probe_through_the_real_sdk_across_origins()
    {
        var probe = await OpenParent("suborder", "&name=" + Uri.EscapeDataString("Анна Смирнова") + "&shopId=1002");

        var init = await probe.EvaluateAsync<JsonElement>("() => window.probe.initData");
        var containerId = _page.Url.Split("containerId=")[1].Split('&')[0];
        Assert.NotEqual(new Uri(_page.Url).Port, new Uri(probe.Url).Port);
        Assert.StartsWith((await Emulator("window.emulator.channelId")).GetString(), new Uri(probe.Url).Query.Replace("?id=", ""));
        Assert.Equal("suborder", init.GetProperty("minappType").GetString());
        Assert.Equal(containerId, init.GetProperty("orderContainerId").GetString());
        Assert.Equal("Анна Смирнова", init.GetProperty("userName").GetString());
        Assert.Equal(1002, init.GetProperty("shopId").GetInt32());
        Assert.False(init.GetProperty("fullHeight").GetBoolean());
        await Assertions.Expect(_page.FrameLocator("#miniapp").Locator("#meta-iata")).ToHaveTextAsync("SVO, AER");
        await _page.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("parent-suborder-init"), FullPage = true });
    }

    [Fact]
    public async Task Height_messages_resize_the_iframe()
    {
        var probe = await OpenParent("suborder");
        var before = await _page.Locator("#miniapp").EvaluateAsync<double>("f => f.getBoundingClientRect().height");

        await _page.FrameLocator("#miniapp").Locator("#grow").ClickAsync();
        await _page.FrameLocator("#miniapp").Locator("#grow").ClickAsync();

        await _page.WaitForFunctionAsync($"() => document.getElementById('miniapp').getBoundingClientRect().height >= {before + 200}");
        var lastHeight = await Emulator("window.emulator.log.filter(e => e.message.action === 'height').at(-1).message.data");
        var scrollHeight = await probe.EvaluateAsync<int>("() => Math.ceil(document.documentElement.scrollHeight)");
        Assert.Equal(scrollHeight, lastHeight.GetInt32());
        Assert.Equal($"{scrollHeight}px", await _page.Locator("#miniapp").EvaluateAsync<string>("f => f.style.height"));
    }

    [Fact]
    public async Task Done_in_suborder_mode_is_logged_and_the_invoice_shows_the_added_order()
    {
        await OpenParent("suborder");
        await Assertions.Expect(_page.Locator("#invoice-orders .order")).ToHaveCountAsync(1);

        await _page.FrameLocator("#miniapp").Locator("#add-order").ClickAsync();

        await _page.WaitForFunctionAsync("() => window.emulator.done.length === 1");
        var done = await Emulator("window.emulator.log.find(e => e.direction === 'in' && e.message.action === 'done').message");
        Assert.Matches("/order/[0-9a-f-]{36}$", done.GetProperty("data").GetString());
        await Assertions.Expect(_page.Locator("#message-log li[data-action='done']")).ToHaveCountAsync(1);
        await Assertions.Expect(_page.Locator("#invoice-orders .order")).ToHaveCountAsync(2);
        await Assertions.Expect(_page.Locator("#invoice-orders")).ToContainTextAsync("Кофе с собой");
        await Assertions.Expect(_page.Locator("#miniapp")).ToBeHiddenAsync();
        await _page.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("parent-suborder-done"), FullPage = true });
    }

    [Fact]
    public async Task Message_with_a_wrong_id_is_ignored()
    {
        var probe = await OpenParent("suborder");
        var heightBefore = await _page.Locator("#miniapp").EvaluateAsync<string>("f => f.style.height");
        var logBefore = (await Emulator("window.emulator.log.length")).GetInt32();

        await probe.EvaluateAsync("() => window.parent.postMessage({ id: 'not-the-channel', action: 'height', data: 999 }, '*')");

        await _page.WaitForFunctionAsync("() => window.emulator.ignored.some(i => i.data && i.data.id === 'not-the-channel')");
        Assert.Equal("wrong id", (await Emulator("window.emulator.ignored.find(i => i.data.id === 'not-the-channel').reason")).GetString());
        Assert.Equal(logBefore, (await Emulator("window.emulator.log.length")).GetInt32());
        Assert.False((await Emulator("window.emulator.log.some(e => e.message.data === 999)")).GetBoolean());
        Assert.Equal(heightBefore, await _page.Locator("#miniapp").EvaluateAsync<string>("f => f.style.height"));
        Assert.DoesNotContain("not-the-channel", await _page.Locator("#message-log").InnerTextAsync());
        await Assertions.Expect(_page.Locator("#ignored-log")).ToContainTextAsync("not-the-channel");
    }

    [Fact]
    public async Task Every_init_is_answered()
    {
        var probe = await OpenParent("suborder");

        await probe.EvaluateAsync("() => window.parent.postMessage({ id: new URL(location.href).searchParams.get('id'), action: 'init' }, '*')");

        await _page.WaitForFunctionAsync("() => window.emulator.log.filter(e => e.direction === 'out' && e.message.action === 'init').length === 2");
    }

    [Fact]
    public async Task Error_shows_a_toast_with_the_default_text_and_unavailable_hides_the_mini_app()
    {
        await OpenParent("suborder");
        var probe = _page.FrameLocator("#miniapp");

        await probe.Locator("#error").ClickAsync();
        await Assertions.Expect(_page.Locator("#toasts")).ToContainTextAsync("Что-то пошло не так");
        await probe.Locator("#unavailable").ClickAsync();

        await Assertions.Expect(_page.Locator("#unavailable")).ToHaveTextAsync("Сервис недоступен");
        await Assertions.Expect(_page.Locator("#miniapp")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Checkout_opens_the_payment_page_in_a_new_tab_and_the_test_pushes_a_payment_result()
    {
        await OpenParent("suborder");
        var probe = _page.FrameLocator("#miniapp");
        await probe.Locator("#done-url").FillAsync(new Uri(fixture.ParentOrigin, "/_emulator/").ToString());

        var popup = await _page.RunAndWaitForPopupAsync(() => probe.Locator("#checkout").ClickAsync());
        await _page.EvaluateAsync("() => window.emulator.sendPaymentResult('completed')");

        Assert.Contains("/_emulator/", popup.Url);
        await Assertions.Expect(probe.Locator("#received")).ToContainTextAsync("\"action\":\"paymentResult\",\"data\":\"completed\"");
    }

    [Fact]
    public async Task Update_data_is_sent_only_after_an_init_of_protocol_version_2()
    {
        await OpenParent("suborder");
        var probe = _page.FrameLocator("#miniapp");

        var refused = (await Emulator("window.emulator.sendUpdateData()")).GetBoolean();
        await probe.Locator("#init-v2").ClickAsync();
        await _page.WaitForFunctionAsync("() => window.emulator.protocolVersion === 2");
        await _page.Locator("#update-data").ClickAsync();

        Assert.False(refused);
        await Assertions.Expect(probe.Locator("#received")).ToContainTextAsync("\"action\":\"updateData\"");
    }

    [Fact]
    public async Task Done_in_order_mode_navigates_to_the_payment_page_where_the_payer_pays()
    {
        await OpenParent("order", "&shopId=");

        await _page.FrameLocator("#miniapp").Locator("#add-order").ClickAsync();

        await _page.WaitForURLAsync("**/order/*");
        await Assertions.Expect(_page.Locator("h1")).ToHaveTextAsync("Оплата счёта");
        await _page.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("payment-page"), FullPage = true });
        await _page.Locator("#pay").ClickAsync();
        await Assertions.Expect(_page.Locator("h1")).ToHaveTextAsync("Счёт оплачен");
        await _page.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("payment-page-paid"), FullPage = true });
    }
}
