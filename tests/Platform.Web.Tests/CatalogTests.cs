using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Platform.Domain.Money;

namespace Platform.Web.Tests;

[Collection(nameof(PortalCollection))]
public sealed class CatalogTests(PortalFixture fx)
{
    private static Dictionary<string, string> Product(string sku, string price, string vat = "RUS_VAT22", string unit = "796") => new()
    {
        ["Input.Sku"] = sku, ["Input.Name"] = "Товар " + sku, ["Input.Description"] = "", ["Input.Price"] = price, ["Input.VatCode"] = vat,
        ["Input.UnitCode"] = unit, ["Input.ItemType"] = "Commodity", ["Input.PaymentType"] = "FullPrepayment", ["Input.IsActive"] = "true",
    };

    [Fact]
    public async Task The_next_page_lists_the_rest_of_the_catalog_and_keeps_the_search()
    {
        var (shop, owner) = await fx.NewShopAsync("cat-paging");
        await fx.InTenantAsync(shop.Id, db =>
        {
            for (var i = 1; i <= 52; i++)
                db.Products.Add(new Platform.Data.Catalog.Product { Sku = $"PG-{i:D2}", Name = $"Страница {i:D2}", Price = new Kopecks(10_000), SortOrder = i });
            return db.SaveChangesAsync();
        });

        var first = await owner.GetPageAsync("/Catalog?q=PG-");
        var second = await owner.GetPageAsync("/Catalog?q=PG-&page=2");

        Assert.Contains("/Catalog?q=PG-&amp;page=2", first);
        Assert.Contains("PG-50", first);
        Assert.DoesNotContain("PG-51", first);
        Assert.Contains("PG-51", second);
        Assert.Contains("PG-52", second);
        Assert.DoesNotContain("PG-50", second);
    }

    [Fact]
    public async Task An_english_reader_sees_units_in_english_while_the_stored_name_stays_russian()
    {
        var (shop, owner) = await fx.NewShopAsync("cat-units-en");
        await owner.PostFormAsync("/Catalog/Product", Product("BEANS-EN", "100", unit: "166"));
        await owner.PostFormAsync("/Culture", new() { ["culture"] = "en" }, page: "/Catalog");

        var row = Regex.Match(WebUtility.HtmlDecode(await owner.GetPageAsync("/Catalog")), "<tr[^>]*>(?:(?!</tr>).)*BEANS-EN(?:(?!</tr>).)*</tr>", RegexOptions.Singleline).Value;

        Assert.Contains("<td>kg</td>", row);
        Assert.Equal("кг", await fx.InTenantAsync(shop.Id, db => db.Products.Where(p => p.Sku == "BEANS-EN").Select(p => p.MeasureName).SingleAsync()));
    }

    [Fact]
    public async Task A_product_is_saved_with_a_decimal_comma_price_and_shown_with_its_vat()
    {
        var (shop, owner) = await fx.NewShopAsync("cat-create");

        var saved = await owner.PostFormAsync("/Catalog/Product", Product("MUG-1", "1 234,50"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var product = await fx.InTenantAsync(shop.Id, db => db.Products.SingleAsync(p => p.Sku == "MUG-1"));
        Assert.Equal(new Kopecks(123_450), product.Price);
        // NBSPs arrive as &#xA0; (the HTML encoder always escapes non-ASCII spaces).
        var list = WebUtility.HtmlDecode(await owner.GetPageAsync("/Catalog"));
        Assert.Contains("1\u00a0234,50\u00a0₽, в т. ч. НДС 22\u00a0% — 222,61\u00a0₽", list); // 123 450 × 22 / 122 = 22 261,47 → 222,61
    }

    [Fact]
    public async Task A_price_with_vat_on_top_shows_what_the_buyer_pays()
    {
        var (_, owner) = await fx.NewShopAsync("cat-added");

        await owner.PostFormAsync("/Catalog/Product", Product("RENT-1", "1000", "RUS_VAT22_ADDED", "356"));

        Assert.Contains("1\u00a0000,00\u00a0₽ + НДС 22\u00a0% 220,00\u00a0₽ = 1\u00a0220,00\u00a0₽", WebUtility.HtmlDecode(await owner.GetPageAsync("/Catalog")));
    }

    [Theory]
    [InlineData("0", "Input.Price")]
    [InlineData("-5", "Input.Price")]
    [InlineData("12,345", "Input.Price")]
    [InlineData("abc", "Input.Price")]
    public async Task A_price_must_be_above_zero_with_at_most_two_decimals(string price, string field)
    {
        var (shop, owner) = await fx.NewShopAsync("cat-price-" + Math.Abs(price.GetHashCode()));

        var response = await owner.PostFormAsync("/Catalog/Product", Product("BAD-PRICE", price));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"data-valmsg-for=\"{field}\"", await response.Content.ReadAsStringAsync());
        Assert.False(await fx.InTenantAsync(shop.Id, db => db.Products.AnyAsync(p => p.Sku == "BAD-PRICE")));
    }

    [Theory]
    [InlineData("10 000 000,00", "VATNONE", true)]
    [InlineData("10 000 000,01", "VATNONE", false)]
    [InlineData("9 000 000,00", "RUS_VAT22_ADDED", false)] // 10 980 000,00 with the VAT on top
    [InlineData("99999999999", "RUS_VAT22", false)]
    public async Task A_price_no_order_could_hold_is_refused(string price, string vat, bool saved)
    {
        var (shop, owner) = await fx.NewShopAsync("cat-max-" + Math.Abs((price + vat).GetHashCode()));

        var response = await owner.PostFormAsync("/Catalog/Product", Product("DEAR", price, vat));

        Assert.Equal(saved, await fx.InTenantAsync(shop.Id, db => db.Products.AnyAsync(p => p.Sku == "DEAR")));
        if (!saved)
            Assert.Contains("самого большого заказа", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Unknown_vat_codes_and_units_and_too_long_names_are_refused()
    {
        var (shop, owner) = await fx.NewShopAsync("cat-fields");
        var fields = Product("BAD-FIELDS", "10");
        fields["Input.VatCode"] = "RUS_VAT18";
        fields["Input.UnitCode"] = "999";
        fields["Input.Name"] = new string('x', 501);

        var html = await (await owner.PostFormAsync("/Catalog/Product", fields)).Content.ReadAsStringAsync();

        Assert.Contains("field-validation-error\" data-valmsg-for=\"Input.VatCode\"", html);
        Assert.Contains("field-validation-error\" data-valmsg-for=\"Input.UnitCode\"", html);
        Assert.Contains("field-validation-error\" data-valmsg-for=\"Input.Name\"", html);
        Assert.False(await fx.InTenantAsync(shop.Id, db => db.Products.AnyAsync(p => p.Sku == "BAD-FIELDS")));
    }

    [Fact]
    public async Task A_second_product_with_the_same_sku_is_refused()
    {
        var (_, owner) = await fx.NewShopAsync("cat-dupe");
        await owner.PostFormAsync("/Catalog/Product", Product("SAME", "10"));

        var html = await (await owner.PostFormAsync("/Catalog/Product", Product("SAME", "20"))).Content.ReadAsStringAsync();

        Assert.Contains("Товар с таким артикулом уже есть", html);
    }

    [Fact]
    public async Task The_same_sku_may_exist_in_two_shops()
    {
        var owner = await fx.SignInAsync(fx.OwnerA.Email!);

        var saved = await owner.PostFormAsync("/Catalog/Product", Product("shop-b-SKU", "10"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    [Fact]
    public async Task Products_move_up_and_down_within_their_category_and_can_be_hidden()
    {
        var (shop, owner) = await fx.NewShopAsync("cat-order");
        foreach (var sku in new[] { "A1", "A2", "A3" })
            await owner.PostFormAsync("/Catalog/Product", Product(sku, "10"));
        var a3 = await fx.InTenantAsync(shop.Id, db => db.Products.Where(p => p.Sku == "A3").Select(p => p.Id).SingleAsync());

        await owner.PostFormAsync("/Catalog?handler=Move", new() { ["id"] = a3.ToString(), ["direction"] = "-1" });
        await owner.PostFormAsync("/Catalog?handler=Toggle", new() { ["id"] = a3.ToString() });

        var order = await fx.InTenantAsync(shop.Id, db => db.Products.Where(p => p.Sku.StartsWith("A")).OrderBy(p => p.SortOrder).Select(p => p.Sku).ToListAsync());
        Assert.Equal(["A1", "A3", "A2"], order);
        Assert.False(await fx.InTenantAsync(shop.Id, db => db.Products.Where(p => p.Id == a3).Select(p => p.IsActive).SingleAsync()));
    }

    [Fact]
    public async Task Categories_are_added_renamed_ordered_and_deleted_without_losing_products()
    {
        var (shop, owner) = await fx.NewShopAsync("cat-categories");
        await owner.PostFormAsync("/Catalog/Categories?handler=Add", new() { ["name"] = "Напитки" });
        await owner.PostFormAsync("/Catalog/Categories?handler=Add", new() { ["name"] = "Выпечка" });
        var duplicate = await owner.PostFormAsync("/Catalog/Categories?handler=Add", new() { ["name"] = "напитки" });
        Assert.Contains("Такая категория уже есть", await duplicate.Content.ReadAsStringAsync());
        var bakery = await fx.InTenantAsync(shop.Id, db => db.Categories.Where(c => c.Name == "Выпечка").Select(c => c.Id).SingleAsync());

        await owner.PostFormAsync("/Catalog/Categories?handler=Move", new() { ["id"] = bakery.ToString(), ["direction"] = "-1" });
        var names = await fx.InTenantAsync(shop.Id, db => db.Categories.OrderBy(c => c.SortOrder).Select(c => c.Name).ToListAsync());
        Assert.True(names.IndexOf("Выпечка") < names.IndexOf("Напитки"), string.Join(", ", names));

        await owner.PostFormAsync("/Catalog/Categories?handler=Delete", new() { ["id"] = bakery.ToString() });
        Assert.False(await fx.InTenantAsync(shop.Id, db => db.Categories.AnyAsync(c => c.Id == bakery)));
    }

    [Theory]
    [InlineData("/Catalog/Product", "Image")]
    [InlineData("/Shop", "Logo")]
    public async Task A_picture_over_the_limit_gets_the_same_sentence_whatever_its_size(string page, string field)
    {
        var (_, owner) = await fx.NewShopAsync("pic-big-" + field.ToLowerInvariant());
        var fields = page == "/Shop"
            ? new Dictionary<string, string> { ["Input.Name"] = "Big", ["Input.DisplayName"] = "Big", ["Input.BrandColor"] = "#112233", ["Input.DefaultLocale"] = "ru" }
            : Product("PIC-BIG", "10");

        foreach (var size in new[] { 1024 * 1024 + 1, 3 * 1024 * 1024, 20 * 1024 * 1024 })
        {
            var response = await owner.PostMultipartAsync(page, fields, field, "big.png", [.. TestImages.Png, .. new byte[size]], "image/png");

            var html = response.StatusCode == HttpStatusCode.Redirect
                ? await owner.GetPageAsync(response.Headers.Location!.OriginalString)
                : await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"{size} bytes: answered {(int)response.StatusCode}");
            Assert.Contains("Картинка больше 1 МБ. Уменьшите её и загрузите снова.", html);
        }
    }

    [Fact]
    public async Task A_product_picture_must_be_a_real_image_of_at_most_one_megabyte()
    {
        var (shop, owner) = await fx.NewShopAsync("cat-image");
        var fields = Product("PIC-1", "10");

        var text = await owner.PostMultipartAsync("/Catalog/Product", fields, "Image", "photo.jpg", "GIF89a not really"u8.ToArray(), "image/jpeg");
        Assert.Contains("Подходят только картинки", await text.Content.ReadAsStringAsync());

        var ok = await owner.PostMultipartAsync("/Catalog/Product", fields, "Image", "photo.png", TestImages.Png, "image/png");
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.NotNull(await fx.InTenantAsync(shop.Id, db => db.Products.Where(p => p.Sku == "PIC-1").Select(p => p.ImageId).SingleAsync()));
    }
}
