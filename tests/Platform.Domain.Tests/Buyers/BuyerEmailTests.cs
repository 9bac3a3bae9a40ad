using Platform.Domain.Buyers;

namespace Platform.Domain.Tests.Buyers;

public class BuyerEmailTests
{
    [Fact]
    public void Cyrillic_domain_is_accepted_and_offered_in_punycode_for_invoicebox()
    {
        var result = BuyerEmail.Normalize("иван@пример.рф");

        Assert.True(result.IsValid, result.Problem?.Message);
        Assert.Equal("иван@пример.рф", result.Value.Address);
        Assert.Equal("иван@xn--e1afmkfd.xn--p1ai", result.Value.AsciiAddress);
    }

    [Fact]
    public void Punycode_domain_is_shown_in_unicode()
    {
        var result = BuyerEmail.Normalize("ivan@xn--e1afmkfd.xn--p1ai");

        Assert.True(result.IsValid, result.Problem?.Message);
        Assert.Equal("ivan@пример.рф", result.Value.Address);
        Assert.Equal("ivan@xn--e1afmkfd.xn--p1ai", result.Value.AsciiAddress);
    }

    [Theory]
    [InlineData("Ivan.Testov@Example.COM", "ivan.testov@example.com")]
    [InlineData("  ivan@example.com ", "ivan@example.com")]
    [InlineData("ИВАН@ПРИМЕР.РФ", "иван@пример.рф")]
    public void Addresses_are_trimmed_and_lower_cased(string input, string expected) =>
        Assert.Equal(expected, BuyerEmail.Normalize(input).Value?.Address);

    [Theory]
    [InlineData("Ivan <ivan@example.com>")]
    [InlineData("\"Ivan\" <ivan@example.com>")]
    [InlineData("<ivan@example.com>")]
    public void Display_name_forms_are_refused(string input) =>
        Assert.Equal(BuyerContactCodes.EmailDisplayNameNotAllowed, BuyerEmail.Normalize(input).Problem?.Code);

    [Theory]
    [InlineData("ivan@example.com, petr@example.com")]
    [InlineData("ivan@example.com;petr@example.com")]
    [InlineData("ivan@example.com petr@example.com")]
    public void Several_addresses_are_refused(string input) =>
        Assert.Equal(BuyerContactCodes.EmailMultipleAddresses, BuyerEmail.Normalize(input).Problem?.Code);

    [Fact]
    public void Missing_domain_is_refused() =>
        Assert.Equal(BuyerContactCodes.EmailDomainMissing, BuyerEmail.Normalize("ivan@").Problem?.Code);

    [Theory]
    [InlineData("ivan@localhost")]
    [InlineData("ivan@пример")]
    [InlineData("ivan@exa_mple.com")]
    public void Domains_without_a_dot_or_with_illegal_characters_are_refused(string input)
    {
        var result = BuyerEmail.Normalize(input);

        Assert.False(result.IsValid);
        Assert.Contains(result.Problem.Code, new[] { BuyerContactCodes.EmailDomainInvalid, BuyerContactCodes.EmailInvalid });
    }

    [Theory]
    [InlineData("ivan")]
    [InlineData("ivan.example.com")]
    [InlineData("@example.com")]
    [InlineData("ivan@@example.com")]
    [InlineData("iv an@example.com")]
    public void Things_that_are_not_addresses_are_refused(string input) => Assert.False(BuyerEmail.Normalize(input).IsValid);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public void A_missing_email_is_reported_as_required(string? input) =>
        Assert.Equal(BuyerContactCodes.EmailRequired, BuyerEmail.Normalize(input).Problem?.Code);

    [Fact]
    public void Addresses_longer_than_invoicebox_allows_are_refused() =>
        Assert.Equal(BuyerContactCodes.EmailTooLong, BuyerEmail.Normalize(new string('a', 64) + "@" + new string('b', 40) + ".ru").Problem?.Code);

    [Fact]
    public void The_text_form_is_masked_for_logs() =>
        Assert.Equal("и***@пример.рф", BuyerEmail.Normalize("иван@пример.рф").Value!.ToString());
}
