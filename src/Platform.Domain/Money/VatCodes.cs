namespace Platform.Domain.Money;

/// <summary>Where the VAT of a price sits.</summary>
public enum VatPlacement
{
    /// <summary>The price already contains VAT (r / (100 + r) of it).</summary>
    Included,
    /// <summary>The price is net; VAT is charged on top of it (the *_ADDED codes).</summary>
    Added,
}

/// <summary>What a <see cref="VatCode"/> means: its rate in percent, where VAT sits, and how people call it.</summary>
public sealed record VatCodeInfo(VatCode Code, int RatePercent, VatPlacement Placement, string RussianLabel, string EnglishLabel)
{
    /// <summary>The code exactly as the Invoicebox API spells it (<c>RUS_VAT20_ADDED</c>).</summary>
    public string ApiName => Code.ToString();
}

public static class VatCodes
{
    private static readonly Dictionary<VatCode, VatCodeInfo> ByCode = new VatCodeInfo[]
    {
        new(VatCode.VATNONE, 0, VatPlacement.Included, "Без НДС", "No VAT"),
        new(VatCode.RUS_VAT0, 0, VatPlacement.Included, "НДС 0%", "VAT 0%"),
        Included(VatCode.RUS_VAT5, 5),
        Included(VatCode.RUS_VAT7, 7),
        Included(VatCode.RUS_VAT10, 10),
        Included(VatCode.RUS_VAT20, 20),
        Included(VatCode.RUS_VAT22, 22),
        Added(VatCode.RUS_VAT5_ADDED, 5),
        Added(VatCode.RUS_VAT7_ADDED, 7),
        Added(VatCode.RUS_VAT10_ADDED, 10),
        Added(VatCode.RUS_VAT20_ADDED, 20),
        Added(VatCode.RUS_VAT22_ADDED, 22),
    }.ToDictionary(info => info.Code);

    /// <summary>Every code the platform knows, in declaration order.</summary>
    public static IReadOnlyList<VatCodeInfo> All { get; } = Enum.GetValues<VatCode>().Select(code => ByCode[code]).ToArray();

    public static VatCodeInfo Describe(this VatCode code) =>
        ByCode.TryGetValue(code, out var info) ? info : throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown VAT code.");

    public static int RatePercent(this VatCode code) => code.Describe().RatePercent;

    public static bool IsVatOnTop(this VatCode code) => code.Describe().Placement == VatPlacement.Added;

    /// <summary>Parses the API name exactly (case-sensitive, as the API is); numeric strings are not codes.</summary>
    public static bool TryParseApiName(string? apiName, out VatCode code)
    {
        code = default;
        if (string.IsNullOrEmpty(apiName) || !char.IsLetter(apiName[0]))
            return false;
        return Enum.TryParse(apiName, ignoreCase: false, out code) && Enum.IsDefined(code);
    }

    private static VatCodeInfo Included(VatCode code, int rate) =>
        new(code, rate, VatPlacement.Included, $"НДС {rate}% (в т.ч.)", $"VAT {rate}% included");

    private static VatCodeInfo Added(VatCode code, int rate) =>
        new(code, rate, VatPlacement.Added, $"НДС {rate}% сверху", $"VAT {rate}% on top");
}
