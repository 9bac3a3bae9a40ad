using CsCheck;
using Platform.Domain.Buyers;

namespace Platform.Domain.Tests.Buyers;

public class BuyerContactPropertyTests
{
    // Russian mobile numbers: 9 followed by nine digits, in the ranges libphonenumber knows as allocated (not every
    // 9XX block is: 930 067… is not), so the property below is about spellings, not about the numbering plan.
    private static readonly Gen<string> RussianMobile = Gen.Long[0, 999_999_999].Select(rest => "9" + rest.ToString("D9"))
        .Where(national => BuyerPhone.Normalize("+7" + national).IsValid);

    private static IEnumerable<string> Spellings(string national) =>
    [
        $"8 ({national[..3]}) {national[3..6]}-{national[6..8]}-{national[8..]}",
        $"+7 {national[..3]} {national[3..6]} {national[6..8]} {national[8..]}",
        "8" + national,
        "7" + national,
        national,
    ];

    [Fact]
    public void Every_usual_spelling_of_a_russian_mobile_normalizes_to_the_same_digits() =>
        RussianMobile.Sample(national =>
            Spellings(national).All(spelling => BuyerPhone.Normalize(spelling).Value?.Digits == "7" + national));

    [Fact]
    public void A_russian_mobile_with_one_digit_too_many_is_refused_in_every_spelling() =>
        Gen.Select(RussianMobile, Gen.Int[0, 9]).Sample((national, extra) =>
            Spellings(national + extra).All(spelling => !BuyerPhone.Normalize(spelling).IsValid));

    [Fact]
    public void Plain_addresses_are_accepted_and_normalizing_again_changes_nothing()
    {
        var local = Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789._-"], 1, 20]
            .Where(s => char.IsLetterOrDigit(s[0]) && char.IsLetterOrDigit(s[^1]) && !s.Contains(".."));
        var domain = Gen.OneOf(Gen.Const("пример.рф"), Gen.Const("xn--e1afmkfd.xn--p1ai"), Gen.Const("Example.COM"), Gen.Const("почта.москва"));
        Gen.Select(local, domain).Sample((user, host) =>
        {
            var first = BuyerEmail.Normalize($"{user}@{host}");
            if (!first.IsValid)
                return false;
            var second = BuyerEmail.Normalize(first.Value.Address);
            var viaAscii = BuyerEmail.Normalize(first.Value.AsciiAddress);
            return second.Value == first.Value && viaAscii.Value == first.Value;
        });
    }
}
