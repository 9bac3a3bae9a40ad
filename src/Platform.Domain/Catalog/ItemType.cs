namespace Platform.Domain.Catalog;

/// <summary>Invoicebox basket item <c>type</c>.</summary>
public enum ItemType
{
    Commodity,
    Service,
}

/// <summary>Invoicebox basket item <c>paymentType</c> (tag 1214).</summary>
public enum PaymentType
{
    FullPrepayment,
    Prepayment,
    Advance,
    FullPayment,
}

/// <summary>The spellings the Invoicebox API uses for <see cref="ItemType"/> and <see cref="PaymentType"/>.</summary>
public static class BasketItemApiNames
{
    public static string ToApiName(this ItemType type) => type switch
    {
        ItemType.Commodity => "commodity",
        ItemType.Service => "service",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static string ToApiName(this PaymentType type) => type switch
    {
        PaymentType.FullPrepayment => "full_prepayment",
        PaymentType.Prepayment => "prepayment",
        PaymentType.Advance => "advance",
        PaymentType.FullPayment => "full_payment",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
