using Platform.Data.Tenancy;
using Platform.Domain.Orders;

namespace Platform.Data.Orders;

/// <summary>Who caused a change on an order's timeline.</summary>
public enum OrderEventSource
{
    Buyer,
    Worker,
    Notification,
    Reconciliation,
    Merchant,
    System,
}

/// <summary>One entry of an order's timeline, shown to the merchant.</summary>
public sealed class OrderEvent : ITenantOwned
{
    public long Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid OrderId { get; set; }
    public DateTimeOffset At { get; set; }
    public OrderStatus? FromStatus { get; set; }
    public OrderStatus? ToStatus { get; set; }
    public OrderEventSource Source { get; set; }
    public string Message { get; set; } = "";
}
