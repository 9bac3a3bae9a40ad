namespace Platform.Domain.Catalog;

/// <summary>
/// A unit of measure from the Russian classifier ОКЕИ, as a basket item names it (<c>measure</c> + <c>measureCode</c>).
/// <see cref="QuantityStep"/> is what a buyer's quantity picker should step by; <see cref="AllowsFractions"/> says
/// whether a quantity like 1.5 makes sense at all.
/// </summary>
public sealed record OkeiUnit(string Code, string Name, string EnglishName, bool AllowsFractions, decimal QuantityStep)
{
    /// <summary>True when the quantity is positive and a whole multiple of the step (so 1.5 кг is fine, 1.5 шт is not).</summary>
    public bool Accepts(decimal quantity) => quantity > 0 && quantity % QuantityStep == 0;
}

/// <summary>The ОКЕИ units the platform offers. Other codes are legal for Invoicebox; these are the common ones.</summary>
public static class OkeiUnits
{
    public static readonly OkeiUnit Piece = new("796", "шт", "pc", AllowsFractions: false, QuantityStep: 1m);
    public static readonly OkeiUnit Kilogram = new("166", "кг", "kg", AllowsFractions: true, QuantityStep: 0.1m);
    public static readonly OkeiUnit Gram = new("163", "г", "g", AllowsFractions: false, QuantityStep: 1m);
    public static readonly OkeiUnit Litre = new("112", "л", "l", AllowsFractions: true, QuantityStep: 0.1m);
    public static readonly OkeiUnit Millilitre = new("111", "мл", "ml", AllowsFractions: false, QuantityStep: 1m);
    public static readonly OkeiUnit Metre = new("006", "м", "m", AllowsFractions: true, QuantityStep: 0.1m);
    public static readonly OkeiUnit SquareMetre = new("055", "м²", "m²", AllowsFractions: true, QuantityStep: 0.01m);
    public static readonly OkeiUnit Hour = new("356", "ч", "h", AllowsFractions: true, QuantityStep: 0.5m);
    public static readonly OkeiUnit Minute = new("355", "мин", "min", AllowsFractions: false, QuantityStep: 1m);
    public static readonly OkeiUnit Day = new("359", "сут", "day", AllowsFractions: false, QuantityStep: 1m);
    public static readonly OkeiUnit Set = new("839", "компл", "set", AllowsFractions: false, QuantityStep: 1m);
    public static readonly OkeiUnit Package = new("778", "упак", "pack", AllowsFractions: false, QuantityStep: 1m);
    public static readonly OkeiUnit Pair = new("715", "пар", "pair", AllowsFractions: false, QuantityStep: 1m);

    public static IReadOnlyList<OkeiUnit> All { get; } =
        [Piece, Kilogram, Gram, Litre, Millilitre, Metre, SquareMetre, Hour, Minute, Day, Set, Package, Pair];

    private static readonly Dictionary<string, OkeiUnit> ByCode = All.ToDictionary(unit => unit.Code, StringComparer.Ordinal);

    /// <summary>
    /// A unit's name for a reader: the stored name (Russian, as Invoicebox gets it), or the English name of a known unit
    /// for an English reader.
    /// </summary>
    public static string NameFor(string code, string storedName, bool english) =>
        english && TryFind(code, out var unit) ? unit.EnglishName : storedName;

    /// <summary>Finds a unit by its ОКЕИ code; codes are three digits with leading zeros (<c>006</c>, not <c>6</c>).</summary>
    public static bool TryFind(string? code, out OkeiUnit unit)
    {
        unit = null!;
        return code is not null && ByCode.TryGetValue(code, out unit!);
    }
}
