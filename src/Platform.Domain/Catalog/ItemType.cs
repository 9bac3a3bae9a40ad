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
