using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.Data;
using Platform.Data.Catalog;
using Platform.Data.Identity;
using Platform.Data.Secrets;
using Platform.Data.Shops;
using Platform.Data.Tenancy;
using Platform.Domain.Catalog;
using Platform.Domain.Money;

namespace Platform.Migrations;

public sealed class DemoOptions
{
    /// <summary>Where the demo shops' Invoicebox credentials point: the emulator of the local run.</summary>
    public string InvoiceboxBaseUrl { get; set; } = "http://127.0.0.1:5400";
}

/// <summary>Demo merchants as the Invoicebox emulator configures them by default (tests/Invoicebox.Emulator/appsettings.json).</summary>
public static class DemoMerchants
{
    public sealed record Merchant(int ShopId, string MerchantId, string Token, string NotificationKey);

    public static readonly Merchant Zerno = new(1001, "0193a1c0-0000-7000-8000-000000001001", "5f0c3d7e0c01a1c0b2e5f0c3d7e01001", "demo-notification-key-1001");
    public static readonly Merchant Romashka = new(1002, "0193a1c0-0000-7000-8000-000000001002", "5f0c3d7e0c01a1c0b2e5f0c3d7e01002", "demo-notification-key-1002");
}

/// <summary>Two live demo shops with catalogs, their merchant logins, an operator and a support login. Idempotent.</summary>
public sealed class DemoSeed(
    PlatformDbContext db,
    TenantScopeFactory tenants,
    UserManager<PlatformUser> users,
    RoleManager<IdentityRole<Guid>> roles,
    IOptions<DemoOptions> options)
{
    public static readonly (string Email, string Password, string Role)[] Logins =
    [
        ("owner@zerno.demo", "Demo-pass-1001", PlatformRoles.Owner),
        ("owner@romashka.demo", "Demo-pass-1002", PlatformRoles.Owner),
        ("operator@platform.demo", "Operator-pass-1", PlatformRoles.Operator),
        ("support@platform.demo", "Support-pass-1", PlatformRoles.Support),
    ];

    public async Task RunAsync(CancellationToken ct)
    {
        foreach (var role in PlatformRoles.All)
            if (!await roles.RoleExistsAsync(role))
                Check(await roles.CreateAsync(new IdentityRole<Guid>(role)));

        var zerno = await EnsureShopAsync("zerno", "Кофейня «Зерно»", "#6F4E37", DemoMerchants.Zerno, ZernoCatalog, ct);
        var romashka = await EnsureShopAsync("romashka", "Цветочная лавка «Ромашка»", "#C2185B", DemoMerchants.Romashka, RomashkaCatalog, ct);

        await EnsureUserAsync(Logins[0], zerno);
        await EnsureUserAsync(Logins[1], romashka);
        await EnsureUserAsync(Logins[2], null);
        await EnsureUserAsync(Logins[3], null);
        Console.WriteLine("Demo data ready.");
    }

    private async Task<Guid> EnsureShopAsync(string slug, string name, string color, DemoMerchants.Merchant merchant,
        (string Category, ProductSeed[] Products)[] catalog, CancellationToken ct)
    {
        var existing = await db.Tenants.Where(t => t.Slug == slug).Select(t => (Guid?)t.Id).SingleOrDefaultAsync(ct);
        if (existing is { } id)
        {
            // The emulator may have moved (PLATFORM_EMULATOR_PORT): the demo shops follow it.
            await tenants.RunAsync(id, sp => sp.GetRequiredService<PlatformDbContext>().InvoiceboxSettings
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ApiBaseUrl, options.Value.InvoiceboxBaseUrl), ct));
            return id;
        }

        var now = DateTimeOffset.UtcNow;
        var tenant = new Tenant { Name = name, Slug = slug, DisplayName = name, BrandColor = color, Status = TenantStatus.Live, CreatedAt = now, LiveSince = now };
        db.Tenants.Add(tenant);
        await db.SaveChangesAsync(ct);

        await tenants.RunAsync(tenant.Id, async sp =>
        {
            var tdb = sp.GetRequiredService<PlatformDbContext>();
            var protector = sp.GetRequiredService<CredentialProtector>();
            tdb.PointsOfSale.Add(new PointOfSale { ShopId = merchant.ShopId, Name = name, CreatedAt = now });
            tdb.InvoiceboxSettings.Add(new InvoiceboxSettings
            {
                MerchantId = merchant.MerchantId,
                ApiBaseUrl = options.Value.InvoiceboxBaseUrl,
                ApiPrefix = "/v3",
                ProtectedToken = protector.Protect(merchant.Token),
                TokenHint = CredentialProtector.Hint(merchant.Token),
                ProtectedNotificationKey = protector.Protect(merchant.NotificationKey),
                NotificationKeyHint = CredentialProtector.Hint(merchant.NotificationKey),
                CheckSucceeded = true,
                CheckedAt = now,
                CheckMessage = "Demo credentials of the local Invoicebox emulator.",
                UpdatedAt = now,
            });
            var sort = 0;
            foreach (var (categoryName, products) in catalog)
            {
                var category = new Category { Name = categoryName, SortOrder = sort };
                tdb.Categories.Add(category);
                foreach (var p in products)
                {
                    var image = new StoredImage { ContentType = "image/svg+xml", Content = Placeholder(p.Name, color), CreatedAt = now };
                    tdb.Images.Add(image);
                    tdb.Products.Add(new Product
                    {
                        Category = category, Sku = p.Sku, Name = p.Name, Description = p.Description,
                        Price = new Kopecks(p.PriceKopecks), VatCode = p.Vat, MeasureName = p.Measure, MeasureCode = p.MeasureCode,
                        ItemType = p.Type, PaymentType = PaymentType.FullPrepayment, SortOrder = sort++, ImageId = image.Id,
                        CreatedAt = now, UpdatedAt = now,
                    });
                }
            }
            await tdb.SaveChangesAsync(ct);
        });
        return tenant.Id;
    }

    private async Task EnsureUserAsync((string Email, string Password, string Role) login, Guid? tenantId)
    {
        if (await users.FindByEmailAsync(login.Email) is not null)
            return;
        var user = new PlatformUser
        {
            UserName = login.Email, Email = login.Email, EmailConfirmed = true, TenantId = tenantId,
            DisplayName = login.Email.Split('@')[0],
        };
        Check(await users.CreateAsync(user, login.Password));
        Check(await users.AddToRoleAsync(user, login.Role));
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    private static byte[] Placeholder(string name, string color) => Encoding.UTF8.GetBytes(
        $"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 160 120"><rect width="160" height="120" rx="12" fill="{color}" opacity="0.15"/><circle cx="80" cy="60" r="34" fill="{color}" opacity="0.85"/><text x="80" y="72" font-family="sans-serif" font-size="34" text-anchor="middle" fill="#fff">{System.Security.SecurityElement.Escape(name[..1])}</text></svg>""");

    private sealed record ProductSeed(string Sku, string Name, string Description, long PriceKopecks, VatCode Vat, string Measure, string MeasureCode, ItemType Type);

    private static readonly (string, ProductSeed[])[] ZernoCatalog =
    [
        ("Кофе в зёрнах",
        [
            new("BEAN-ETH", "Эфиопия Иргачеффе", "Светлая обжарка, цитрус и жасмин. Цена за килограмм.", 245000, VatCode.RUS_VAT22, "кг", "166", ItemType.Commodity),
            new("BEAN-COL", "Колумбия Супремо", "Средняя обжарка, карамель и орех. Цена за килограмм.", 189000, VatCode.RUS_VAT20, "кг", "166", ItemType.Commodity),
            new("BEAN-BRA", "Бразилия Сантос", "Тёмная обжарка для эспрессо. Цена за килограмм.", 159050, VatCode.RUS_VAT10, "кг", "166", ItemType.Commodity),
        ]),
        ("Напитки и выпечка",
        [
            new("CUP-CAP", "Капучино 300 мл", "Двойной эспрессо и молоко.", 22000, VatCode.RUS_VAT22, "шт", "796", ItemType.Commodity),
            new("CUP-LAT", "Латте 400 мл", "Мягкий, с молочной пеной.", 26000, VatCode.RUS_VAT22, "шт", "796", ItemType.Commodity),
            new("WATER-05", "Вода питьевая 0,5 л", "Негазированная.", 8000, VatCode.RUS_VAT0, "шт", "796", ItemType.Commodity),
            new("BAKE-CRO", "Круассан", "Сливочный, из печи утром.", 15000, VatCode.RUS_VAT10, "шт", "796", ItemType.Commodity),
        ]),
        ("Мастер-классы и аренда",
        [
            new("CLASS-BREW", "Мастер-класс по заварке", "Воронка, аэропресс и френч-пресс за час.", 150000, VatCode.VATNONE, "час", "356", ItemType.Service),
            new("CLASS-CUP", "Каппинг", "Дегустация пяти сортов с обжарщиком.", 120000, VatCode.RUS_VAT0, "час", "356", ItemType.Service),
            new("RENT-MACH", "Аренда кофемашины", "Профессиональная машина для мероприятия; НДС сверху.", 80000, VatCode.RUS_VAT22_ADDED, "час", "356", ItemType.Service),
        ]),
    ];

    private static readonly (string, ProductSeed[])[] RomashkaCatalog =
    [
        ("Букеты",
        [
            new("BQ-ROSE", "Букет из 15 роз", "Красные розы, 60 см.", 450000, VatCode.RUS_VAT22, "шт", "796", ItemType.Commodity),
            new("BQ-FIELD", "Полевой букет", "Ромашки, васильки, колоски.", 180000, VatCode.RUS_VAT22, "шт", "796", ItemType.Commodity),
        ]),
        ("Услуги",
        [
            new("SRV-DELIV", "Доставка по городу", "В течение двух часов.", 50000, VatCode.VATNONE, "шт", "796", ItemType.Service),
            new("SRV-DECOR", "Оформление зала", "Флорист на площадке, почасово.", 300000, VatCode.RUS_VAT20, "час", "356", ItemType.Service),
        ]),
    ];
}
