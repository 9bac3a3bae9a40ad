using Platform.Domain.Catalog;

namespace Platform.Domain.Tests.Catalog;

public class OkeiUnitsTests
{
    [Theory]
    [InlineData("796", "шт")]
    [InlineData("166", "кг")]
    [InlineData("163", "г")]
    [InlineData("112", "л")]
    [InlineData("111", "мл")]
    [InlineData("006", "м")]
    [InlineData("055", "м²")]
    [InlineData("356", "ч")]
    [InlineData("355", "мин")]
    [InlineData("359", "сут")]
    [InlineData("839", "компл")]
    [InlineData("778", "упак")]
    [InlineData("715", "пар")]
    public void Common_codes_are_known_by_their_russian_names(string code, string name)
    {
        Assert.True(OkeiUnits.TryFind(code, out var unit));
        Assert.Equal(name, unit.Name);
        Assert.True(unit.Name.Length <= 10, "Invoicebox limits measure to 10 characters");
    }

    [Fact]
    public void Codes_keep_their_leading_zeros() => Assert.False(OkeiUnits.TryFind("6", out _));

    [Fact]
    public void Kilograms_step_by_a_tenth_and_pieces_by_one()
    {
        Assert.True(OkeiUnits.Kilogram.AllowsFractions);
        Assert.Equal(0.1m, OkeiUnits.Kilogram.QuantityStep);
        Assert.False(OkeiUnits.Piece.AllowsFractions);
        Assert.Equal(1m, OkeiUnits.Piece.QuantityStep);
    }

    [Theory]
    [InlineData("796", "2", true)]
    [InlineData("796", "1.5", false)]
    [InlineData("166", "1.5", true)]
    [InlineData("166", "1.25", false)]
    [InlineData("166", "0", false)]
    public void A_unit_accepts_only_positive_multiples_of_its_step(string code, string quantity, bool accepted)
    {
        OkeiUnits.TryFind(code, out var unit);

        Assert.Equal(accepted, unit.Accepts(decimal.Parse(quantity, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Fractional_units_have_fractional_steps_and_whole_units_whole_steps() =>
        Assert.All(OkeiUnits.All, unit => Assert.Equal(unit.AllowsFractions, unit.QuantityStep != decimal.Truncate(unit.QuantityStep)));
}
