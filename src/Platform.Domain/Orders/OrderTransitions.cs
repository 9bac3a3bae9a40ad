namespace Platform.Domain.Orders;

/// <summary>
/// The order state machine. Transitions are applied compare-and-set (from an expected state), so a repeated or late
/// signal is a no-op. Paid is final: a late "expired" never un-pays an order.
/// </summary>
public static class OrderTransitions
{
    public static bool IsFinal(this OrderStatus status) =>
        status is OrderStatus.Paid or OrderStatus.Canceled or OrderStatus.Rejected;

    /// <summary>Expired is not final: Invoicebox is the truth, and a payment it reports after our deadline still counts.</summary>
    public static bool CanMove(OrderStatus from, OrderStatus to) => (from, to) switch
    {
        (OrderStatus.Accepted, OrderStatus.AwaitingPayment or OrderStatus.Rejected) => true,
        (OrderStatus.AwaitingPayment, OrderStatus.Paid or OrderStatus.Hold or OrderStatus.Expired or OrderStatus.Canceled) => true,
        (OrderStatus.Hold, OrderStatus.Paid or OrderStatus.Canceled or OrderStatus.Expired) => true,
        (OrderStatus.Expired, OrderStatus.Paid or OrderStatus.Hold or OrderStatus.Canceled) => true,
        _ => false,
    };

    /// <summary>Our state for an Invoicebox order status; null for statuses that say nothing about payment (draft, unknown).</summary>
    public static OrderStatus? FromInvoicebox(string? status) => status switch
    {
        "created" => OrderStatus.AwaitingPayment,
        "completed" => OrderStatus.Paid,
        "hold" => OrderStatus.Hold,
        "expired" => OrderStatus.Expired,
        "canceled" or "cancelled" => OrderStatus.Canceled,
        _ => null,
    };

    /// <summary>The wire name the buyer API and the portal use: <c>awaiting_payment</c> etc.</summary>
    public static string ToWireName(this OrderStatus status) => status switch
    {
        OrderStatus.Accepted => "accepted",
        OrderStatus.AwaitingPayment => "awaiting_payment",
        OrderStatus.Paid => "paid",
        OrderStatus.Hold => "hold",
        OrderStatus.Expired => "expired",
        OrderStatus.Canceled => "canceled",
        OrderStatus.Rejected => "rejected",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
