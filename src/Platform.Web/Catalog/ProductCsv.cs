using System.Globalization;
using System.Text;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Data.Catalog;
using Platform.Domain.Baskets;
using Platform.Domain.Catalog;
using Platform.Domain.Money;
using Platform.Web.Localization;
using static Platform.Web.Localization.UiText;

namespace Platform.Web.Catalog;

/// <summary>One problem of an import file, at the row number Excel shows for it (the header is row 1).</summary>
public sealed record CsvRowError(int Line, string Column, string Message);

/// <summary>A valid row of an import file, ready to be saved.</summary>
public sealed record ImportRow(int Line, string Sku, string Name, string Description, string? Category, Kopecks Price, VatCode VatCode,
    OkeiUnit Unit, ItemType ItemType, PaymentType PaymentType, bool IsActive);

/// <summary>What an import would do: shown to the merchant before anything is saved.</summary>
public sealed record ImportPreview(
    IReadOnlyList<ImportRow> Rows,
    IReadOnlyList<CsvRowError> Errors,
    int NewCount,
    int UpdatedCount,
    int UnchangedCount,
    IReadOnlyList<string> NewCategories,
    char Separator)
{
    public bool CanApply => Errors.Count == 0 && Rows.Count > 0;
}

/// <summary>
/// The catalog as CSV, the way Russian Excel reads and writes it. Export: UTF-8 with a byte order mark, <c>;</c>
/// between fields, decimal commas. Import accepts that and also plain UTF-8, a comma separator (detected), prices with
/// a comma or a dot, OKEI codes whose leading zeros Excel dropped; it upserts by sku in one transaction, and only after
/// a preview without errors. Products missing from the file are left alone.
/// </summary>
public sealed class ProductCsv(PlatformDbContext db, TimeProvider time)
{
    public const long MaxFileBytes = 2 * 1024 * 1024;
    public const int MaxRows = 20_000;

    /// <summary>Said for any file over <see cref="MaxFileBytes"/>, however it arrives (see <see cref="Shared.UploadLimitAttribute"/>).</summary>
    public static string TooLarge => T("Файл больше 2 МБ. Разбейте его на части.", "The file is larger than 2 MB. Split it into parts.");

    /// <summary>Said of a price whose one unit, VAT included, is above <see cref="OrderLimits.MaxAmount"/> (the product page says it too).</summary>
    public static string PriceAboveLargestOrder() => T(
        $"Цена с НДС больше {MoneyText.Rub(OrderLimits.MaxAmount)} — самого большого заказа: такой товар нельзя купить.",
        $"The price with VAT is above {MoneyText.Rub(OrderLimits.MaxAmount)}, the largest order: nobody could buy it.");

    public static readonly string[] Columns = ["sku", "name", "category", "price", "vat_code", "unit_code", "item_type", "payment_type", "active", "description"];
    private static readonly string[] RequiredColumns = ["sku", "name", "price", "vat_code"];

    private static readonly Dictionary<string, string> HeaderAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["артикул"] = "sku", ["название"] = "name", ["наименование"] = "name", ["категория"] = "category", ["цена"] = "price",
        ["ндс"] = "vat_code", ["ставка ндс"] = "vat_code", ["единица"] = "unit_code", ["код окей"] = "unit_code", ["окей"] = "unit_code",
        ["тип"] = "item_type", ["способ расчёта"] = "payment_type", ["способ расчета"] = "payment_type", ["активен"] = "active",
        ["описание"] = "description",
    };

    public async Task WriteAsync(Stream output, CancellationToken ct)
    {
        var products = await db.Products.AsNoTracking().Include(p => p.Category)
            .OrderBy(p => p.Category!.SortOrder).ThenBy(p => p.SortOrder).ThenBy(p => p.Name).ToListAsync(ct);
        var options = CsvWriterOptions.Default with { Separator = ';', WriteByteOrderMark = true, Injection = CsvInjection.Escape };
        await using var writer = CsvWriter.Create(output, options, leaveOpen: true);
        writer.WriteHeader(Columns);
        var russian = UiText.Russian;
        foreach (var p in products)
        {
            writer.WriteRecord([
                p.Sku, p.Name, p.Category?.Name ?? "", p.Price.ToRoubles().ToString("0.00", russian), p.VatCode.Describe().ApiName,
                p.MeasureCode, ItemTypeName(p.ItemType), p.PaymentType.ToApiName(), p.IsActive ? "1" : "0", p.Description,
            ]);
        }
        await writer.FlushAsync(ct);
    }

    public async Task<ImportPreview> PreviewAsync(byte[] content, CancellationToken ct)
    {
        var errors = new List<CsvRowError>();
        var rows = new List<ImportRow>();
        var text = Decode(content);
        using var reader = CsvReader.FromText(text, CsvReaderOptions.Default with { SkipEmptyLines = false, TrimWhitespace = true });
        var separator = reader.Separator;
        var header = reader.Headers.Select(h => Canonical(h)).ToArray();
        foreach (var required in RequiredColumns.Where(c => !header.Contains(c)))
            errors.Add(new CsvRowError(1, required, T($"Нет столбца «{required}». Первая строка должна содержать: {string.Join(';', Columns)}.",
                $"Column “{required}” is missing. The first row must name: {string.Join(';', Columns)}.")));
        if (UnclosedQuoteRow(text) is { } openRow)
            errors.Add(new CsvRowError(openRow, "", T(
                "Здесь открыта кавычка, которая не закрыта до конца файла: всё после неё попало бы в одно поле. Закройте её или, если кавычка — часть текста, удвойте её (\"\").",
                "A quote opens here and is never closed: everything after it would land in one field. Close it or, if the quote is part of the text, double it (\"\").")));
        if (errors.Count > 0)
            return new ImportPreview([], errors, 0, 0, 0, [], separator);
        var index = Columns.ToDictionary(c => c, c => Array.IndexOf(header, c));

        var firstLineOfSku = new Dictionary<string, int>(StringComparer.Ordinal);
        while (reader.Read())
        {
            var line = (int)reader.RowNumber + 1;
            string Field(string column) => index[column] < 0 ? "" : Unescape((reader.GetString(index[column]) ?? "").Trim());
            if (Enumerable.Range(0, reader.FieldCount).All(reader.IsEmpty))
                continue;
            if (rows.Count + errors.Count >= MaxRows)
            {
                errors.Add(new CsvRowError(line, "", T($"Слишком много строк: не больше {MaxRows} за раз.", $"Too many rows: at most {MaxRows} at a time.")));
                break;
            }
            if (FieldCountProblem(reader.FieldCount, header.Length, separator) is { } fieldCount)
            {
                errors.Add(new CsvRowError(line, "", fieldCount));
                continue;
            }
            var row = ReadRow(line, Field, errors);
            if (row is null)
                continue;
            if (firstLineOfSku.TryGetValue(row.Sku, out var earlier))
            {
                errors.Add(new CsvRowError(line, "sku", T($"Артикул «{row.Sku}» уже встречался в строке {earlier}.", $"The sku “{row.Sku}” already appears on row {earlier}.")));
                continue;
            }
            firstLineOfSku[row.Sku] = line;
            rows.Add(row);
        }

        var skus = rows.Select(r => r.Sku).ToList();
        var existing = await db.Products.AsNoTracking().Include(p => p.Category).Where(p => skus.Contains(p.Sku)).ToDictionaryAsync(p => p.Sku, ct);
        var categories = await db.Categories.AsNoTracking().Select(c => c.Name).ToListAsync(ct);
        var newCategories = rows.Where(r => r.Category is not null).Select(r => r.Category!)
            .Distinct(StringComparer.OrdinalIgnoreCase).Where(c => !categories.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
        int created = 0, updated = 0, unchanged = 0;
        foreach (var row in rows)
        {
            if (!existing.TryGetValue(row.Sku, out var product))
                created++;
            else if (Differs(product, row))
                updated++;
            else
                unchanged++;
        }
        return new ImportPreview(rows, errors.OrderBy(e => e.Line).ToList(), created, updated, unchanged, newCategories, separator);
    }

    /// <summary>Saves a preview without errors: all rows or none.</summary>
    public async Task<int> ApplyAsync(ImportPreview preview, CancellationToken ct)
    {
        if (!preview.CanApply)
            throw new InvalidOperationException("Only an error-free preview can be applied.");
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var categories = await db.Categories.ToListAsync(ct);
        var nextCategorySort = categories.Count == 0 ? 0 : categories.Max(c => c.SortOrder) + 1;
        var byName = categories.GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var skus = preview.Rows.Select(r => r.Sku).ToList();
        var products = await db.Products.Include(p => p.Category).Where(p => skus.Contains(p.Sku)).ToDictionaryAsync(p => p.Sku, ct);
        var nextSort = (await db.Products.MaxAsync(p => (int?)p.SortOrder, ct) ?? -1) + 1;
        var changed = 0;
        foreach (var row in preview.Rows)
        {
            Category? category = null;
            if (row.Category is not null && !byName.TryGetValue(row.Category, out category))
            {
                category = new Category { Name = row.Category, SortOrder = nextCategorySort++ };
                db.Categories.Add(category);
                byName[row.Category] = category;
            }
            if (!products.TryGetValue(row.Sku, out var product))
            {
                product = new Product { Sku = row.Sku, Name = row.Name, SortOrder = nextSort++, CreatedAt = now };
                db.Products.Add(product);
            }
            else if (!Differs(product, row))
            {
                continue;
            }
            product.Name = row.Name;
            product.Description = row.Description;
            product.Category = category;
            product.CategoryId = category?.Id;
            product.Price = row.Price;
            product.VatCode = row.VatCode;
            product.MeasureCode = row.Unit.Code;
            product.MeasureName = row.Unit.Name;
            product.ItemType = row.ItemType;
            product.PaymentType = row.PaymentType;
            product.IsActive = row.IsActive;
            product.UpdatedAt = now;
            changed++;
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return changed;
    }

    /// <summary>
    /// The row (as Excel counts them: a line break inside quotes does not start one) where a quote opens that is never
    /// closed, or null. In a well-formed file quotes pair up (a quote inside a quoted field is doubled), and a parser
    /// reads an open one to the end of the file — silently, if it is in the last column.
    /// </summary>
    private static int? UnclosedQuoteRow(string text)
    {
        var (row, inQuotes, openedAt) = (1, false, 0);
        foreach (var c in text)
        {
            if (c == '"')
            {
                if (!inQuotes) openedAt = row;
                inQuotes = !inQuotes;
            }
            else if (c == '\n' && !inQuotes)
            {
                row++;
            }
        }
        return inQuotes ? openedAt : null;
    }

    /// <summary>
    /// A row with more fields than the header has columns was split where it should not be (most often a decimal comma in
    /// a file separated by commas); one with fewer lost its end, most often to a quote left open.
    /// </summary>
    private static string? FieldCountProblem(int fields, int columns, char separator)
    {
        if (fields > columns)
            return T($"В строке {fields} полей, а в заголовке {columns} столбцов.", $"The row has {fields} fields but the header has {columns} columns.")
                + (separator == ','
                    ? T(" Поле с запятой — цену с десятичной запятой (120,50) или текст — возьмите в кавычки или сохраните файл с разделителем «;».",
                        " Put a field containing a comma — a price with a decimal comma (120,50) or text — in quotes, or save the file with “;” as the separator.")
                    : T(" Возьмите в кавычки поле, в котором встречается «;».", " Put any field containing “;” in quotes."));
        if (fields < columns)
            return T($"В строке {fields} полей, а в заголовке {columns} столбцов. Проверьте, что каждая открытая кавычка закрыта.",
                $"The row has {fields} fields but the header has {columns} columns. Check that every opening quote is closed.");
        return null;
    }

    private static ImportRow? ReadRow(int line, Func<string, string> field, List<CsvRowError> errors)
    {
        var before = errors.Count;
        void Problem(string column, string ru, string en) => errors.Add(new CsvRowError(line, column, T(ru, en)));

        var sku = field("sku");
        if (sku.Length == 0) Problem("sku", "Не указан артикул.", "The sku is empty.");
        else if (sku.Length > 100) Problem("sku", "Артикул длиннее 100 символов.", "The sku is longer than 100 characters.");

        var name = field("name");
        if (name.Length == 0) Problem("name", "Не указано название.", "The name is empty.");
        else if (name.Length > 500) Problem("name", "Название длиннее 500 символов.", "The name is longer than 500 characters.");

        var description = field("description");
        if (description.Length > 2000) Problem("description", "Описание длиннее 2000 символов.", "The description is longer than 2000 characters.");

        var category = field("category");
        if (category.Length > 200) Problem("category", "Категория длиннее 200 символов.", "The category is longer than 200 characters.");

        var priceText = field("price");
        var price = MoneyText.ParseRoubles(priceText);
        if (price is null) Problem("price", $"Цена «{priceText}» — не число с двумя знаками после запятой.", $"The price “{priceText}” is not a number with two decimals.");
        else if (price.Value <= Kopecks.Zero) Problem("price", "Цена должна быть больше нуля.", "The price must be above zero.");

        var vatText = field("vat_code").ToUpperInvariant();
        if (!VatCodes.TryParseApiName(vatText, out var vat))
            Problem("vat_code", $"Неизвестный код НДС «{field("vat_code")}». Допустимо: {string.Join(", ", VatCodes.All.Select(v => v.ApiName))}.",
                $"Unknown VAT code “{field("vat_code")}”. Allowed: {string.Join(", ", VatCodes.All.Select(v => v.ApiName))}.");
        else if (price is { } valid && valid > Kopecks.Zero && !OrderLimits.UnitFits(valid, vat))
            errors.Add(new CsvRowError(line, "price", PriceAboveLargestOrder()));

        var unitText = field("unit_code");
        // Excel shows «006» as 6; ОКЕИ codes are three digits.
        if (unitText.Length is > 0 and < 3 && unitText.All(char.IsAsciiDigit))
            unitText = unitText.PadLeft(3, '0');
        var unit = OkeiUnits.Piece;
        if (unitText.Length > 0 && !OkeiUnits.TryFind(unitText, out unit))
            Problem("unit_code", $"Неизвестный код единицы ОКЕИ «{unitText}».", $"Unknown OKEI unit code “{unitText}”.");

        var itemType = ItemType.Commodity;
        switch (field("item_type").ToLowerInvariant())
        {
            case "" or "commodity" or "товар": break;
            case "service" or "услуга": itemType = ItemType.Service; break;
            default: Problem("item_type", "Тип — commodity (товар) или service (услуга).", "The type is commodity or service."); break;
        }

        var paymentType = PaymentType.FullPrepayment;
        var paymentText = field("payment_type").ToLowerInvariant();
        if (paymentText.Length > 0)
        {
            var match = Enum.GetValues<PaymentType>().Where(p => p.ToApiName() == paymentText).ToList();
            if (match.Count == 1) paymentType = match[0];
            else Problem("payment_type", "Способ расчёта — full_prepayment, prepayment, advance или full_payment.", "The payment type is full_prepayment, prepayment, advance or full_payment.");
        }

        var active = true;
        switch (field("active").ToLowerInvariant())
        {
            case "" or "1" or "да" or "yes" or "true" or "y" or "д": break;
            case "0" or "нет" or "no" or "false" or "n" or "н": active = false; break;
            default: Problem("active", "Активность — 1 или 0 (да или нет).", "Active is 1 or 0 (yes or no)."); break;
        }

        return errors.Count > before ? null
            : new ImportRow(line, sku, name, description, category.Length == 0 ? null : category, price!.Value, vat, unit, itemType, paymentType, active);
    }

    private static bool Differs(Product p, ImportRow row) =>
        p.Name != row.Name || p.Description != row.Description || p.Price != row.Price || p.VatCode != row.VatCode
        || p.MeasureCode != row.Unit.Code || p.ItemType != row.ItemType || p.PaymentType != row.PaymentType || p.IsActive != row.IsActive
        || !string.Equals(p.Category?.Name, row.Category, StringComparison.OrdinalIgnoreCase);

    private static string Canonical(string header)
    {
        var name = header.Trim().Trim('\uFEFF').ToLowerInvariant();
        return HeaderAliases.TryGetValue(name, out var alias) ? alias : name;
    }

    public static string ItemTypeName(ItemType type) => type.ToApiName();

    /// <summary>The export puts <c>'</c> before text that Excel would run as a formula; reading it back takes it off again.</summary>
    private static string Unescape(string value) =>
        value.Length > 1 && value[0] == '\'' && value[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? value[1..] : value;

    /// <summary>UTF-8 with or without a byte order mark; a file that is not valid UTF-8 is read as Windows-1251, which older Russian Excel writes.</summary>
    private static string Decode(byte[] content)
    {
        var bytes = content.AsSpan();
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            bytes = bytes[3..];
        try
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(1251).GetString(bytes);
        }
    }
}
