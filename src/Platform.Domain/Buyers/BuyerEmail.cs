using System.Globalization;
using System.Net.Mail;

namespace Platform.Domain.Buyers;

/// <summary>
/// A single e-mail address, lower-cased. <see cref="Address"/> shows the domain in Unicode (<c>иван@пример.рф</c>);
/// <see cref="AsciiAddress"/> has it in punycode (<c>иван@xn--e1afmkfd.xn--p1ai</c>) and is what we send to Invoicebox.
/// The local part is kept as written: punycode exists only for domains.
/// </summary>
public sealed record BuyerEmail(string Address, string AsciiAddress)
{
    /// <summary>Invoicebox's limit for <c>customer.email</c>.</summary>
    public const int MaxLength = 100;

    /// <summary>For logs, which must not carry full e-mails: <c>и***@пример.рф</c>.</summary>
    public string Masked
    {
        get
        {
            var at = Address.LastIndexOf('@');
            return Address[..1] + "***" + Address[at..];
        }
    }

    public override string ToString() => Masked;

    /// <summary>
    /// Accepts one bare address with a Unicode or punycode domain. Refuses display-name forms (<c>Ivan &lt;i@x.ru&gt;</c>),
    /// lists of addresses, a missing or dotless domain, and anything <see cref="MailAddress"/> or <see cref="IdnMapping"/> refuse.
    /// </summary>
    public static ContactResult<BuyerEmail> Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
            return Invalid(BuyerContactCodes.EmailRequired, "An e-mail address is required.");
        var text = input.Trim();
        if (text.IndexOfAny([',', ';']) >= 0 || text.Count(c => c == '@') > 1 && !text.StartsWith('"'))
            return Invalid(BuyerContactCodes.EmailMultipleAddresses, "Enter one e-mail address.");
        if (text.IndexOfAny(['<', '>']) >= 0)
            return Invalid(BuyerContactCodes.EmailDisplayNameNotAllowed, "Enter the bare address, without a name or angle brackets.");
        if (!text.Contains('@'))
            return Invalid(BuyerContactCodes.EmailInvalid, "An e-mail address needs an @.");
        if (text.EndsWith('@'))
            return Invalid(BuyerContactCodes.EmailDomainMissing, "The e-mail address has no domain after the @.");

        if (!MailAddress.TryCreate(text, out var parsed))
            return Invalid(BuyerContactCodes.EmailInvalid, "This is not an e-mail address.");
        if (parsed.DisplayName.Length > 0)
            return Invalid(BuyerContactCodes.EmailDisplayNameNotAllowed, "Enter the bare address, without a name.");
        // MailAddress drops comments and folds whitespace; anything it rewrote was not a plain address.
        if (!string.Equals(parsed.Address, text, StringComparison.Ordinal))
            return Invalid(BuyerContactCodes.EmailInvalid, "This is not a plain e-mail address.");

        string asciiDomain, unicodeDomain;
        try
        {
            var idn = new IdnMapping { UseStd3AsciiRules = true };
            asciiDomain = idn.GetAscii(parsed.Host).ToLowerInvariant();
            unicodeDomain = idn.GetUnicode(asciiDomain).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return Invalid(BuyerContactCodes.EmailDomainInvalid, "The domain of the e-mail address is not valid.");
        }
        if (!asciiDomain.Contains('.') || asciiDomain.StartsWith('.') || asciiDomain.EndsWith('.'))
            return Invalid(BuyerContactCodes.EmailDomainInvalid, "The domain of the e-mail address is not valid.");

        var user = parsed.User.ToLowerInvariant();
        var ascii = $"{user}@{asciiDomain}";
        if (ascii.Length > MaxLength)
            return Invalid(BuyerContactCodes.EmailTooLong, $"An e-mail address may have at most {MaxLength} characters.");
        return ContactResult<BuyerEmail>.Valid(new BuyerEmail($"{user}@{unicodeDomain}", ascii));
    }

    private static ContactResult<BuyerEmail> Invalid(string code, string message) => ContactResult<BuyerEmail>.Invalid(code, message);
}
