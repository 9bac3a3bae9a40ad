using Platform.Domain.Buyers;

namespace Platform.Domain.Tests.Buyers;

public class BuyerPhoneTests
{
    [Theory]
    [InlineData("8 (900) 123-45-67")]
    [InlineData("+7 900 123 45 67")]
    [InlineData("89001234567")]
    [InlineData("79001234567")]
    [InlineData("9001234567")]
    [InlineData("+7(900)1234567")]
    [InlineData("  8-900-123-45-67  ")]
    public void Russian_spellings_normalize_to_e164_digits_without_plus(string input)
    {
        var result = BuyerPhone.Normalize(input);

        Assert.True(result.IsValid, result.Problem?.Message);
        Assert.Equal("79001234567", result.Value.Digits);
        Assert.Equal("RU", result.Value.RegionCode);
    }

    [Theory]
    [InlineData("8 (900) 123-45-678")]
    [InlineData("+7 900 123 45 678")]
    [InlineData("790012345678")]
    [InlineData("890012345678")]
    [InlineData("90012345678")]
    public void One_digit_too_many_is_refused_never_truncated(string input)
    {
        var result = BuyerPhone.Normalize(input);

        Assert.False(result.IsValid, $"accepted as {result.Value?.Digits}");
    }

    [Theory]
    [InlineData("8 900 123-45-6")]
    [InlineData("+7 900 123 45 6")]
    [InlineData("900123456")]
    public void One_digit_too_few_is_refused(string input) => Assert.False(BuyerPhone.Normalize(input).IsValid);

    [Theory]
    [InlineData("+7 000 123 45 67")]
    [InlineData("8 (100) 123-45-67")]
    public void Numbers_in_no_numbering_plan_are_refused(string input)
    {
        var result = BuyerPhone.Normalize(input);

        Assert.False(result.IsValid);
        Assert.Equal(BuyerContactCodes.PhoneInvalid, result.Problem.Code);
    }

    [Fact]
    public void Kazakh_numbers_share_plus_seven_and_keep_their_region()
    {
        var result = BuyerPhone.Normalize("+7 701 123 45 67");

        Assert.True(result.IsValid);
        Assert.Equal("77011234567", result.Value.Digits);
        Assert.Equal("KZ", result.Value.RegionCode);
    }

    [Fact]
    public void Foreign_numbers_with_a_plus_are_kept_in_their_country() =>
        Assert.Equal("4915123456789", BuyerPhone.Normalize("+49 151 23456789").Value?.Digits);

    [Theory]
    [InlineData("8 900 FLOWERS")]
    [InlineData("8 900 123 45 67 доб. 12")]
    [InlineData("8 900 123 45 67 ext 12")]
    [InlineData("7+9001234567")]
    [InlineData("not a phone")]
    public void Letters_extensions_and_stray_plus_signs_are_refused(string input)
    {
        var result = BuyerPhone.Normalize(input);

        Assert.False(result.IsValid);
        Assert.Equal(BuyerContactCodes.PhoneInvalid, result.Problem.Code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_missing_phone_is_reported_as_required(string? input) =>
        Assert.Equal(BuyerContactCodes.PhoneRequired, BuyerPhone.Normalize(input).Problem?.Code);

    [Fact]
    public void The_text_form_is_masked_for_logs()
    {
        var phone = BuyerPhone.Normalize("+7 900 123 45 67").Value!;

        Assert.Equal("7900*****67", phone.ToString());
        Assert.DoesNotContain("1234", phone.ToString());
    }
}
