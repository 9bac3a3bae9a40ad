using Platform.Invoicebox.Orders;
using Platform.Invoicebox.Refunds;

namespace Platform.Invoicebox;

/// <summary>
/// The Invoicebox merchant API v3 for one merchant's credentials. Failures throw <see cref="InvoiceboxException"/>
/// subtypes. Reads retry transient failures and 429s a few times; writes never retry: after a transient failure of
/// <see cref="CreateOrderAsync"/> the outcome is unknown, so look the order up with <see cref="FindByMerchantOrderIdAsync"/>.
/// </summary>
public interface IInvoiceboxClient
{
    string MerchantId { get; }

    /// <summary><c>GET {prefix}/security/api/auth/auth</c>. A refused token (401/403, or 200 without a user) is a result, not an exception.</summary>
    Task<InvoiceboxAuthCheck> CheckAuthAsync(CancellationToken cancellationToken);

    /// <summary><c>POST {prefix}/billing/api/order/order</c>; a main order, or a suborder when <c>OrderContainerId</c> is set.</summary>
    Task<OrderResponse> CreateOrderAsync(CreateOrderRequest request, CancellationToken cancellationToken);

    /// <summary><c>GET {prefix}/billing/api/order/order/{id}</c>; null when Invoicebox has no such order.</summary>
    Task<OrderResponse?> GetOrderAsync(string orderId, CancellationToken cancellationToken);

    /// <summary>The newest order with exactly this <c>merchantOrderId</c>, or null.</summary>
    Task<OrderResponse?> FindByMerchantOrderIdAsync(string merchantOrderId, CancellationToken cancellationToken);

    /// <summary><c>GET {prefix}/filter/api/order/order</c> with filters, paging and newest-first sort.</summary>
    Task<OrderPage> ListOrdersAsync(OrderFilter filter, CancellationToken cancellationToken);

    /// <summary><c>PUT {prefix}/billing/api/order/order/{id}</c>; only while the order is <c>created</c>.</summary>
    Task<OrderResponse> UpdateOrderAsync(string orderId, UpdateOrderRequest request, CancellationToken cancellationToken);

    /// <summary><c>DELETE {prefix}/billing/api/order/order/{id}</c>; the order comes back <c>canceled</c>. A paid order is refused (<c>wrong_order_status</c>).</summary>
    Task<OrderResponse> CancelOrderAsync(string orderId, CancellationToken cancellationToken);

    /// <summary><c>GET {prefix}/billing/api/order/order/{id}/refund-basket-item</c>: lines of a paid order still refundable.</summary>
    Task<IReadOnlyList<RefundableBasketItem>> GetRefundableLinesAsync(string orderId, CancellationToken cancellationToken);

    /// <summary><c>POST {prefix}/billing/api/order/refund-order</c>.</summary>
    Task<RefundOrderResponse> CreateRefundAsync(CreateRefundRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// <c>GET {prefix}/filter/api/order/refund-order?merchantOrderId=</c>: the refund with exactly this number, or null.
    /// After a transient failure of <see cref="CreateRefundAsync"/> this tells whether the refund exists.
    /// </summary>
    Task<RefundOrderResponse?> FindRefundByMerchantOrderIdAsync(string merchantOrderId, CancellationToken cancellationToken);
}

/// <summary>Whether Invoicebox accepted the token, and the user it belongs to.</summary>
public sealed record InvoiceboxAuthCheck(bool TokenAccepted, string? UserId, int StatusCode, string? ErrorCode, string? RequestId);
