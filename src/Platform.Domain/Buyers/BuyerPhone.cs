using PhoneNumbers;

namespace Platform.Domain.Buyers;

/// <summary>
/// A valid phone number in E.164 digits without the plus (<c>79001234567</c>), the form Invoicebox's
/// <c>customer.phone</c> takes. <see cref="RegionCode"/> tells Russia from Kazakhstan, which share +7.
/// </summary>
public sealed record BuyerPhone(string Digits, string RegionCode)
{
    public const string DefaultRegion = "RU";

    public string E164 => "+" + Digits;

    /// <summary>For logs, which must not carry full phone numbers: <c>7900*****67</c>.</summary>
    public string Masked => Digits.Length <= 6 ? new string('*', Digits.Length) : Digits[..4] + new string('*', Digits.Length - 6) + Digits[^2..];

    public override string ToString() => Masked;

    /// <summary>
    /// Accepts the usual Russian spellings (<c>8 (900) 123-45-67</c>, <c>+7 900 123 45 67</c>, <c>89001234567</c>,
    /// <c>79001234567</c>, <c>9001234567</c>) and international numbers with a plus. A number with a digit too many or
    /// too few is refused, never trimmed into another valid number.
    /// </summary>
    public static ContactResult<BuyerPhone> Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
            return Invalid(BuyerContactCodes.PhoneRequired, "A phone number is required.");
        var text = input.Trim();
        // The library reads letters as keypad digits ("1-800-FLOWERS") and "ext. 5" as an extension; a buyer's phone has neither.
        if (text.Length > 32 || !text.All(IsAllowedCharacter) || text.LastIndexOf('+') > 0)
            return Invalid(BuyerContactCodes.PhoneInvalid, "A phone number may contain only digits, spaces, brackets, dashes and a leading plus.");

        PhoneNumber number;
        try
        {
            number = Library.Parse(text, DefaultRegion);
        }
        catch (NumberParseException e) when (e.ErrorType is ErrorType.TOO_SHORT_NSN or ErrorType.TOO_SHORT_AFTER_IDD)
        {
            return Invalid(BuyerContactCodes.PhoneTooShort, "The phone number has too few digits.");
        }
        catch (NumberParseException e) when (e.ErrorType is ErrorType.TOO_LONG)
        {
            return Invalid(BuyerContactCodes.PhoneTooLong, "The phone number has too many digits.");
        }
        catch (NumberParseException)
        {
            return Invalid(BuyerContactCodes.PhoneInvalid, "This is not a phone number.");
        }

        if (number.HasExtension)
            return Invalid(BuyerContactCodes.PhoneInvalid, "A phone number with an extension cannot be used.");
        switch (Library.IsPossibleNumberWithReason(number))
        {
            case PhoneNumberUtil.ValidationResult.TOO_SHORT:
                return Invalid(BuyerContactCodes.PhoneTooShort, "The phone number has too few digits.");
            case PhoneNumberUtil.ValidationResult.TOO_LONG:
                return Invalid(BuyerContactCodes.PhoneTooLong, "The phone number has too many digits.");
            case PhoneNumberUtil.ValidationResult.INVALID_LENGTH:
                return Invalid(BuyerContactCodes.PhoneInvalid, "The phone number has a wrong number of digits.");
        }
        if (!Library.IsValidNumber(number))
            return Invalid(BuyerContactCodes.PhoneInvalid, "No such phone number exists.");

        var digits = Library.Format(number, PhoneNumberFormat.E164).TrimStart('+');
        var region = Library.GetRegionCodeForNumber(number) ?? DefaultRegion;
        return ContactResult<BuyerPhone>.Valid(new BuyerPhone(digits, region));
    }

    private static PhoneNumberUtil Library => PhoneNumberUtil.GetInstance();

    private static bool IsAllowedCharacter(char c) =>
        char.IsAsciiDigit(c) || c is ' ' or '\u00A0' or '+' or '-' or '(' or ')' or '.';

    private static ContactResult<BuyerPhone> Invalid(string code, string message) => ContactResult<BuyerPhone>.Invalid(code, message);
}
