using System.Globalization;

namespace Platform.Domain.Money;

/// <summary>An amount of roubles in integer kopecks. Decimal roubles exist only at the Invoicebox boundary.</summary>
public readonly record struct Kopecks(long Value) : IComparable<Kopecks>
{
    public static readonly Kopecks Zero = new(0);

    public static Kopecks operator +(Kopecks a, Kopecks b) => new(checked(a.Value + b.Value));
    public static Kopecks operator -(Kopecks a, Kopecks b) => new(checked(a.Value - b.Value));
    public static bool operator <(Kopecks a, Kopecks b) => a.Value < b.Value;
    public static bool operator >(Kopecks a, Kopecks b) => a.Value > b.Value;
    public static bool operator <=(Kopecks a, Kopecks b) => a.Value <= b.Value;
    public static bool operator >=(Kopecks a, Kopecks b) => a.Value >= b.Value;

    public int CompareTo(Kopecks other) => Value.CompareTo(other.Value);

    /// <summary>Roubles with exactly two decimals, as the Invoicebox API expects them.</summary>
    public decimal ToRoubles() => decimal.Round(Value / 100m, 2) + 0.00m;

    /// <summary>Exact conversion from API roubles; throws when the value has more than two decimals.</summary>
    public static Kopecks FromRoubles(decimal roubles)
    {
        var kopecks = roubles * 100m;
        if (kopecks != decimal.Truncate(kopecks))
            throw new ArgumentException($"{roubles} has more than two decimals", nameof(roubles));
        return new Kopecks(checked((long)kopecks));
    }

    public override string ToString() => ToRoubles().ToString("0.00", CultureInfo.InvariantCulture);
}
