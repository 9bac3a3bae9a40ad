using Platform.Domain.Money;

namespace Platform.Domain.Tests.Money;

public class VatCodesTests
{
    [Theory]
    [InlineData(VatCode.VATNONE, 0, VatPlacement.Included)]
    [InlineData(VatCode.RUS_VAT0, 0, VatPlacement.Included)]
    [InlineData(VatCode.RUS_VAT5, 5, VatPlacement.Included)]
    [InlineData(VatCode.RUS_VAT7, 7, VatPlacement.Included)]
    [InlineData(VatCode.RUS_VAT10, 10, VatPlacement.Included)]
    [InlineData(VatCode.RUS_VAT20, 20, VatPlacement.Included)]
    [InlineData(VatCode.RUS_VAT22, 22, VatPlacement.Included)]
    [InlineData(VatCode.RUS_VAT5_ADDED, 5, VatPlacement.Added)]
    [InlineData(VatCode.RUS_VAT7_ADDED, 7, VatPlacement.Added)]
    [InlineData(VatCode.RUS_VAT10_ADDED, 10, VatPlacement.Added)]
    [InlineData(VatCode.RUS_VAT20_ADDED, 20, VatPlacement.Added)]
    [InlineData(VatCode.RUS_VAT22_ADDED, 22, VatPlacement.Added)]
    public void Each_code_has_its_rate_and_placement(VatCode code, int rate, VatPlacement placement)
    {
        var info = code.Describe();

        Assert.Equal(rate, info.RatePercent);
        Assert.Equal(placement, info.Placement);
        Assert.Equal(code.ToString(), info.ApiName);
        Assert.False(string.IsNullOrWhiteSpace(info.RussianLabel));
        Assert.False(string.IsNullOrWhiteSpace(info.EnglishLabel));
    }

    [Fact]
    public void Every_code_is_described_once_with_distinct_labels()
    {
        Assert.Equal(Enum.GetValues<VatCode>().Length, VatCodes.All.Count);
        Assert.Equal(VatCodes.All.Count, VatCodes.All.Select(info => info.RussianLabel).Distinct().Count());
        Assert.Equal(VatCodes.All.Count, VatCodes.All.Select(info => info.EnglishLabel).Distinct().Count());
    }

    [Theory]
    [InlineData("RUS_VAT20_ADDED", true)]
    [InlineData("VATNONE", true)]
    [InlineData("rus_vat20", false)]
    [InlineData("RUS_VAT120", false)]
    [InlineData("5", false)]
    [InlineData("", false)]
    public void Api_names_parse_exactly_and_case_sensitively(string name, bool known) =>
        Assert.Equal(known, VatCodes.TryParseApiName(name, out _));
}
