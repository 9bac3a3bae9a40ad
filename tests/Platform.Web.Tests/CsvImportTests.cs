using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Platform.Domain.Money;
using Xunit.Abstractions;

namespace Platform.Web.Tests;

[Collection(nameof(PortalCollection))]
public sealed partial class CsvImportTests(PortalFixture fx, ITestOutputHelper output)
{
    private const string Header = "sku;name;category;price;vat_code;unit_code;item_type;payment_type;active;description";

    [Fact]
    public async Task A_russian_excel_file_with_bom_semicolons_and_decimal_commas_imports()
    {
        var (shop, owner) = await fx.NewShopAsync("csv-excel");
        var file = Bom(Header + "\r\n" +
            "BEAN-1;Кофе «Эфиопия»;Кофе;2 450,00;RUS_VAT22;166;commodity;full_prepayment;1;Цена за кг\r\n" +
            "CUP-1;Капучино;Напитки;220,5;RUS_VAT10;796;;;да;\r\n");

        var preview = await PreviewAsync(owner, file);
        Assert.Contains("data-count=\"new\">2<", preview);
        await ApplyAsync(owner, preview);

        var products = await fx.InTenantAsync(shop.Id, db => db.Products.Include(p => p.Category).Where(p => p.Sku != "csv-excel-SKU").OrderBy(p => p.Sku).ToListAsync());
        Assert.Equal(["BEAN-1", "CUP-1"], products.Select(p => p.Sku));
        Assert.Equal(new Kopecks(245_000), products[0].Price);
        Assert.Equal("166", products[0].MeasureCode);
        Assert.Equal("кг", products[0].MeasureName);
        Assert.Equal("Кофе", products[0].Category!.Name);
        Assert.Equal(new Kopecks(22_050), products[1].Price);
        Assert.Equal(VatCode.RUS_VAT10, products[1].VatCode);
    }

    [Fact]
    public async Task A_comma_separated_file_without_bom_and_with_dot_decimals_imports()
    {
        var (shop, owner) = await fx.NewShopAsync("csv-comma");
        var file = Encoding.UTF8.GetBytes("sku,name,price,vat_code\nW-1,\"Water, still\",80.00,RUS_VAT0\nW-2,Water sparkling,95,VATNONE\n");

        await ApplyAsync(owner, await PreviewAsync(owner, file));

        var water = await fx.InTenantAsync(shop.Id, db => db.Products.SingleAsync(p => p.Sku == "W-1"));
        Assert.Equal("Water, still", water.Name);
        Assert.Equal(new Kopecks(8_000), water.Price);
        Assert.Equal("796", water.MeasureCode);
    }

    [Fact]
    public async Task A_bad_row_is_reported_with_its_excel_row_number_and_nothing_is_saved()
    {
        var (shop, owner) = await fx.NewShopAsync("csv-bad");
        var file = Bom(Header + "\r\n" +
            "OK-1;Good;;10,00;RUS_VAT22;796;;;1;\r\n" +
            "OK-2;\"Two\nlines\";;11,00;RUS_VAT22;796;;;1;\r\n" +
            "\r\n" +
            "BAD-1;Bad price;;0;RUS_VAT22;796;;;1;\r\n" +
            "BAD-2;Bad vat;;5,00;RUS_VAT18;796;;;1;\r\n");

        var preview = await PreviewAsync(owner, file);

        // Excel rows: header 1, OK-1 2, OK-2 3 (one row despite the line break), empty 4, BAD-1 5, BAD-2 6.
        Assert.Equal([5, 6], ErrorLines(preview));
        Assert.Contains("Цена должна быть больше нуля", preview);
        Assert.Contains("RUS_VAT18", preview);
        Assert.DoesNotContain("apply-import", preview);
        Assert.False(await fx.InTenantAsync(shop.Id, db => db.Products.AnyAsync(p => p.Sku == "OK-1")));
    }

    [Fact]
    public async Task A_row_split_by_an_unquoted_decimal_comma_or_cut_by_an_open_quote_says_so()
    {
        var (shop, owner) = await fx.NewShopAsync("csv-fields");
        var commas = Encoding.UTF8.GetBytes("sku,name,price,vat_code\nC-1,Чай,120,50,RUS_VAT22\nC-2,Кофе,99,RUS_VAT22\n");
        var quote = Encoding.UTF8.GetBytes("sku;name;price;vat_code\nQ-1;Чай;120;RUS_VAT22\nQ-2;\"Кофе;99;RUS_VAT22\nQ-3;Сок;50;RUS_VAT22\n");

        var split = WebUtility.HtmlDecode(await PreviewAsync(owner, commas));
        var cut = WebUtility.HtmlDecode(await PreviewAsync(owner, quote));

        Assert.Equal([2], ErrorLines(split));
        Assert.Contains("В строке 5 полей, а в заголовке 4 столбцов. Поле с запятой — цену с десятичной запятой (120,50) или текст — возьмите в кавычки", split);
        Assert.DoesNotContain("код НДС", split);
        Assert.Equal([3], ErrorLines(cut));
        Assert.Contains("открыта кавычка, которая не закрыта до конца файла", cut);
        Assert.False(await fx.InTenantAsync(shop.Id, db => db.Products.AnyAsync(p => p.Sku.StartsWith("C-") || p.Sku.StartsWith("Q-"))));
    }

    [Fact]
    public async Task A_quote_left_open_in_the_last_column_is_an_error_not_a_description_that_swallows_the_rows_after_it()
    {
        var (shop, owner) = await fx.NewShopAsync("csv-open-quote");
        var file = Encoding.UTF8.GetBytes("sku,name,price,vat_code,description\nT-1,Чай,100,RUS_VAT22,\"Вкусный\nT-2,Кофе,200,RUS_VAT22,крепкий\nT-3,Сок,50,RUS_VAT22,ok\n");
        var fine = Encoding.UTF8.GetBytes("sku,name,price,vat_code,description\nM-1,Чай,100,RUS_VAT22,\"Две\nстроки, и \"\"кавычки\"\"\"\nM-2,Кофе,200,RUS_VAT22,ok\n");

        var preview = WebUtility.HtmlDecode(await PreviewAsync(owner, file));
        var multiline = await PreviewAsync(owner, fine);

        Assert.Equal([2], ErrorLines(preview));
        Assert.Contains("не закрыта до конца файла", preview);
        Assert.DoesNotContain("apply-import", preview);
        Assert.Contains("data-count=\"new\">2<", multiline);
        Assert.False(await fx.InTenantAsync(shop.Id, db => db.Products.AnyAsync(p => p.Sku.StartsWith("T-"))));
    }

    [Fact]
    public async Task A_price_above_the_largest_order_with_its_vat_is_a_row_error()
    {
        var (_, owner) = await fx.NewShopAsync("csv-dear");
        var file = Bom(Header + "\r\n" +
            "MAX-1;At the limit;;10 000 000,00;VATNONE;796;;;1;\r\n" +
            "MAX-2;Above with VAT on top;;9 000 000,00;RUS_VAT20_ADDED;796;;;1;\r\n");

        var preview = await PreviewAsync(owner, file);

        Assert.Equal([3], ErrorLines(preview));
        Assert.Contains("самого большого заказа", WebUtility.HtmlDecode(preview));
    }

    [Fact]
    public async Task A_file_tampered_with_after_the_preview_is_checked_again_and_not_saved()
    {
        var (shop, owner) = await fx.NewShopAsync("csv-tamper");
        var preview = await PreviewAsync(owner, Bom(Header + "\r\nX-1;Good;;1;RUS_VAT22;796;;;1;\r\n"));
        var bad = Convert.ToBase64String(Bom(Header + "\r\nX-1;Bad;;-1;RUS_VAT22;796;;;1;\r\n"));

        var response = await owner.PostFormAsync(preview, "/Catalog/Import", "/Catalog/Import?handler=Apply", new() { ["content"] = bad });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(await fx.InTenantAsync(shop.Id, db => db.Products.AnyAsync(p => p.Sku == "X-1")));
    }

    [Fact]
    public async Task A_sku_twice_in_the_file_is_an_error_naming_the_first_row()
    {
        var (_, owner) = await fx.NewShopAsync("csv-dupe");
        var file = Bom(Header + "\r\nD-1;First;;10,00;VATNONE;796;;;1;\r\nD-1;Second;;12,00;VATNONE;796;;;1;\r\n");

        var preview = await PreviewAsync(owner, file);

        Assert.Equal([3], ErrorLines(preview));
        Assert.Contains("уже встречался в строке 2", preview);
    }

    [Fact]
    public async Task A_sku_that_exists_is_updated_and_other_products_are_left_alone()
    {
        var (shop, owner) = await fx.NewShopAsync("csv-upsert");
        var file = Bom(Header + $"\r\ncsv-upsert-SKU;Renamed by import;Новая;99,90;RUS_VAT20;796;;;1;\r\nNEW-1;New one;;5,00;VATNONE;796;;;0;\r\n");

        var preview = await PreviewAsync(owner, file);
        Assert.Contains("data-count=\"updated\">1<", preview);
        Assert.Contains("data-count=\"new\">1<", preview);
        await ApplyAsync(owner, preview);

        var updated = await fx.InTenantAsync(shop.Id, db => db.Products.Include(p => p.Category).SingleAsync(p => p.Sku == "csv-upsert-SKU"));
        Assert.Equal("Renamed by import", updated.Name);
        Assert.Equal(new Kopecks(9_990), updated.Price);
        Assert.Equal("Новая", updated.Category!.Name);
        Assert.False(await fx.InTenantAsync(shop.Id, db => db.Products.Where(p => p.Sku == "NEW-1").Select(p => p.IsActive).SingleAsync()));
    }

    [Fact]
    public async Task An_okei_code_whose_leading_zeros_excel_dropped_is_understood()
    {
        var (shop, owner) = await fx.NewShopAsync("csv-zeros");

        await ApplyAsync(owner, await PreviewAsync(owner, Bom(Header + "\r\nCABLE;Кабель;;45,00;RUS_VAT22;6;;;1;\r\n")));

        Assert.Equal("006", await fx.InTenantAsync(shop.Id, db => db.Products.Where(p => p.Sku == "CABLE").Select(p => p.MeasureCode).SingleAsync()));
    }

    [Fact]
    public async Task The_export_imports_back_unchanged()
    {
        var (shop, owner) = await fx.NewShopAsync("csv-roundtrip");
        await ApplyAsync(owner, await PreviewAsync(owner, Bom(Header + "\r\n" +
            "R-1;\"Name; with \"\"quotes\"\"\";Кофе;1 234,56;RUS_VAT22_ADDED;166;commodity;prepayment;1;\"Line one\nline two\"\r\n" +
            "R-2;=cmd|' /C calc'!A0;;0,01;VATNONE;356;service;full_payment;0;\r\n")));

        var export = await owner.GetAsync("/Catalog?handler=Export");
        var bytes = await export.Content.ReadAsByteArrayAsync();
        Assert.Equal("text/csv", export.Content.Headers.ContentType!.MediaType);
        Assert.True(bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]), "the export starts with a UTF-8 byte order mark for Excel");
        Assert.Contains("1234,56", Encoding.UTF8.GetString(bytes));

        var preview = await PreviewAsync(owner, bytes);

        Assert.Empty(ErrorLines(preview));
        Assert.Contains("data-count=\"new\">0<", preview);
        Assert.Contains("data-count=\"updated\">0<", preview);
        Assert.Contains("data-count=\"unchanged\">3<", preview);
        Assert.Contains("'=cmd", Encoding.UTF8.GetString(bytes)); // escaped for Excel in the file, read back as it was
        var r1 = await fx.InTenantAsync(shop.Id, db => db.Products.SingleAsync(p => p.Sku == "R-1"));
        Assert.Equal("Name; with \"quotes\"", r1.Name);
        Assert.Equal("Line one\nline two", r1.Description);
    }

    [Fact]
    public async Task Five_thousand_rows_are_previewed_and_imported_together()
    {
        var (shop, owner) = await fx.NewShopAsync("csv-bulk");
        var text = new StringBuilder(Header + "\r\n");
        for (var i = 1; i <= 5000; i++)
            text.Append($"BULK-{i:D5};Товар номер {i};Категория {i % 20};{i},{i % 100:D2};RUS_VAT22;796;commodity;full_prepayment;1;Описание товара {i}\r\n");
        var file = Bom(text.ToString());

        var watch = Stopwatch.StartNew();
        var preview = await PreviewAsync(owner, file);
        var previewTime = watch.Elapsed;
        Assert.Contains("data-count=\"new\">5000<", preview);
        await ApplyAsync(owner, preview);
        var total = watch.Elapsed;
        output.WriteLine($"5000 rows ({file.Length / 1024} KiB): preview {previewTime.TotalMilliseconds:F0} ms, preview + import {total.TotalMilliseconds:F0} ms");
        Console.WriteLine($"CSV timing: 5000 rows ({file.Length / 1024} KiB): preview {previewTime.TotalMilliseconds:F0} ms, preview + import {total.TotalMilliseconds:F0} ms");

        // The timing is a measurement (read it in the test results), not an assertion: speed is not judged by a timed test.
        Assert.Equal(5000, await fx.InTenantAsync(shop.Id, db => db.Products.CountAsync(p => p.Sku.StartsWith("BULK-"))));
    }

    [Theory]
    [InlineData(2 * 1024 * 1024 + 1)]
    [InlineData(3 * 1024 * 1024)]
    [InlineData(6 * 1024 * 1024)]
    [InlineData(12 * 1024 * 1024)]
    public async Task A_file_over_the_limit_gets_the_same_sentence_on_the_import_page_whatever_its_size(int size)
    {
        var (_, owner) = await fx.NewShopAsync("csv-big-" + size);
        var file = Encoding.UTF8.GetBytes(Header + "\r\n").Concat(Enumerable.Repeat((byte)'x', size)).ToArray();

        var response = await owner.PostMultipartAsync("/Catalog/Import?handler=Preview", [], "file", "big.csv", file, "text/csv");

        // Up to what the page reads it answers itself; a bigger body is refused unread and the browser sent back.
        var page = response.StatusCode == HttpStatusCode.Redirect
            ? await owner.GetPageAsync(response.Headers.Location!.OriginalString)
            : await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"answered {(int)response.StatusCode}");
        Assert.Contains("Файл больше 2 МБ. Разбейте его на части.", page);
        Assert.Contains("action=\"/Catalog/Import?handler=Preview\"", page);
    }

    [Fact]
    public async Task The_import_page_states_the_size_limit_before_the_upload()
    {
        var (_, owner) = await fx.NewShopAsync("csv-limit-shown");

        var page = await owner.GetPageAsync("/Catalog/Import");

        Assert.Contains("не больше 2 МБ", page);
        Assert.Contains($"data-max-bytes=\"{2 * 1024 * 1024}\"", page);
    }

    private static byte[] Bom(string text) => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)];

    private static async Task<string> PreviewAsync(PortalClient owner, byte[] file)
    {
        var response = await owner.PostMultipartAsync("/Catalog/Import?handler=Preview", [], "file", "catalog.csv", file, "text/csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>«Сохранить в каталог» on the preview: its form carries the checked file back.</summary>
    private static async Task ApplyAsync(PortalClient owner, string preview)
    {
        Assert.True(preview.Contains("id=\"apply-import\""), "the preview offers no import button: " + string.Join(", ", ErrorLines(preview)));
        var response = await owner.PostFormAsync(preview, "/Catalog/Import", "/Catalog/Import?handler=Apply", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static List<int> ErrorLines(string preview) =>
        ErrorLine().Matches(preview).Select(m => int.Parse(m.Groups[1].Value)).ToList();

    [GeneratedRegex("data-line=\"(\\d+)\"")]
    private static partial Regex ErrorLine();
}
