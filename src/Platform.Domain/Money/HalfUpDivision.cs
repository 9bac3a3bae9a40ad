namespace Platform.Domain.Money;

/// <summary>Integer division rounded half away from zero: the one rounding rule of every money formula.</summary>
internal static class HalfUpDivision
{
    public static long Divide(Int128 numerator, Int128 denominator)
    {
        if (denominator <= 0)
            throw new ArgumentOutOfRangeException(nameof(denominator), "The denominator must be positive.");
        var magnitude = Int128.Abs(numerator);
        var quotient = (magnitude * 2 + denominator) / (denominator * 2);
        return checked((long)(numerator < 0 ? -quotient : quotient));
    }
}
