using Platform.Data.Tenancy;

namespace Platform.Data.Payments;

/// <summary>Journal of an Invoicebox notification as received: what it said and what we answered. No body, no secrets.</summary>
public sealed class PaymentNotification : ITenantOwned
{
    public long Id { get; set; }
    public Guid TenantId { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public string? InvoiceboxOrderId { get; set; }
    public string? MerchantOrderId { get; set; }
    public Guid? OrderId { get; set; }
    public string? Status { get; set; }
    public long? AmountKopecks { get; set; }
    public bool SignatureValid { get; set; }
    /// <summary><c>success</c> or the Invoicebox error code we answered.</summary>
    public required string Outcome { get; set; }
    /// <summary>SHA-256 of the raw body, to tell a repeated delivery from a new notification.</summary>
    public string BodyHash { get; set; } = "";
}
