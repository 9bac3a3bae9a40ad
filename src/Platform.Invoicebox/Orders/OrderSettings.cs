namespace Platform.Invoicebox.Orders;

/// <summary>Payment-page options of an order (reference §2.4).</summary>
public sealed record InvoiceSetting
{
    public bool? CustomerLocked { get; init; }
    public IReadOnlyList<string>? CustomerLockedFields { get; init; }
    public IReadOnlyList<string>? CustomerHiddenFields { get; init; }
    public bool? PaymentMethodIdLocked { get; init; }
    public int? PaymentMethodId { get; init; }
    public string? DeliveryAddress { get; init; }
}

/// <summary>Rounding/validation options of an order (reference §2.4). We never relax the sum rules; this exists for completeness.</summary>
public sealed record OrderSetting
{
    /// <summary><c>strict</c>, <c>none</c>, <c>floor</c>, <c>ceil</c>, <c>halfUp</c> or <c>halfDown</c>.</summary>
    public string? RoundPolicy { get; init; }
    public bool? DisableValidate { get; init; }
}
