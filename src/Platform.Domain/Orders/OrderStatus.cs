namespace Platform.Domain.Orders;

/// <summary>Our order states; see <see cref="OrderTransitions"/> for the allowed moves.</summary>
public enum OrderStatus
{
    Accepted,
    AwaitingPayment,
    Paid,
    Hold,
    Expired,
    Canceled,
    Rejected,
}

/// <summary>How the buyer reached the mini-app: a main order, or an add-on to an existing invoice.</summary>
public enum MinappType
{
    Order,
    Suborder,
}
