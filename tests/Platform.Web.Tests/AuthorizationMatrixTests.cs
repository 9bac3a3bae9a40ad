using System.Net;
using Microsoft.EntityFrameworkCore;
using Platform.Data.Identity;
using Platform.Testing;

namespace Platform.Web.Tests;

/// <summary>
/// Who may reach what. A merchant of shop A names shop B's ids in routes and forms and gets 404 (no such thing in
/// their shop) or 403; nothing of B changes. Staff may not touch owner-only things; merchants may not enter the
/// operator console; support reads the console but cannot act.
/// </summary>
[Collection(nameof(PortalCollection))]
public sealed class AuthorizationMatrixTests(PortalFixture fx)
{
    public static TheoryData<string> ShopBPages => new()
    {
        "/Catalog/Product/{product}",
        "/Orders/{order}",
        "/images/{image}",
    };

    [Theory]
    [MemberData(nameof(ShopBPages))]
    public async Task A_merchant_of_shop_A_cannot_open_pages_of_shop_B(string template)
    {
        var client = await fx.SignInAsync(fx.OwnerA.Email!);
        var image = await fx.InTenantAsync(fx.ShopB.Id, db => db.Products.Where(p => p.Id == fx.ShopB.ProductId).Select(p => p.ImageId!.Value).SingleAsync());

        var response = await client.GetAsync(template.Replace("{product}", fx.ShopB.ProductId.ToString())
            .Replace("{order}", fx.ShopB.OrderId.ToString()).Replace("{image}", image.ToString()));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    public static TheoryData<string, string[]> ShopBActions => new()
    {
        { "/Catalog?handler=Toggle", ["id={product}"] },
        { "/Catalog?handler=Move", ["id={product}", "direction=1"] },
        { "/Catalog/Product/{product}", ["Input.Sku=HACKED", "Input.Name=Hacked", "Input.Price=1", "Input.VatCode=VATNONE", "Input.UnitCode=796", "Input.IsActive=true"] },
        { "/Catalog/Product/{product}?handler=Delete", [] },
        { "/Catalog/Categories?handler=Rename", ["id={category}", "name=Hacked"] },
        { "/Catalog/Categories?handler=Move", ["id={category}", "direction=1"] },
        { "/Catalog/Categories?handler=Delete", ["id={category}"] },
        { "/Shop/PointsOfSale?handler=Remove", ["id={pos}"] },
        { "/Orders/{order}?handler=Recheck", [] },
        { "/Orders/{order}?handler=Cancel", [] },
        { "/Orders/{order}?handler=Refund", ["all=true"] },
        { "/Shop/Team?handler=Remove", ["id={userB}"] },
        { "/Shop/Team?handler=Resend", ["id={userB}"] },
    };

    [Theory]
    [MemberData(nameof(ShopBActions))]
    public async Task A_merchant_of_shop_A_cannot_act_on_things_of_shop_B(string template, string[] fields)
    {
        var client = await fx.SignInAsync(fx.OwnerA.Email!);
        var ids = await IdsOfShopBAsync();
        string Fill(string s) => ids.Aggregate(s, (text, id) => text.Replace("{" + id.Key + "}", id.Value));
        var before = await SnapshotOfShopBAsync();

        var response = await client.PostCraftedFormAsync(Fill(template),
            fields.Select(Fill).Select(f => f.Split('=', 2)).ToDictionary(p => p[0], p => p[1]), tokenFrom: "/");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, await SnapshotOfShopBAsync());
    }

    public static TheoryData<string, string[]> OwnerOnlyActions => new()
    {
        { "/Shop/Invoicebox?handler=Save", ["Input.MerchantId=00000000-0000-4000-8000-000000000099", "Input.ApiPrefix=/v3", "Input.ApiBaseUrl=https://api.invoicebox.ru", "Input.Token=stolen-token-00000000000000000000"] },
        { "/Shop?handler=", ["Input.Name=Renamed", "Input.DisplayName=Renamed", "Input.BrandColor=#000000", "Input.DefaultLocale=ru"] },
        { "/Shop/PointsOfSale?handler=Add", ["NewShopId=999001", "NewName=Staff point"] },
        { "/Shop/Launch?handler=Suspend", [] },
        { "/Shop/Launch?handler=Launch", [] },
        { "/Shop/Team?handler=Invite", ["InviteEmail=friend@test.local", "InviteRole=owner"] },
        { "/Shop/Framing", ["Origins=https://evil.example"] },
        { "/Orders/{order}?handler=Refund", ["all=true"] },
    };

    [Theory]
    [MemberData(nameof(OwnerOnlyActions))]
    public async Task Staff_cannot_change_credentials_settings_team_status_or_refund(string template, string[] fields)
    {
        var staff = await fx.SignInAsync(fx.StaffA.Email!);
        var before = await SnapshotOfShopAAsync();

        var response = await staff.PostCraftedFormAsync(template.Replace("{order}", fx.ShopA.OrderId.ToString()),
            fields.Select(f => f.Split('=', 2)).ToDictionary(p => p[0], p => p[1]), tokenFrom: "/");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await SnapshotOfShopAAsync());
    }

    [Theory]
    [InlineData("/Shop/Team")]
    [InlineData("/Shop/Framing")]
    public async Task Staff_cannot_open_owner_pages(string page)
    {
        var staff = await fx.SignInAsync(fx.StaffA.Email!);

        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync(page)).StatusCode);
    }

    [Fact]
    public async Task Staff_see_the_credentials_read_only_without_the_notification_url_and_its_secret_key()
    {
        var staff = await fx.SignInAsync(fx.StaffA.Email!);

        var page = await staff.GetPageAsync("/Shop/Invoicebox");

        Assert.Contains("Изменять данные подключения может только владелец", page);
        Assert.Contains("00000000-0000-4000-8000-000000000001", page);
        Assert.Contains("••••0000", page);
        Assert.DoesNotContain("handler=Save", page);
        Assert.DoesNotContain(fx.ShopA.WebhookKey, page);
        Assert.DoesNotContain("/hooks/invoicebox/", page);
    }

    [Theory]
    [InlineData("/Shop")]
    [InlineData("/Shop/Invoicebox")]
    [InlineData("/Shop/PointsOfSale")]
    [InlineData("/Shop/Launch")]
    [InlineData("/Orders/{order}")]
    [InlineData("/Catalog")]
    public async Task Every_form_a_page_offers_staff_is_one_staff_may_submit(string template)
    {
        var shop = await TenantSeeder.SeedAsync(fx.Data, "staff-forms-" + template.Length + template[^3..].ToLowerInvariant().Trim('/', '}'));
        // A paid order with refundable lines, so the page would show refund controls to an owner.
        await fx.InTenantAsync(shop.Id, db => db.Orders.Where(o => o.Id == shop.OrderId).ExecuteUpdateAsync(u => u
            .SetProperty(o => o.Status, Domain.Orders.OrderStatus.Paid).SetProperty(o => o.InvoiceboxOrderId, "ib-paid-order")));
        var email = $"staff@{shop.Id:N}.test";
        await fx.CreateUserAsync(email, PlatformRoles.Staff, shop.Id);
        var staff = await fx.SignInAsync(email);
        var page = template.Replace("{order}", shop.OrderId.ToString());
        var html = await staff.GetPageAsync(page);

        var forms = RenderedForm.All(html, page).Select(f => f.Action).Distinct()
            .Where(action => action is not ("/Culture" or "/Account/Logout")).ToList();

        foreach (var action in forms)
        {
            var response = await staff.PostFormAsync(html, page, action, []);
            Assert.True(response.StatusCode != HttpStatusCode.Forbidden, $"{page} offers staff a form to {action}, which answers 403");
        }
    }

    [Theory]
    [InlineData("/Operator")]
    [InlineData("/Operator/Health")]
    public async Task A_merchant_cannot_enter_the_operator_console(string page)
    {
        var owner = await fx.SignInAsync(fx.OwnerA.Email!);

        Assert.Equal(HttpStatusCode.Forbidden, (await owner.GetAsync(page)).StatusCode);
    }

    [Theory]
    [InlineData("/Catalog")]
    [InlineData("/Orders")]
    [InlineData("/Shop")]
    public async Task An_operator_has_no_shop_and_cannot_open_merchant_pages(string page)
    {
        var op = await fx.SignInAsync(PortalFixture.OperatorEmail);

        Assert.Equal(HttpStatusCode.Forbidden, (await op.GetAsync(page)).StatusCode);
    }

    [Theory]
    [InlineData(PortalFixture.OperatorEmail)]
    [InlineData(PortalFixture.SupportEmail)]
    public async Task Operators_and_support_reach_the_console(string email)
    {
        var client = await fx.SignInAsync(email);

        var page = await client.GetPageAsync("/Operator");

        Assert.Contains("shop-a", page);
        Assert.Contains("shop-b", page);
    }

    [Fact]
    public async Task Support_cannot_suspend_a_shop()
    {
        var support = await fx.SignInAsync(PortalFixture.SupportEmail);

        var response = await support.PostCraftedFormAsync("/Operator?handler=Suspend", new() { ["id"] = fx.ShopB.Id.ToString() }, tokenFrom: "/Operator");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(Data.Shops.TenantStatus.Live, await fx.InDatabaseAsync(db => db.Tenants.Where(t => t.Id == fx.ShopB.Id).Select(t => t.Status).SingleAsync()));
    }

    private async Task<Dictionary<string, string>> IdsOfShopBAsync()
    {
        var (category, pos) = await fx.InTenantAsync(fx.ShopB.Id, async db =>
            (await db.Categories.Select(c => c.Id).FirstAsync(), await db.PointsOfSale.Select(p => p.Id).FirstAsync()));
        return new()
        {
            ["product"] = fx.ShopB.ProductId.ToString(), ["order"] = fx.ShopB.OrderId.ToString(), ["category"] = category.ToString(),
            ["pos"] = pos.ToString(), ["userB"] = fx.OwnerB.Id.ToString(),
        };
    }

    /// <summary>Everything of shop B the actions above could change, as one comparable string.</summary>
    private Task<string> SnapshotOfShopBAsync() => SnapshotAsync(fx.ShopB.Id);

    private Task<string> SnapshotOfShopAAsync() => SnapshotAsync(fx.ShopA.Id);

    private async Task<string> SnapshotAsync(Guid tenantId)
    {
        var tenantPart = await fx.InDatabaseAsync(async db =>
        {
            var t = await db.Tenants.AsNoTracking().SingleAsync(x => x.Id == tenantId);
            var users = await db.Users.Where(u => u.TenantId == tenantId).OrderBy(u => u.Email).Select(u => u.Email + u.SecurityStamp).ToListAsync();
            return $"{t.Name}|{t.Status}|{string.Join(',', t.FramingOrigins)}|{string.Join(',', users)}";
        });
        var ownedPart = await fx.InTenantAsync(tenantId, async db =>
        {
            var products = await db.Products.AsNoTracking().OrderBy(p => p.Id).Select(p => $"{p.Sku}{p.Name}{p.IsActive}{p.SortOrder}").ToListAsync();
            var categories = await db.Categories.AsNoTracking().OrderBy(c => c.Id).Select(c => $"{c.Name}{c.SortOrder}").ToListAsync();
            var points = await db.PointsOfSale.AsNoTracking().OrderBy(p => p.ShopId).Select(p => p.ShopId).ToListAsync();
            var settings = await db.InvoiceboxSettings.AsNoTracking().Select(s => s.MerchantId + s.TokenHint).SingleAsync();
            var orders = await db.Orders.AsNoTracking().OrderBy(o => o.Id).Select(o => $"{o.Status}").ToListAsync();
            var events = await db.OrderEvents.CountAsync();
            var refunds = await db.Refunds.CountAsync();
            return $"{string.Join(',', products)}|{string.Join(',', categories)}|{string.Join(',', points)}|{settings}|{string.Join(',', orders)}|{events}|{refunds}";
        });
        return tenantPart + "#" + ownedPart;
    }
}
