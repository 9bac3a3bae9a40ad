using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Data.Shops;
using Platform.Data.Tenancy;
using Platform.Testing;
using SkiaSharp;

namespace Platform.Web.Tests;

[Collection(nameof(PortalCollection))]
public sealed class ShopSettingsTests(PortalFixture fx)
{
    private const string EmulatorMerchant = "0193a1c0-0000-7000-8000-000000001001";
    private const string EmulatorToken = "5f0c3d7e0c01a1c0b2e5f0c3d7e01001";

    private Dictionary<string, string> Credentials(string merchantId = EmulatorMerchant, string token = EmulatorToken, string? baseUrl = null) => new()
    {
        ["Input.MerchantId"] = merchantId, ["Input.ApiPrefix"] = "/v3", ["Input.ApiBaseUrl"] = baseUrl ?? fx.EmulatorUrl,
        ["Input.Token"] = token, ["Input.NotificationKey"] = "demo-notification-key-1001",
    };

    /// <summary>A live shop whose emulator credentials were saved, and so checked.</summary>
    private async Task<(TenantSeeder.SeededTenant Shop, PortalClient Owner)> ShopWithCheckedCredentialsAsync(string slug)
    {
        var (shop, owner) = await fx.NewShopAsync(slug);
        await owner.PostFormAsync("/Shop/Invoicebox?handler=Save", Credentials());
        return (shop, owner);
    }

    [Fact]
    public async Task The_token_and_notification_key_are_stored_encrypted_and_shown_only_as_a_hint()
    {
        var (shop, owner) = await fx.NewShopAsync("creds-hint");

        var saved = await owner.PostFormAsync("/Shop/Invoicebox?handler=Save", Credentials());
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var page = await owner.GetPageAsync("/Shop/Invoicebox");
        Assert.DoesNotContain(EmulatorToken, page);
        Assert.DoesNotContain("demo-notification-key-1001", page);
        Assert.Contains("••••1001", page);
        var settings = await fx.InTenantAsync(shop.Id, db => db.InvoiceboxSettings.SingleAsync());
        Assert.DoesNotContain(EmulatorToken, settings.ProtectedToken);
        Assert.Equal("••••1001", settings.TokenHint);
    }

    [Fact]
    public async Task Leaving_the_token_blank_keeps_the_saved_one()
    {
        var (shop, owner) = await fx.NewShopAsync("creds-keep");
        await owner.PostFormAsync("/Shop/Invoicebox?handler=Save", Credentials());
        var before = await fx.InTenantAsync(shop.Id, db => db.InvoiceboxSettings.Select(s => s.ProtectedToken).SingleAsync());

        var fields = Credentials();
        fields["Input.Token"] = "";
        fields["Input.NotificationKey"] = "";
        var saved = await owner.PostFormAsync("/Shop/Invoicebox?handler=Save", fields);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(before, await fx.InTenantAsync(shop.Id, db => db.InvoiceboxSettings.Select(s => s.ProtectedToken).SingleAsync()));
    }

    [Theory]
    [InlineData("not-a-guid", "Input.MerchantId")]
    [InlineData(EmulatorMerchant, "Input.ApiBaseUrl")]
    public async Task Invalid_credentials_are_refused_with_the_field_named(string merchantId, string field)
    {
        var (_, owner) = await fx.NewShopAsync("creds-invalid-" + field.Length + merchantId.Length);
        var fields = Credentials(merchantId, baseUrl: field == "Input.ApiBaseUrl" ? "http://api.example.ru/v3?x=1" : null);

        var response = await owner.PostFormAsync("/Shop/Invoicebox?handler=Save", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"field-validation-error\" data-valmsg-for=\"{field}\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_connection_check_succeeds_with_an_emulator_merchant_and_is_recorded()
    {
        var (shop, owner) = await fx.NewShopAsync("check-ok");
        await owner.PostFormAsync("/Shop/Invoicebox?handler=Save", Credentials());

        var checkedResponse = await owner.PostFormAsync("/Shop/Invoicebox?handler=Check", new());

        Assert.Equal(HttpStatusCode.Redirect, checkedResponse.StatusCode);
        Assert.Contains("Подключение работает", await owner.GetPageAsync("/Shop/Invoicebox"));
        var settings = await fx.InTenantAsync(shop.Id, db => db.InvoiceboxSettings.SingleAsync());
        Assert.True(settings.CheckSucceeded);
        Assert.NotNull(settings.CheckedAt);
    }

    [Fact]
    public async Task Saving_new_credentials_checks_them_at_once_and_a_live_shop_with_refused_ones_is_flagged_on_the_overview()
    {
        var (shop, owner) = await fx.NewShopAsync("save-checks");
        Task<bool> CheckSucceededAsync() => fx.InTenantAsync(shop.Id, db => db.InvoiceboxSettings.Select(s => s.CheckSucceeded).SingleAsync());

        await owner.PostFormAsync("/Shop/Invoicebox?handler=Save", Credentials());
        Assert.Contains("Сохранено и проверено. Подключение работает", await owner.GetPageAsync("/Shop/Invoicebox"));
        Assert.True(await CheckSucceededAsync());
        Assert.DoesNotContain("id=\"attention\"", await owner.GetPageAsync("/"));

        await owner.PostFormAsync("/Shop/Invoicebox?handler=Save", Credentials(token: "ffffffffffffffffffffffffffffffff"));
        var page = await owner.GetPageAsync("/Shop/Invoicebox");
        Assert.Contains("Сохранено, но проверка не прошла. Инвойсбокс не принял токен", page);
        Assert.Contains("Магазин работает: пока подключение не исправлено", page);
        Assert.False(await CheckSucceededAsync());
        var overview = await owner.GetPageAsync("/");
        Assert.Contains("id=\"attention\"", overview);
        Assert.Contains("Подключение к Инвойсбоксу не проверено или проверка не прошла. <a href=\"/Shop/Invoicebox\">Исправить</a>", overview);
    }

    [Theory]
    [InlineData("wrong-token", "Инвойсбокс не принял токен")]
    [InlineData("wrong-merchant", "нет доступа к магазину с этим merchantId")]
    [InlineData("unreachable", "Инвойсбокс не ответил")]
    public async Task A_failed_connection_check_says_what_is_wrong_in_plain_words(string problem, string expected)
    {
        var (shop, owner) = await fx.NewShopAsync("check-" + problem);
        var fields = problem switch
        {
            "wrong-token" => Credentials(token: "ffffffffffffffffffffffffffffffff"),
            "wrong-merchant" => Credentials(merchantId: "0193a1c0-0000-7000-8000-000000001002"),
            _ => Credentials(baseUrl: PortalFixture.UnreachableInvoiceboxUrl),
        };
        await owner.PostFormAsync("/Shop/Invoicebox?handler=Save", fields);

        await owner.PostFormAsync("/Shop/Invoicebox?handler=Check", new());

        Assert.Contains(expected, await owner.GetPageAsync("/Shop/Invoicebox"));
        Assert.False(await fx.InTenantAsync(shop.Id, db => db.InvoiceboxSettings.Select(s => s.CheckSucceeded).SingleAsync()));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5432")]
    [InlineData("http://localhost:15672")]
    [InlineData("https://evil.example")]
    [InlineData("https://api.invoicebox.ru.evil.example")]
    [InlineData("http://api.invoicebox.ru")]
    public async Task An_api_address_outside_the_allow_list_is_refused_when_saving(string baseUrl)
    {
        var (shop, owner) = await fx.NewShopAsync("ssrf-save-" + Math.Abs(baseUrl.GetHashCode()) % 100_000);

        var response = await owner.PostFormAsync("/Shop/Invoicebox?handler=Save", Credentials(baseUrl: baseUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("field-validation-error\" data-valmsg-for=\"Input.ApiBaseUrl\"", page);
        Assert.Contains("Этот адрес API не разрешён на платформе", page);
        Assert.Equal(fx.EmulatorUrl, await fx.InTenantAsync(shop.Id, db => db.InvoiceboxSettings.Select(s => s.ApiBaseUrl).SingleAsync()));
    }

    [Fact]
    public async Task A_stored_api_address_outside_the_allow_list_is_never_called_by_the_connection_check()
    {
        var (shop, owner) = await fx.NewShopAsync("ssrf-check");
        await owner.PostFormAsync("/Shop/Invoicebox?handler=Save", Credentials());
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var target = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
        // Saved before the allow-list existed, or the list was narrowed since.
        await fx.InTenantAsync(shop.Id, db => db.InvoiceboxSettings.ExecuteUpdateAsync(u => u.SetProperty(s => s.ApiBaseUrl, target)));

        var checkedResponse = await owner.PostFormAsync("/Shop/Invoicebox?handler=Check", new());

        Assert.Equal(HttpStatusCode.Redirect, checkedResponse.StatusCode);
        Assert.Contains("Этот адрес API не разрешён на платформе, запросы по нему не отправляются", await owner.GetPageAsync("/Shop/Invoicebox"));
        Assert.False(listener.Pending(), "the portal connected to an address outside the allow-list");
        Assert.False(await fx.InTenantAsync(shop.Id, db => db.InvoiceboxSettings.Select(s => s.CheckSucceeded).SingleAsync()));
    }

    [Fact]
    public async Task The_page_shows_the_urls_to_paste_into_the_invoicebox_cabinet()
    {
        var owner = await fx.SignInAsync(fx.OwnerA.Email!);

        var page = await owner.GetPageAsync("/Shop/Invoicebox");

        Assert.Contains($"https://apps.example.test/hooks/invoicebox/{fx.ShopA.WebhookKey}", page);
        Assert.Contains($"https://apps.example.test/m/{fx.ShopA.ShopId}/", page);
    }

    [Fact]
    public async Task A_shop_id_of_another_shop_is_refused_with_a_clear_sentence()
    {
        var owner = await fx.SignInAsync(fx.OwnerA.Email!);

        var response = await owner.PostFormAsync("/Shop/PointsOfSale?handler=Add", new() { ["NewShopId"] = fx.ShopB.ShopId.ToString(), ["NewName"] = "Stolen" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("уже подключена к другому магазину", await response.Content.ReadAsStringAsync());
        Assert.Equal(fx.ShopB.Id, await fx.InDatabaseAsync(db => db.PointsOfSale.IgnoreQueryFilters().Where(p => p.ShopId == fx.ShopB.ShopId).Select(p => p.TenantId).SingleAsync()));
    }

    [Fact]
    public async Task Adding_a_point_of_sale_evicts_the_buyer_apis_cached_copy()
    {
        var (shop, owner) = await fx.NewShopAsync("pos-evict");
        var store = fx.App.Services.GetRequiredService<TenantStore>();
        Assert.Null(await store.FindByShopIdAsync(880_001, CancellationToken.None));
        var tenantBefore = await store.FindByIdAsync(shop.Id, CancellationToken.None);

        var added = await owner.PostFormAsync("/Shop/PointsOfSale?handler=Add", new() { ["NewShopId"] = "880001", ["NewName"] = "Kiosk" });

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(shop.Id, (await store.FindByShopIdAsync(880_001, CancellationToken.None))!.Tenant.Id);
        Assert.NotNull(tenantBefore);
    }

    [Fact]
    public async Task Launching_needs_the_checklist_then_makes_the_shop_live_and_notifies_the_buyer_edge()
    {
        var (shop, owner) = await fx.NewShopAsync("launch", TenantStatus.Draft);
        var store = fx.App.Services.GetRequiredService<TenantStore>();
        Assert.Equal(TenantStatus.Draft, (await store.FindByIdAsync(shop.Id, CancellationToken.None))!.Status);

        var refused = await owner.PostFormAsync("/Shop/Launch?handler=Launch", new());
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("Сначала выполните все пункты", await owner.GetPageAsync("/Shop/Launch"));
        Assert.Equal(TenantStatus.Draft, await StatusAsync(shop.Id));

        await owner.PostFormAsync("/Shop/Invoicebox?handler=Save", Credentials()); // saving checks them
        await owner.PostFormAsync("/Shop/Launch?handler=Launch", new());

        Assert.Equal(TenantStatus.Live, await StatusAsync(shop.Id));
        Assert.Equal(TenantStatus.Live, (await store.FindByIdAsync(shop.Id, CancellationToken.None))!.Status);

        await owner.PostFormAsync("/Shop/Launch?handler=Suspend", new());
        Assert.Equal(TenantStatus.Suspended, await StatusAsync(shop.Id));
        Assert.Equal(TenantStatus.Suspended, (await store.FindByIdAsync(shop.Id, CancellationToken.None))!.Status);

        await owner.PostFormAsync("/Shop/Launch?handler=Launch", new());
        Assert.Equal(TenantStatus.Live, await StatusAsync(shop.Id));
    }

    [Fact]
    public async Task A_shop_suspended_by_an_operator_cannot_be_resumed_by_its_owner()
    {
        var (shop, owner) = await ShopWithCheckedCredentialsAsync("op-suspended");
        var op = await fx.SignInAsync(PortalFixture.OperatorEmail);

        var suspended = await op.PostFormAsync("/Operator?handler=Suspend", new() { ["id"] = shop.Id.ToString(), ["reason"] = "Жалобы покупателей" });
        Assert.Equal(HttpStatusCode.Redirect, suspended.StatusCode);
        await owner.PostCraftedFormAsync("/Shop/Launch?handler=Launch", new(), tokenFrom: "/");

        Assert.Equal(TenantStatus.Suspended, await StatusAsync(shop.Id));
        Assert.Contains("Жалобы покупателей", await owner.GetPageAsync("/Shop/Launch"));

        await op.PostFormAsync("/Operator?handler=Resume", new() { ["id"] = shop.Id.ToString() });
        Assert.Equal(TenantStatus.Live, await StatusAsync(shop.Id));
    }

    [Fact]
    public async Task Lifting_an_operators_suspension_leaves_a_shop_its_owner_paused_suspended_until_the_owner_resumes_it()
    {
        var (shop, owner) = await ShopWithCheckedCredentialsAsync("owner-paused");
        var store = fx.App.Services.GetRequiredService<TenantStore>();
        var op = await fx.SignInAsync(PortalFixture.OperatorEmail);

        await owner.PostFormAsync("/Shop/Launch?handler=Suspend", new());
        await op.PostFormAsync("/Operator?handler=Suspend", new() { ["id"] = shop.Id.ToString(), ["reason"] = "Проверка документов" });
        Assert.Contains("Вы тоже приостановили его", await owner.GetPageAsync("/Shop/Launch"));

        var lifted = await op.PostFormAsync("/Operator?handler=Resume", new() { ["id"] = shop.Id.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, lifted.StatusCode);
        Assert.Contains("остаётся приостановленным его владельцем", await op.GetPageAsync("/Operator"));
        Assert.Equal(TenantStatus.Suspended, await StatusAsync(shop.Id));
        Assert.Equal(TenantStatus.Suspended, (await store.FindByIdAsync(shop.Id, CancellationToken.None))!.Status);

        await owner.PostFormAsync("/Shop/Launch?handler=Launch", new());
        Assert.Equal(TenantStatus.Live, await StatusAsync(shop.Id));
    }

    [Fact]
    public async Task An_owners_resume_and_an_operators_suspension_at_the_same_moment_never_leave_a_suspended_shop_live()
    {
        var (shop, owner) = await ShopWithCheckedCredentialsAsync("lifecycle-race");
        var op = await fx.SignInAsync(PortalFixture.OperatorEmail);
        await owner.PostFormAsync("/Shop/Launch?handler=Suspend", new());

        for (var round = 0; round < 10; round++)
        {
            await Task.WhenAll(
                owner.PostFormAsync("/Shop/Launch?handler=Launch", new()),
                op.PostFormAsync("/Operator?handler=Suspend", new() { ["id"] = shop.Id.ToString(), ["reason"] = $"round {round}" }));

            var state = await fx.InDatabaseAsync(db => db.Tenants.AsNoTracking().SingleAsync(t => t.Id == shop.Id));
            Assert.True(state.SuspendedByOperator, $"round {round}: the operator's suspension was lost");
            Assert.Equal(TenantStatus.Suspended, state.Status);

            // Back to «paused by the owner» for the next round (it still is when the owner's resume came second and was refused).
            await op.PostFormAsync("/Operator?handler=Resume", new() { ["id"] = shop.Id.ToString() });
            if (await StatusAsync(shop.Id) == TenantStatus.Live)
                await owner.PostFormAsync("/Shop/Launch?handler=Suspend", new());
            Assert.Equal(TenantStatus.Suspended, await StatusAsync(shop.Id));
        }
    }

    [Fact]
    public async Task A_logo_is_accepted_by_its_png_signature_and_refused_when_it_only_has_a_png_name()
    {
        var (shop, owner) = await fx.NewShopAsync("logo");
        var fields = new Dictionary<string, string> { ["Input.Name"] = "Logo shop", ["Input.DisplayName"] = "Logo shop", ["Input.BrandColor"] = "#112233", ["Input.DefaultLocale"] = "en" };

        var fake = await owner.PostMultipartAsync("/Shop", fields, "Logo", "logo.png", "<svg onload=alert(1)>"u8.ToArray(), "image/png");
        Assert.Equal(HttpStatusCode.OK, fake.StatusCode);
        Assert.Contains("Подходят только картинки PNG, JPEG или WebP", await fake.Content.ReadAsStringAsync());

        var tooBig = await owner.PostMultipartAsync("/Shop", fields, "Logo", "big.png", [.. TestImages.Png, .. new byte[1024 * 1024]], "image/png");
        Assert.Contains("больше 1 МБ", await tooBig.Content.ReadAsStringAsync());

        var real = await owner.PostMultipartAsync("/Shop", fields, "Logo", "logo.bin", TestImages.Png);
        Assert.Equal(HttpStatusCode.Redirect, real.StatusCode);
        var tenant = await fx.InDatabaseAsync(db => db.Tenants.SingleAsync(t => t.Id == shop.Id));
        Assert.Equal("#112233", tenant.BrandColor);
        Assert.Equal("en", tenant.DefaultLocale);
        var image = await owner.GetAsync($"/images/{tenant.LogoImageId}");
        Assert.Equal("image/png", image.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData("cut-header", "повреждена или загружена не целиком")]
    [InlineData("cut-pixels", "повреждена или загружена не целиком")]
    [InlineData("too-wide", "Картинка 4097×1 точек слишком большая")]
    [InlineData("webp", null)]
    [InlineData("jpeg", null)]
    public async Task A_logo_must_decode_whole_and_be_at_most_4096_pixels_a_side(string kind, string? problem)
    {
        var (shop, owner) = await fx.NewShopAsync("logo-" + kind);
        var fields = new Dictionary<string, string> { ["Input.Name"] = "Logo shop", ["Input.DisplayName"] = "Logo shop", ["Input.BrandColor"] = "#112233", ["Input.DefaultLocale"] = "ru" };
        var noise = TestImages.Noise(64, 64, SKEncodedImageFormat.Png);
        var bytes = kind switch
        {
            "cut-header" => noise[..30],
            "cut-pixels" => noise[..(noise.Length / 2)],
            "too-wide" => TestImages.Noise(4097, 1, SKEncodedImageFormat.Png),
            "webp" => TestImages.Noise(64, 64, SKEncodedImageFormat.Webp),
            _ => TestImages.Noise(64, 64, SKEncodedImageFormat.Jpeg),
        };

        var response = await owner.PostMultipartAsync("/Shop", fields, "Logo", "logo.img", bytes);

        var logo = await fx.InDatabaseAsync(db => db.Tenants.Where(t => t.Id == shop.Id).Select(t => t.LogoImageId).SingleAsync());
        if (problem is null)
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.NotNull(logo);
        }
        else
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(problem, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
            Assert.Null(logo);
        }
    }

    [Fact]
    public async Task Framing_origins_accept_https_origins_and_refuse_anything_that_could_bend_the_header()
    {
        var (shop, owner) = await fx.NewShopAsync("framing");

        var bad = await owner.PostFormAsync("/Shop/Framing", new() { ["Origins"] = "https://shop.example.ru\nhttp://plain.example.ru\n* \nhttps://a.example.ru; script-src *\n'unsafe-inline'" });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Empty(await fx.InDatabaseAsync(db => db.Tenants.Where(t => t.Id == shop.Id).Select(t => t.FramingOrigins).SingleAsync()));

        var good = await owner.PostFormAsync("/Shop/Framing", new() { ["Origins"] = "https://Shop.Example.ru/\nhttps://*.example.com:8443" });
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Equal(["https://shop.example.ru", "https://*.example.com:8443"],
            await fx.InDatabaseAsync(db => db.Tenants.Where(t => t.Id == shop.Id).Select(t => t.FramingOrigins).SingleAsync()));
    }

    [Fact]
    public async Task The_preview_frames_the_mini_app_in_the_emulators_parent_page_and_says_when_buyers_see_unavailable()
    {
        var (_, owner) = await fx.NewShopAsync("preview", TenantStatus.Draft);

        var response = await owner.GetAsync("/Shop/Preview");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Contains($"{fx.EmulatorUrl}/_emulator/parent?src=https%3A%2F%2Fapps.example.test%2Fm%2F", page);
        Assert.Contains("Магазин не запущен", page);
        Assert.Contains($"frame-src {fx.EmulatorUrl}", Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
    }

    private Task<TenantStatus> StatusAsync(Guid id) => fx.InDatabaseAsync(db => db.Tenants.Where(t => t.Id == id).Select(t => t.Status).SingleAsync());
}

public static class TestImages
{
    /// <summary>A 1×1 PNG.</summary>
    public static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    /// <summary>A picture of random pixels (so it does not compress to nothing), encoded by SkiaSharp.</summary>
    public static byte[] Noise(int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height);
        var random = new Random(width * 31 + height);
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
                bitmap.SetPixel(x, y, new SKColor((uint)random.Next() | 0xFF000000));
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(format, 90).ToArray();
    }
}
