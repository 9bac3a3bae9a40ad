namespace Platform.Domain.Buyers;

/// <summary>Stable codes for refused contact data; the API returns them in a 422 naming the field.</summary>
public static class BuyerContactCodes
{
    public const string PhoneRequired = "phone_required";
    public const string PhoneTooShort = "phone_too_short";
    public const string PhoneTooLong = "phone_too_long";
    public const string PhoneInvalid = "phone_invalid";

    public const string EmailRequired = "email_required";
    public const string EmailInvalid = "email_invalid";
    public const string EmailMultipleAddresses = "email_multiple_addresses";
    public const string EmailDisplayNameNotAllowed = "email_display_name_not_allowed";
    public const string EmailDomainMissing = "email_domain_missing";
    public const string EmailDomainInvalid = "email_domain_invalid";
    public const string EmailTooLong = "email_too_long";
}
