using Platform.Data.Tenancy;
using Platform.Domain.Money;

namespace Platform.Data.Orders;

public enum RefundStatus
{
    /// <summary>Saved before calling Invoicebox; the merchant refund number is taken.</summary>
    Requested,
    /// <summary>Invoicebox accepted the refund order; money reaches the buyer within a few business days.</summary>
    Created,
    Completed,
    Canceled,
    /// <summary>Invoicebox refused it; nothing was refunded.</summary>
    Failed,
    /// <summary>No answer from Invoicebox: it may or may not exist there. Check the Invoicebox cabinet.</summary>
    Unknown,
}

/// <summary>A full or partial refund of a paid order, as the merchant asked for it and as Invoicebox answered.</summary>
public sealed class Refund : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid OrderId { get; set; }
    /// <summary>Sent to Invoicebox as the refund's <c>merchantOrderId</c> («1042-R1»); unique.</summary>
    public required string MerchantRefundId { get; set; }
    public string? InvoiceboxRefundId { get; set; }
    public Kopecks Amount { get; set; }
    public Kopecks VatAmount { get; set; }
    public RefundStatus Status { get; set; } = RefundStatus.Requested;
    public string? FailureReason { get; set; }
    public Guid? RequestedByUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<RefundLine> Lines { get; set; } = [];
}

/// <summary>How much of one order line a refund returns.</summary>
public sealed class RefundLine : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid RefundId { get; set; }
    public Guid OrderLineId { get; set; }
    public decimal Quantity { get; set; }
    public Kopecks Amount { get; set; }
    public Kopecks Vat { get; set; }
}
