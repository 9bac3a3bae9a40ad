using System.Globalization;
using Platform.Domain.Baskets;
using Platform.Domain.Catalog;
using Platform.Domain.Money;

namespace Platform.Web.Localization;

/// <summary>Amounts as a merchant reads them: «1 234,50 ₽». Figures come from <see cref="BasketCalculator"/>, never from arithmetic here.</summary>
public static class MoneyText
{
    public static string Rub(Kopecks amount) =>
        amount.ToRoubles().ToString("N2", Numbers) + "\u00a0₽";

    // ICU versions disagree on the Russian group separator (U+00A0 or U+202F); a no-break space reads right everywhere.
    private static readonly NumberFormatInfo RussianNumbers = new CultureInfo("ru-RU").NumberFormat.Clone() is NumberFormatInfo n
        ? SetGroupSeparator(n) : throw new InvalidOperationException();

    private static NumberFormatInfo Numbers => UiText.IsEnglish ? UiText.English.NumberFormat : RussianNumbers;

    private static NumberFormatInfo SetGroupSeparator(NumberFormatInfo format)
    {
        format.NumberGroupSeparator = "\u00a0";
        format.NumberDecimalSeparator = ",";
        return NumberFormatInfo.ReadOnly(format);
    }

    /// <summary>Number only, for form fields: «1234,50» (ru) or «1234.50» (en).</summary>
    public static string Plain(Kopecks amount) =>
        amount.ToRoubles().ToString("0.00", Numbers);

    /// <summary>
    /// A catalog price with its VAT: «1 234,50 ₽, в т. ч. НДС 22 % — 222,62 ₽»; for *_ADDED codes the net price, the VAT
    /// on top and what the buyer pays: «1 000,00 ₽ + НДС 22 % 220,00 ₽ = 1 220,00 ₽».
    /// </summary>
    public static string PriceWithVat(Kopecks price, VatCode vatCode)
    {
        var info = vatCode.Describe();
        var gross = BasketCalculator.UnitGross(price, vatCode);
        var vat = BasketCalculator.LineVat(gross, vatCode);
        if (vatCode == VatCode.VATNONE)
            return $"{Rub(price)}, {UiText.T("без НДС", "no VAT")}";
        if (info.Placement == VatPlacement.Added)
            return $"{Rub(price)} + {UiText.T("НДС", "VAT")} {info.RatePercent}\u00a0% {Rub(vat)} = {Rub(gross)}";
        return $"{Rub(price)}, {UiText.T("в т. ч. НДС", "incl. VAT")} {info.RatePercent}\u00a0% — {Rub(vat)}";
    }

    public static string VatLabel(VatCode code) => UiText.IsEnglish ? code.Describe().EnglishLabel : code.Describe().RussianLabel;
    public static string Unit(string code, string storedName) => OkeiUnits.NameFor(code, storedName, UiText.IsEnglish);

    /// <summary>
    /// Reads a rouble amount as people type it: «1234,5», «1 234,50», «1234.50». Null when it is not a number with at most
    /// two decimals.
    /// </summary>
    public static Kopecks? ParseRoubles(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var compact = new string(text.Where(c => !char.IsWhiteSpace(c) && c != '\u00a0' && c != '\u202f' && c != '₽').ToArray())
            .Replace(',', '.');
        if (compact.Count(c => c == '.') > 1 || compact.Length > 20)
            return null;
        if (!decimal.TryParse(compact, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var roubles))
            return null;
        return Kopecks.TryFromRoubles(roubles, out var kopecks) ? kopecks : null;
    }

    /// <summary>Reads a quantity with a comma or a dot; null when it is not a number.</summary>
    public static decimal? ParseQuantity(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var compact = text.Trim().Replace(',', '.');
        return decimal.TryParse(compact, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    public static string Quantity(decimal quantity) => quantity.ToString("0.###", Numbers);
}
