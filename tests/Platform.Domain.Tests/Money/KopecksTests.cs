using Platform.Domain.Money;

using CsCheck;

namespace Platform.Domain.Tests.Money;

public class KopecksTests
{
    [Theory]
    [InlineData(135000L, "1350.00")]
    [InlineData(0L, "0.00")]
    [InlineData(1L, "0.01")]
    [InlineData(37188L, "371.88")]
    [InlineData(-250L, "-2.50")]
    public void Roubles_for_the_api_always_have_exactly_two_decimals(long kopecks, string expected)
    {
        var roubles = new Kopecks(kopecks).ToRoubles();

        Assert.Equal(2, roubles.Scale);
        Assert.Equal(expected, roubles.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Api_roubles_with_fewer_decimals_convert_exactly()
    {
        Assert.Equal(new Kopecks(11000), Kopecks.FromRoubles(110m));
        Assert.Equal(new Kopecks(12340), Kopecks.FromRoubles(123.4m));
        Assert.Equal(new Kopecks(12345), Kopecks.FromRoubles(123.4500m));
    }

    [Theory]
    [InlineData("0.001")]
    [InlineData("123.456")]
    [InlineData("1.005")]
    public void Api_roubles_with_more_than_two_decimals_are_rejected(string text)
    {
        var roubles = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Throws<ArgumentException>(() => Kopecks.FromRoubles(roubles));
        Assert.False(Kopecks.TryFromRoubles(roubles, out _));
    }

    [Fact]
    public void Roubles_too_large_for_kopecks_are_rejected_not_wrapped()
    {
        Assert.False(Kopecks.TryFromRoubles(decimal.MaxValue / 10, out _));
    }

    [Fact]
    public void Conversion_to_api_roubles_round_trips_for_any_amount() =>
        Gen.Long[-1_000_000_000_000_000L, 1_000_000_000_000_000L].Sample(value =>
        {
            var roubles = new Kopecks(value).ToRoubles();
            return roubles.Scale == 2 && Kopecks.FromRoubles(roubles) == new Kopecks(value);
        });

    [Fact]
    public void Text_form_is_invariant_roubles() => Assert.Equal("1350.05", new Kopecks(135005).ToString());
}
