using System.Globalization;

namespace Platform.Domain.Money;

/// <summary>An amount of roubles in integer kopecks. Decimal roubles exist only at the Invoicebox boundary.</summary>
public readonly record struct Kopecks(long Value) : IComparable<Kopecks>
{
    public static readonly Kopecks Zero = new(0);

    private static readonly decimal MaxRoubles = long.MaxValue / 100m;

    public static Kopecks operator +(Kopecks a, Kopecks b) => new(checked(a.Value + b.Value));
    public static Kopecks operator -(Kopecks a, Kopecks b) => new(checked(a.Value - b.Value));
    public static bool operator <(Kopecks a, Kopecks b) => a.Value < b.Value;
    public static bool operator >(Kopecks a, Kopecks b) => a.Value > b.Value;
    public static bool operator <=(Kopecks a, Kopecks b) => a.Value <= b.Value;
    public static bool operator >=(Kopecks a, Kopecks b) => a.Value >= b.Value;

    public int CompareTo(Kopecks other) => Value.CompareTo(other.Value);

    /// <summary>Roubles with exactly two decimals (scale 2: 1350.00m, 0.00m), as the Invoicebox API expects them.</summary>
    // Multiplying by 0.01m is exact and always yields scale 2; dividing by 100m would drop trailing zeros.
    public decimal ToRoubles() => Value * 0.01m;

    /// <summary>Exact conversion from API roubles; throws when the value has more than two decimals.</summary>
    public static Kopecks FromRoubles(decimal roubles) =>
        TryFromRoubles(roubles, out var kopecks)
            ? kopecks
            : throw new ArgumentException($"{roubles} is not a whole number of kopecks", nameof(roubles));

    /// <summary>Exact conversion from API roubles; false when the value has more than two significant decimals or does not fit.</summary>
    public static bool TryFromRoubles(decimal roubles, out Kopecks kopecks)
    {
        kopecks = Zero;
        if (roubles > MaxRoubles || roubles < -MaxRoubles)
            return false;
        var scaled = roubles * 100m;
        if (scaled != decimal.Truncate(scaled))
            return false;
        kopecks = new Kopecks((long)scaled);
        return true;
    }

    public override string ToString() => ToRoubles().ToString("0.00", CultureInfo.InvariantCulture);
}

public static class KopecksSums
{
    /// <summary>The exact total of the amounts (checked: an overflow throws rather than wraps).</summary>
    public static Kopecks Sum(this IEnumerable<Kopecks> amounts) => amounts.Aggregate(Kopecks.Zero, (sum, amount) => sum + amount);

    public static Kopecks Sum<T>(this IEnumerable<T> items, Func<T, Kopecks> amount) => items.Select(amount).Sum();
}
