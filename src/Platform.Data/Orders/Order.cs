using Platform.Data.Tenancy;
using Platform.Domain.Money;
using Platform.Domain.Orders;

namespace Platform.Data.Orders;

/// <summary>
/// A buyer's order. The row is also the outbox: an order still <see cref="OrderStatus.Accepted"/> with no Invoicebox id
/// is (re)published until a worker has submitted it.
/// </summary>
public sealed class Order : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }

    /// <summary>Platform-wide order number from a sequence; sent to Invoicebox as <c>merchantOrderId</c>.</summary>
    public long Number { get; set; }
    public Guid PointOfSaleId { get; set; }
    public int ShopId { get; set; }
    public MinappType Mode { get; set; }
    /// <summary>The invoice (container) a suborder joins, as the buyer's session named it.</summary>
    public string? RequestedContainerId { get; set; }
    /// <summary>Unique per tenant: the second submission with the same key returns this order.</summary>
    public required string IdempotencyKey { get; set; }
    /// <summary>Hash of the submitted cart and contacts; the same key with a different request is refused.</summary>
    public string IdempotencyFingerprint { get; set; } = "";
    /// <summary>The buyer session (iframe load) that placed the order; only it may read the order back.</summary>
    public Guid? BuyerSessionId { get; set; }

    public OrderStatus Status { get; set; } = OrderStatus.Accepted;
    public Kopecks Amount { get; set; }
    public Kopecks VatAmount { get; set; }
    public string Currency { get; set; } = "RUB";
    public string Description { get; set; } = "";

    public string BuyerName { get; set; } = "";
    /// <summary>Normalized (lowercase, Unicode domain).</summary>
    public string? BuyerEmail { get; set; }
    /// <summary>E.164 digits without the plus, e.g. 79001112233.</summary>
    public string? BuyerPhone { get; set; }
    public string Locale { get; set; } = "ru";

    public string? InvoiceboxOrderId { get; set; }
    public string? InvoiceboxContainerId { get; set; }
    public string? PaymentUrl { get; set; }
    /// <summary>Why the order was rejected or why submission is failing, in words a buyer and a merchant can read.</summary>
    public string? FailureReason { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? PaidAt { get; set; }
    /// <summary>Last time <c>SubmitOrder</c> was handed to the broker; null = never published (outbox pending).</summary>
    public DateTimeOffset? PublishedAt { get; set; }
    public int SubmitAttempts { get; set; }
    /// <summary>Last time reconciliation compared this order with Invoicebox; the least recently checked go first.</summary>
    public DateTimeOffset? ReconciledAt { get; set; }

    public List<OrderLine> Lines { get; set; } = [];
    public List<OrderEvent> Events { get; set; } = [];

    public string MerchantOrderId => Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
