using Platform.Domain.Buyers;

namespace Platform.Invoicebox.Orders;

/// <summary>The payer (reference §2.2). All fields are optional for Invoicebox; null ones are omitted.</summary>
public sealed record Customer
{
    public const string PrivateType = "private";
    public const string LegalType = "legal";

    /// <summary><c>private</c> or <c>legal</c> (also for ИП).</summary>
    public string? Type { get; init; }
    public string? Name { get; init; }
    /// <summary>Digits only, e.g. <c>79001112233</c>.</summary>
    public string? Phone { get; init; }
    public string? Email { get; init; }
    /// <summary>ИНН.</summary>
    public string? VatNumber { get; init; }
    /// <summary>КПП.</summary>
    public string? TaxRegistrationReasonCode { get; init; }
    public string? RegistrationAddress { get; init; }
    public string? CountryId { get; init; }

    /// <summary>A private person from normalized contact data; the e-mail goes in its punycode form.</summary>
    public static Customer Private(string? name, BuyerPhone? phone, BuyerEmail? email) => new()
    {
        Type = PrivateType,
        Name = string.IsNullOrWhiteSpace(name) ? null : name.Trim(),
        Phone = phone?.Digits,
        Email = email?.AsciiAddress,
    };

    public override string ToString() => $"Customer {{ Type = {Type} }}";
}
